package dev.roster.endpoint.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.endpoint.boundary.ServiceEndpointView;
import dev.roster.endpoint.entity.EndpointType;
import dev.roster.endpoint.entity.ServiceEndpoint;
import dev.roster.platform.JsonInput;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.platform.SecretBox;
import dev.roster.platform.Window;
import dev.roster.problem.NotFound;
import dev.roster.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** A tenant's service endpoints. */
@ApplicationScoped
public class ServiceEndpoints {

    static final Set<String> WRITABLE = Set.of("endpointTypeId", "endpointType", "url", "userName", "password",
            "provUserName", "provPassword", "provPort", "apiKey", "messageHandler", "exchange", "binding", "active",
            "durable", "vhost", "activeFrom", "activeUntil");
    static final Set<String> READ_ONLY = Set.of("id", "tenantId", "registeredByUserId", "registeredDate",
            "passwordSet", "provPasswordSet", "apiKeySet");

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    public Page<ServiceEndpointView> list(PageRequest page) {
        String tenant = caller.tenant().id();
        long total = em.createNamedQuery(ServiceEndpoint.COUNT_OF_TENANT, Long.class).setParameter("tenant", tenant)
                .getSingleResult();
        return Page.of(em.createNamedQuery(ServiceEndpoint.OF_TENANT, ServiceEndpoint.class)
                .setParameter("tenant", tenant).setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultStream().map(ServiceEndpointView::from).toList(), page, total);
    }

    /** All of a tenant's endpoints, for {@code details} (a tenant has a handful). */
    public List<ServiceEndpointView> ofTenant(String tenantId) {
        return em.createNamedQuery(ServiceEndpoint.OF_TENANT, ServiceEndpoint.class).setParameter("tenant", tenantId)
                .setMaxResults(1000).getResultStream().map(ServiceEndpointView::from).toList();
    }

    public ServiceEndpointView get(String id) {
        return ServiceEndpointView.from(own(id));
    }

    @Transactional
    public ServiceEndpointView create(JsonObject body) {
        ServiceEndpoint endpoint = new ServiceEndpoint(caller.tenant().id(), caller.id());
        Changes changes = apply(endpoint, body, true);
        em.persist(endpoint);
        audit.record(endpoint.tenantId(), "endpoint.registered", "endpoint", endpoint.id(), endpoint.url(), changes);
        return ServiceEndpointView.from(endpoint);
    }

    /** Changes the fields the body names; a secret left out is kept, a secret sent as null is cleared. */
    @Transactional
    public ServiceEndpointView update(String id, JsonObject body) {
        ServiceEndpoint endpoint = own(id);
        Changes changes = apply(endpoint, body, false);
        if (!changes.isEmpty()) {
            endpoint.touch();
            audit.record(endpoint.tenantId(), "endpoint.changed", "endpoint", endpoint.id(), endpoint.url(), changes);
        }
        return ServiceEndpointView.from(endpoint);
    }

    @Transactional
    public void delete(String id) {
        ServiceEndpoint endpoint = own(id);
        em.remove(endpoint);
        audit.record(endpoint.tenantId(), "endpoint.removed", "endpoint", endpoint.id(), endpoint.url(), null);
    }

    /**
     * The type a body names: by {@code endpointTypeId}, or by the seed's {@code endpointType} map with its
     * {@code id} or {@code label} (as a client sends back what it read); null when it names none.
     */
    private static Integer namedType(JsonInput in, JsonObject body) {
        Integer byId = in.integer("endpointTypeId", 1, Integer.MAX_VALUE);
        JsonValue named = body.get("endpointType");
        if (named == null || named.getValueType() == JsonValue.ValueType.NULL) {
            return byId;
        }
        Integer byMap = null;
        if (!(named instanceof JsonObject map)) {
            in.fail("endpointType", "must be an object naming the type by id or label");
        } else if (map.get("id") instanceof JsonNumber id && id.isIntegral()) {
            byMap = id.intValue();
        } else if (map.get("label") instanceof JsonString label) {
            byMap = EndpointType.byLabel(label.getString()).map(EndpointType::id).orElse(null);
            if (byMap == null) {
                in.fail("endpointType.label", "is not in the catalog at GET /api/v1/provisioning/endpoint-types");
            }
        } else {
            in.fail("endpointType", "names the type by its id (a number) or its label (such as MQ_INCOMING)");
        }
        if (byId != null && byMap != null && !byId.equals(byMap)) {
            in.fail("endpointType", "names another type than endpointTypeId");
        }
        return byId != null ? byId : byMap;
    }

