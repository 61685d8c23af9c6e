package dev.roster.service.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.Caller;
import dev.roster.problem.NotFound;
import dev.roster.service.entity.Service;
import dev.roster.service.entity.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    public List<ServiceState> of(String tenantId) {
        Map<String, TenantService> switches = em.createNamedQuery(TenantService.OF_TENANT, TenantService.class)
                .setParameter("tenant", tenantId).getResultStream()
                .collect(Collectors.toMap(TenantService::service, Function.identity()));
        return Arrays.stream(Service.values()).map(service -> {
            TenantService state = switches.get(service.id());
            return state == null ? new ServiceState(service, service.onByDefault(), null, null)
                    : new ServiceState(service, state.enabled(), state.changedBy(), state.changedAt());
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

    /** The operator's switch. */
    @Transactional
    public ServiceState switchTo(String tenantId, String serviceId, boolean enabled) {
        Service service = Service.byId(serviceId).orElseThrow(() -> new NotFound("there is no service '" + serviceId
                + "'; services are " + Arrays.stream(Service.values()).map(Service::id).collect(Collectors.joining(", "))));
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
        return new ServiceState(service, enabled, state.changedBy(), state.changedAt());
    }
}
