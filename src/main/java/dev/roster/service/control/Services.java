package dev.roster.service.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.platform.JsonInput;
import dev.roster.problem.NotFound;
import dev.roster.security.Caller;
import dev.roster.service.boundary.ServiceView;
import dev.roster.service.entity.Service;
import dev.roster.service.entity.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The state of each service for a tenant, and the operator's switch. */
@ApplicationScoped
public class Services {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /** Every service of the catalog with its state for the tenant. */
    public List<ServiceView> of(String tenantId) {
        Map<String, TenantService> switches = em.createNamedQuery(TenantService.OF_TENANT, TenantService.class)
                .setParameter("tenant", tenantId).getResultStream()
                .collect(Collectors.toMap(TenantService::service, Function.identity()));
        return Arrays.stream(Service.values()).map(service -> {
            TenantService state = switches.get(service.id());
            return state == null ? ServiceView.of(service, service.onByDefault(), null, null)
                    : ServiceView.of(service, state.enabled(), state.changedBy(), state.changedAt());
        }).toList();
    }

    /**
     * Whether the tenant has the service switched on: from the switches read with the caller's credential when
     * it is the caller's tenant, else one primary-key probe.
     */
    public boolean enabled(String tenantId, Service service) {
        Map<String, Boolean> known = caller.serviceSwitches(tenantId);
        if (known != null) {
            return known.getOrDefault(service.id(), service.onByDefault());
        }
        TenantService state = em.find(TenantService.class, new TenantService.Key(tenantId, service.id()));
        return state == null ? service.onByDefault() : state.enabled();
    }

    /** The operator's switch: {@code {"enabled": true|false}}. */
    @Transactional
    public ServiceView switchTo(String tenantId, String serviceId, JsonObject body) {
        Service service = Service.byId(serviceId).orElseThrow(() -> new NotFound("there is no service '" + serviceId
                + "'; services are " + Arrays.stream(Service.values()).map(Service::id).collect(Collectors.joining(", "))));
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!field.equals("enabled")) {
                in.fail(field, "is not a field of a service switch; send {\"enabled\": true} or false");
            }
        }
        Boolean enabled = in.bool("enabled");
        if (enabled == null && in.valid()) {
            in.fail("enabled", "is required: true or false");
        }
        in.check();
        TenantService state = em.find(TenantService.class, new TenantService.Key(tenantId, service.id()));
        boolean before = state == null ? service.onByDefault() : state.enabled();
        if (state == null) {
            state = new TenantService(tenantId, service);
            state.switchTo(enabled, caller.name());
            em.persist(state);
        } else {
            state.switchTo(enabled, caller.name());
        }
        if (before != enabled) {
            audit.record(tenantId, enabled ? "service.enabled" : "service.disabled", "service", service.id(),
                    service.id(), new Changes().note("enabled", before, enabled));
        }
        return ServiceView.of(service, enabled, state.changedBy(), state.changedAt());
    }
}
