package dev.roster.endpoint.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.Caller;
import dev.roster.endpoint.entity.EndpointType;
import dev.roster.endpoint.entity.ServiceEndpoint;
import dev.roster.platform.Checks;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.platform.SecretBox;
import dev.roster.platform.Value;
import dev.roster.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** A tenant's service endpoints. */
@ApplicationScoped
public class ServiceEndpoints {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    public Page<ServiceEndpoint> list(PageRequest page) {
        String tenant = caller.tenant().id();
        long total = em.createNamedQuery(ServiceEndpoint.COUNT_OF_TENANT, Long.class).setParameter("tenant", tenant)
                .getSingleResult();
        return Page.of(em.createNamedQuery(ServiceEndpoint.OF_TENANT, ServiceEndpoint.class)
                .setParameter("tenant", tenant).setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList(), page, total);
    }

    /** All of a tenant's endpoints, for {@code details} (a tenant has a handful). */
    public List<ServiceEndpoint> ofTenant(String tenantId) {
        return em.createNamedQuery(ServiceEndpoint.OF_TENANT, ServiceEndpoint.class).setParameter("tenant", tenantId)
                .setMaxResults(1000).getResultList();
    }

    public ServiceEndpoint get(String id) {
        return own(id);
    }

    @Transactional
    public ServiceEndpoint create(EndpointCommand command) {
        ServiceEndpoint endpoint = new ServiceEndpoint(caller.tenant().id(), caller.id());
        Changes changes = apply(endpoint, command, true);
        em.persist(endpoint);
        audit.record(endpoint.tenantId(), "endpoint.registered", "endpoint", endpoint.id(), endpoint.url(), changes);
        return endpoint;
    }

    /** Changes the fields the command names; a secret left out is kept, a secret sent as null is cleared. */
    @Transactional
    public ServiceEndpoint update(String id, EndpointCommand command) {
        ServiceEndpoint endpoint = own(id);
        Changes changes = apply(endpoint, command, false);
        if (!changes.isEmpty()) {
            endpoint.touch();
            audit.record(endpoint.tenantId(), "endpoint.changed", "endpoint", endpoint.id(), endpoint.url(), changes);
        }
        return endpoint;
    }

    @Transactional
    public void delete(String id) {
        ServiceEndpoint endpoint = own(id);
        em.remove(endpoint);
        audit.record(endpoint.tenantId(), "endpoint.removed", "endpoint", endpoint.id(), endpoint.url(), null);
    }

