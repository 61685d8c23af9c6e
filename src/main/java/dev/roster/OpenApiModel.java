package dev.roster;

import dev.roster.apikey.boundary.ApiKeyView;
import dev.roster.audit.boundary.EventsResource;
import dev.roster.domain.boundary.DomainMappingView;
import dev.roster.endpoint.boundary.ServiceEndpointView;
import dev.roster.privilege.boundary.PrivilegeView;
import dev.roster.privilege.control.RoleRef;
import dev.roster.problem.Problem;
import dev.roster.provisioning.boundary.TenantInfoView;
import dev.roster.provisioning.boundary.UserView;
import dev.roster.service.boundary.ServiceView;
import dev.roster.tenant.boundary.TenantView;
import dev.roster.token.boundary.TokenResource;
import jakarta.json.JsonObject;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The schemas of the OpenAPI document, built from the records the API answers with (Payara's annotation
 * scanner drops properties of records), plus the problem document every error refers to. Responses refer to
 * them by the names in {@link #SCHEMAS}.
 */
public class OpenApiModel implements OASModelReader {

    /** Schema name to the record it describes; a {@code …Page} schema is a page of the record it names. */
    static final Map<String, Class<?>> SCHEMAS = new LinkedHashMap<>();
    static final Map<String, String> PAGES = new LinkedHashMap<>();
    /** The other schemas this model adds. */
    static final java.util.Set<String> EXTRA = java.util.Set.of("Problem", "FieldError", "ServiceList",
            "EndpointTypeList", "JwkSet", "PrivilegeList");

    static {
        SCHEMAS.put("User", UserView.class);
        SCHEMAS.put("UserInTenant", UserView.InTenant.class);
        SCHEMAS.put("Privilege", PrivilegeView.class);
        SCHEMAS.put("HeldPrivilege", PrivilegeView.Held.class);
        SCHEMAS.put("PrivilegeUser", PrivilegeView.UserSummary.class);
        SCHEMAS.put("Tenant", TenantView.class);
        SCHEMAS.put("TenantInfo", TenantInfoView.Info.class);
        SCHEMAS.put("TenantDetails", TenantInfoView.Details.class);
        SCHEMAS.put("AuditEvent", EventsResource.EventView.class);
        SCHEMAS.put("TokenResponse", TokenResource.TokenResponse.class);
        SCHEMAS.put("ApiKey", ApiKeyView.class);
        SCHEMAS.put("DomainMapping", DomainMappingView.class);
        SCHEMAS.put("ServiceEndpoint", ServiceEndpointView.class);
        SCHEMAS.put("EndpointType", ServiceEndpointView.TypeView.class);
        SCHEMAS.put("Service", ServiceView.class);
        SCHEMAS.put("Role", RoleRef.class);
        PAGES.put("UserPage", "User");
        PAGES.put("UserInTenantPage", "UserInTenant");
        PAGES.put("PrivilegePage", "Privilege");
        PAGES.put("RolePage", "Role");
        PAGES.put("TenantPage", "Tenant");
        PAGES.put("AuditEventPage", "AuditEvent");
        PAGES.put("ApiKeyPage", "ApiKey");
        PAGES.put("DomainMappingPage", "DomainMapping");
        PAGES.put("ServiceEndpointPage", "ServiceEndpoint");
    }

    @Override
    public OpenAPI buildModel() {
        Components components = OASFactory.createComponents();
        SCHEMAS.forEach((name, type) -> components.addSchema(name, record(type)));
        PAGES.forEach((name, item) -> components.addSchema(name, page(item)));
        components.addSchema("PrivilegeList",
                OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(ref("Privilege")));
        components.addSchema("ServiceList", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(ref("Service")));
        components.addSchema("EndpointTypeList",
                OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(ref("EndpointType")));
        components.addSchema("JwkSet", object("An RFC 7517 JWK set: the public keys that verify Roster's tokens")
                .addProperty("keys", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().type(Schema.SchemaType.OBJECT))));
        components.addSchema("FieldError", object("One offending input field and what is wrong with it")
                .addProperty("field", text("the JSON field (with its path, such as tenantUserPrivileges[0].role), "
                        + "query parameter or header"))
                .addProperty("message", text("what is wrong")));
        components.addSchema("Problem", object("An error, as an RFC 9457 problem document (" + Problem.MEDIA_TYPE + ")")
                .addProperty("type", text("a URN naming the kind of problem, such as urn:roster:problem:invalid-input"))
                .addProperty("title", text("a short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER)
                        .description("the HTTP status"))
                .addProperty("detail", text("what went wrong with this request, for a client developer to act on"))
                .addProperty("instance", text("the request path"))
                .addProperty("requestId", text("the request's id (X-Request-Id); quote it when reporting a problem"))
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .items(ref("FieldError")).description("the offending fields"))
                .addProperty("error", text("token endpoint only: the OAuth 2.0 error code (RFC 6749 section 5.2)"))
                .addProperty("error_description", text("token endpoint only: the same as detail")));
        return OASFactory.createOpenAPI().components(components);
    }

    static Schema record(Class<?> type) {
        Schema schema = object(null);
        for (RecordComponent component : type.getRecordComponents()) {
            schema.addProperty(component.getName(), of(component.getGenericType()));
        }
        return schema;
    }

    private static Schema of(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == java.util.List.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(of(list.getActualTypeArguments()[0]));
        }
        if (type == String.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (type == Instant.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER);
        }
        if (type == boolean.class || type == Boolean.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        }
        if (type instanceof Class<?> nested && nested.isRecord()) {
            return SCHEMAS.entrySet().stream().filter(e -> e.getValue() == nested).findFirst()
                    .map(e -> ref(e.getKey())).orElseGet(() -> record(nested));
        }
        if (type == JsonObject.class || type == Object.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        }
        throw new IllegalStateException("no OpenAPI schema for " + type);
    }

    private static Schema page(String item) {
        return object("One page of a list, in a stable order")
                .addProperty("content", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(ref(item)))
                .addProperty("page", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).description("from 0"))
                .addProperty("size", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("totalElements", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("totalPages", OASFactory.createSchema().type(Schema.SchemaType.INTEGER));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }
}
