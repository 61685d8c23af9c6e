package dev.roster.provisioning.boundary;

import dev.roster.domain.boundary.DomainMappingView;
import dev.roster.endpoint.boundary.ServiceEndpointView;
import dev.roster.service.boundary.ServiceView;
import dev.roster.tenant.entity.Tenant;
import jakarta.annotation.Nullable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** The calling tenant's own configuration, as the seed's {@code info} and {@code details} show it (003 Tenant). */
public final class TenantInfoView {

    private TenantInfoView() {
    }

    /** {@code GET /api/v1/provisioning/info}: the seed's tenant information. */
    @JsonbPropertyOrder({"label", "name", "active", "icon", "theme", "tenantServices"})
    public record Info(String label, String name, boolean active, @Nullable String icon, @Nullable String theme,
                       List<ServiceView> tenantServices) {
        /** {@code services}: the ones the tenant has switched on. */
        public static Info from(Tenant tenant, List<ServiceView> services) {
            return new Info(tenant.label(), tenant.name(), tenant.active(), tenant.icon(), tenant.theme(), services);
        }

        /** As seen through a mapped domain: the mapping's icon and theme, where it has them, win. */
        public Info branded(String mappingIcon, String mappingTheme) {
            return new Info(label, name, active, blank(mappingIcon) ? icon : mappingIcon,
                    blank(mappingTheme) ? theme : mappingTheme, tenantServices);
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }

    /** {@code GET /api/v1/provisioning/details}: everything about the tenant but user privileges. */
    @JsonbPropertyOrder({"label", "name", "active", "icon", "theme", "tenantServices", "tenantEndpoints",
            "tenantDomainMappings", "createdAt", "updatedAt"})
    public record Details(String label, String name, boolean active, @Nullable String icon, @Nullable String theme,
                          List<ServiceView> tenantServices, List<ServiceEndpointView> tenantEndpoints,
                          List<DomainMappingView> tenantDomainMappings, Instant createdAt, Instant updatedAt) {
        public static Details from(Tenant tenant, List<ServiceView> services, List<ServiceEndpointView> endpoints,
                                   List<DomainMappingView> mappings) {
            return new Details(tenant.label(), tenant.name(), tenant.active(), tenant.icon(), tenant.theme(),
                    services, endpoints, mappings, tenant.createdAt(), tenant.updatedAt());
        }
    }
}