    private Changes apply(ServiceEndpoint e, EndpointCommand c, boolean creating) {
        Checks checks = new Checks();
        EndpointType type = EndpointType.byId(e.endpointTypeId()).orElse(null);
        if (checks.readable("endpointTypeId", c.typeId()) && c.typeId().isSet()) {
            type = EndpointType.byId(c.typeId().value()).orElse(null);
            if (type == null) {
                checks.fail("endpointTypeId", "is not in the catalog at GET /api/v1/provisioning/endpoint-types");
            }
        } else if (creating && !c.typeId().present()) {
            checks.fail("endpointTypeId", "is required (or the seed's endpointType with its id or label); see GET"
                    + " /api/v1/provisioning/endpoint-types");
        } else if (c.typeId().present() && c.typeId().problem() == null) {
            checks.fail("endpointTypeId", "cannot be null");
        }
        if (creating || c.url().present()) {
            checks.required("url", c.url()).maxLength("url", c.url(), 2048);
        }
        String url = c.url().present() ? c.url().value() : e.url();
        if (checks.valid() && url != null && type != null) {
            checkUrl(checks, url, type);
        }
        if (checks.readable("provPort", c.provPort()) && c.provPort().isSet()
                && (c.provPort().value() < 1 || c.provPort().value() > 65535)) {
            checks.fail("provPort", "must be a port number from 1 to 65535");
        }
        checks.notCleared("active", c.active()).notCleared("durable", c.durable())
                .maxLength("password", c.password(), 1024).maxLength("provPassword", c.provPassword(), 1024)
                .maxLength("apiKey", c.apiKey(), 4096).maxLength("userName", c.userName(), 200)
                .maxLength("provUserName", c.provUserName(), 200).maxLength("messageHandler", c.messageHandler(), 200)
                .maxLength("exchange", c.exchange(), 200).maxLength("binding", c.binding(), 200)
                .maxLength("vhost", c.vhost(), 200);
        Instant from = c.activeFrom().present() ? c.activeFrom().value() : e.activeFrom();
        Instant until = c.activeUntil().present() ? c.activeUntil().value() : e.activeUntil();
        if (checks.readable("activeFrom", c.activeFrom()) && checks.readable("activeUntil", c.activeUntil())
                && from != null && until != null && !until.isAfter(from)) {
            checks.fail("activeUntil", "must be later than activeFrom");
        }
        checks.done();

        Changes changes = new Changes();
        if (c.typeId().isSet()) {
            set(changes, "endpointTypeId", e.endpointTypeId(), c.typeId().value(), e::type);
        }
        change(changes, "url", e.url(), c.url(), e::url);
        change(changes, "userName", e.userName(), c.userName(), e::userName);
        change(changes, "provUserName", e.provUserName(), c.provUserName(), e::provUserName);
        change(changes, "provPort", e.provPort(), c.provPort(), e::provPort);
        change(changes, "messageHandler", e.messageHandler(), c.messageHandler(), e::messageHandler);
        change(changes, "exchange", e.exchange(), c.exchange(), e::exchange);
        change(changes, "binding", e.binding(), c.binding(), e::binding);
        change(changes, "vhost", e.vhost(), c.vhost(), e::vhost);
        change(changes, "active", e.active(), c.active(), e::active);
        change(changes, "durable", e.durable(), c.durable(), e::durable);
        changes.note("activeFrom", e.activeFrom(), from).note("activeUntil", e.activeUntil(), until);
        e.window(from, until);
        secret(changes, "password", c.password(), e.id(), e::passwordEnc);
        secret(changes, "provPassword", c.provPassword(), e.id(), e::provPasswordEnc);
        secret(changes, "apiKey", c.apiKey(), e.id(), e::apiKeyEnc);
        return changes;
    }

    private static <T> void change(Changes changes, String field, T before, Value<T> after, Consumer<T> setter) {
        if (after.present()) {
            set(changes, field, before, after.value(), setter);
        }
    }

    private static <T> void set(Changes changes, String field, T before, T after, Consumer<T> setter) {
        if (!Objects.equals(before, after)) {
            changes.note(field, before, after);
            setter.accept(after);
        }
    }

    /**
     * A secret the body names is sealed, or cleared when null or empty (the seed sends {@code "apiKey": ""} for
     * none); its value never reaches the audit trail.
     */
    private static void secret(Changes changes, String field, Value<String> value, String id,
                               Consumer<String> setter) {
        if (value.present()) {
            setter.accept(value.value() == null || value.value().isEmpty() ? null
                    : SecretBox.seal(value.value(), "service-endpoint:" + id + ":" + field));
            changes.secret(field);
        }
    }

    private static void checkUrl(Checks in, String url, EndpointType type) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !type.schemes().contains(uri.getScheme().toLowerCase())) {
                in.fail("url", "must use " + String.join(" or ", type.schemes().stream().sorted().toList())
                        + " for a " + type.name() + " endpoint");
            } else if (uri.getHost() == null) {
                in.fail("url", "must name a host");
            }
        } catch (URISyntaxException ex) {
            in.fail("url", "is not a valid URL");
        }
    }

    private ServiceEndpoint own(String id) {
        ServiceEndpoint endpoint = em.find(ServiceEndpoint.class, id);
        if (endpoint == null || !endpoint.tenantId().equals(caller.tenant().id())) {
            throw new NotFound("there is no service endpoint '" + id + "'");
        }
        return endpoint;
    }
}
