package dev.roster.domain.control;

import dev.roster.domain.entity.DomainMapping;
import dev.roster.platform.Clock;
import dev.roster.tenant.entity.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The domain mapping the current request's {@code Host} names, looked up once per request. */
@RequestScoped
public class RequestHost {

    @Inject
    HttpServletRequest request;

    @Inject
    DomainMappings mappings;

    @PersistenceContext
    EntityManager em;

    private Optional<DomainMapping> mapping;
    private Optional<String> tenantLabel;

    /** The active mapping of this request's host, if any. */
    public Optional<DomainMapping> mapping() {
        if (mapping == null) {
            mapping = mappings.active(request.getHeader("Host"), Clock.now());
        }
        return mapping;
    }

    /** The label of the tenant this host serves, if it is mapped. */
    public Optional<String> tenantLabel() {
        if (tenantLabel == null) {
            tenantLabel = mapping().map(m -> em.find(Tenant.class, m.tenantId())).map(Tenant::label);
        }
        return tenantLabel;
    }

    /** Whether a credential of this tenant may be used on this host: always, unless the host serves another. */
    public boolean admits(String tenantId) {
        return mapping().map(m -> m.tenantId().equals(tenantId)).orElse(true);
    }
}