    private Changes apply(ServiceEndpoint e, JsonObject body, boolean creating) {
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!WRITABLE.contains(field) && !READ_ONLY.contains(field)) {
                in.fail(field, "is not a field of a service endpoint; writable fields are "
                        + String.join(", ", WRITABLE.stream().sorted().toList()));
            }
        }
        Integer typeId = namedType(in, body);
        if (creating && typeId == null && in.valid()) {
            in.fail("endpointTypeId", "is required (or the seed's endpointType with its id or label); see GET"
                    + " /api/v1/provisioning/endpoint-types");
        }
        if (creating && (!in.has("url") || body.isNull("url"))) {
            in.fail("url", "is required");
        }
        EndpointType type = typeId == null ? EndpointType.byId(e.endpointTypeId()).orElse(null)
                : EndpointType.byId(typeId).orElse(null);
        if (typeId != null && type == null) {
            in.fail("endpointTypeId", "is not in the catalog at GET /api/v1/provisioning/endpoint-types");
        }
        String url = in.has("url") ? in.requiredString("url", 2048) : e.url();
        if (url != null && type != null && in.valid()) {
            checkUrl(in, url, type);
        }
        Integer port = port(in, body);
        Boolean active = in.bool("active");
        Boolean durable = in.bool("durable");
        if (in.has("active") && body.isNull("active")) {
            in.fail("active", "must be true or false");
        }
        if (in.has("durable") && body.isNull("durable")) {
            in.fail("durable", "must be true or false");
        }
        Window window = Window.read(in, new Window(e.activeFrom(), e.activeUntil()));
        Instant from = window.activeFrom();
        Instant until = window.activeUntil();
        String password = in.string("password", 1024);
        String provPassword = in.string("provPassword", 1024);
        String apiKey = in.string("apiKey", 4096);
        String userName = in.string("userName", 200);
        String provUserName = in.string("provUserName", 200);
        String messageHandler = in.string("messageHandler", 200);
        String exchange = in.string("exchange", 200);
        String binding = in.string("binding", 200);
        String vhost = in.string("vhost", 200);
        in.check();

        Changes changes = new Changes();
        if (typeId != null) {
            set(changes, "endpointTypeId", e.endpointTypeId(), typeId, e::type);
        }
        set(in, changes, "url", e.url(), url, e::url);
        set(in, changes, "userName", e.userName(), userName, e::userName);
        set(in, changes, "provUserName", e.provUserName(), provUserName, e::provUserName);
        set(in, changes, "provPort", e.provPort(), port, e::provPort);
        set(in, changes, "messageHandler", e.messageHandler(), messageHandler, e::messageHandler);
        set(in, changes, "exchange", e.exchange(), exchange, e::exchange);
        set(in, changes, "binding", e.binding(), binding, e::binding);
        set(in, changes, "vhost", e.vhost(), vhost, e::vhost);
        set(in, changes, "active", e.active(), active, e::active);
        set(in, changes, "durable", e.durable(), durable, e::durable);
        changes.note("activeFrom", e.activeFrom(), from).note("activeUntil", e.activeUntil(), until);
        e.window(from, until);
        secret(in, changes, "password", password, e.id(), e::passwordEnc);
        secret(in, changes, "provPassword", provPassword, e.id(), e::provPasswordEnc);
        secret(in, changes, "apiKey", apiKey, e.id(), e::apiKeyEnc);
        return changes;
    }

    private static <T> void set(JsonInput in, Changes changes, String field, T before, T after, Consumer<T> setter) {
        if (in.has(field)) {
            set(changes, field, before, after, setter);
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
    private static void secret(JsonInput in, Changes changes, String field, String value, String id,
                               Consumer<String> setter) {
        if (in.has(field)) {
            setter.accept(value == null || value.isEmpty() ? null
                    : SecretBox.seal(value, "service-endpoint:" + id + ":" + field));
            changes.secret(field);
        }
    }

    private static void checkUrl(JsonInput in, String url, EndpointType type) {
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

    /** {@code provPort}: a port number, as a number or a string of digits (the seed types it as a string). */
    private static Integer port(JsonInput in, JsonObject body) {
        JsonValue value = body.get("provPort");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Integer port = null;
        if (value instanceof JsonNumber number && number.isIntegral()) {
            port = number.intValue();
        } else if (value instanceof JsonString text && text.getString().matches("\\d{1,5}")) {
            port = Integer.parseInt(text.getString());
        }
        if (port == null || port < 1 || port > 65535) {
            return in.fail("provPort", "must be a port number from 1 to 65535");
        }
        return port;
    }

    private ServiceEndpoint own(String id) {
        ServiceEndpoint endpoint = em.find(ServiceEndpoint.class, id);
        if (endpoint == null || !endpoint.tenantId().equals(caller.tenant().id())) {
            throw new NotFound("there is no service endpoint '" + id + "'");
        }
        return endpoint;
    }
}
