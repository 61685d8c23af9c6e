package dev.roster.tenant.boundary;

import dev.roster.tenant.entity.Tenant;
import jakarta.annotation.Nullable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A tenant as the operator sees it at {@code /api/v1/tenants}. */
@JsonbPropertyOrder({"id", "label", "name", "active", "icon", "theme", "createdAt", "updatedAt"})
public record TenantView(String id, String label, String name, boolean active, @Nullable String icon,
                         @Nullable String theme, Instant createdAt, Instant updatedAt) {

    public static TenantView from(Tenant tenant) {
        return new TenantView(tenant.id(), tenant.label(), tenant.name(), tenant.active(), tenant.icon(),
                tenant.theme(), tenant.createdAt(), tenant.updatedAt());
    }
}
