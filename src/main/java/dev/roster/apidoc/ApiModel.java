package dev.roster.apidoc;

import dev.roster.aisera.boundary.AiseraResource;
import dev.roster.apikey.boundary.ApiKeyView;
import dev.roster.appxite.boundary.AppXiteResource;
import dev.roster.audit.boundary.EventsResource;
import dev.roster.directory.boundary.DirectoryViews;
import dev.roster.directory.boundary.IdentityProvidersResource;
import dev.roster.domain.boundary.DomainMappingView;
import dev.roster.endpoint.boundary.ServiceEndpointView;
import dev.roster.invitation.boundary.AcceptResource;
import dev.roster.invitation.boundary.InvitationView;
import dev.roster.invitation.boundary.InvitationsResource;
import dev.roster.job.boundary.JobResult;
import dev.roster.job.boundary.JobView;
import dev.roster.privilege.boundary.PrivilegeView;
import dev.roster.privilege.control.RoleRef;
import dev.roster.provisioning.boundary.TenantInfoView;
import dev.roster.provisioning.boundary.UserView;
import dev.roster.service.boundary.ServiceView;
import dev.roster.tenant.boundary.TenantView;
import dev.roster.token.boundary.TokenResource;
import jakarta.annotation.Nullable;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The answers' schemas, built from the records the API answers with (Payara's annotation scanner drops the
 * properties of records). A component marked {@link Nullable} may be {@code null}; every other component is always
 * present, so it is required. A nullable record is described in place rather than by reference: OpenAPI 3.0 ignores
 * {@code nullable} beside {@code $ref}, and validators refuse a null against {@code allOf}. Responses refer to the schemas by the names in {@link #RECORDS}, {@link #PAGES} and
 * {@link #LISTS}; the rest of the document is {@code META-INF/openapi.yaml}.
 */
public class ApiModel implements OASModelReader {

    /** Schema name to the record it describes. */
    static final Map<String, Class<?>> RECORDS = new LinkedHashMap<>();
    /** A page of the named schema (the platform's {@code Page}). */
    static final Map<String, String> PAGES = new LinkedHashMap<>();
    /** A JSON array of the named schema. */
    static final Map<String, String> LISTS = new LinkedHashMap<>();

    static {
        RECORDS.put("User", UserView.class);
        RECORDS.put("UserInTenant", UserView.InTenant.class);
        RECORDS.put("Privilege", PrivilegeView.class);
        RECORDS.put("HeldPrivilege", PrivilegeView.Held.class);
        RECORDS.put("PrivilegeUser", PrivilegeView.UserSummary.class);
        RECORDS.put("Tenant", TenantView.class);
        RECORDS.put("TenantInfo", TenantInfoView.Info.class);
        RECORDS.put("TenantDetails", TenantInfoView.Details.class);
        RECORDS.put("AuditEvent", EventsResource.EventView.class);
        RECORDS.put("TokenResponse", TokenResource.TokenResponse.class);
        RECORDS.put("ApiKey", ApiKeyView.class);
        RECORDS.put("DomainMapping", DomainMappingView.class);
        RECORDS.put("ServiceEndpoint", ServiceEndpointView.class);
        RECORDS.put("EndpointType", ServiceEndpointView.TypeView.class);
        RECORDS.put("Service", ServiceView.class);
        RECORDS.put("Role", RoleRef.class);
        RECORDS.put("Group", DirectoryViews.GroupView.class);
        RECORDS.put("Organization", DirectoryViews.OrganizationView.class);
        RECORDS.put("Member", DirectoryViews.MemberView.class);
        RECORDS.put("GroupRef", DirectoryViews.GroupRef.class);
        RECORDS.put("OrganizationRef", DirectoryViews.OrganizationRef.class);
        RECORDS.put("IdentityProvider", IdentityProvidersResource.ProviderView.class);
        RECORDS.put("Invitation", InvitationView.class);
        RECORDS.put("InvitationDelivery", InvitationView.Delivery.class);
        RECORDS.put("InvitationResult", InvitationsResource.Result.class);
        RECORDS.put("InvitationResults", InvitationsResource.Results.class);
        RECORDS.put("AcceptedInvitation", AcceptResource.AcceptedView.class);
        RECORDS.put("AppXiteUser", AppXiteResource.XUser.class);
        RECORDS.put("AppXiteOrganization", AppXiteResource.XOrganization.class);
        RECORDS.put("AppXiteUserPage", AppXiteResource.XUserPage.class);
        RECORDS.put("AppXiteRole", AppXiteResource.XRole.class);
        RECORDS.put("AppXiteIdentityProvider", AppXiteResource.XIdentityProvider.class);
        RECORDS.put("AppXiteResult", AppXiteResource.XResult.class);
        RECORDS.put("AppXiteResults", AppXiteResource.XResults.class);
        RECORDS.put("AiseraUser", AiseraResource.AiseraUser.class);
        RECORDS.put("Job", JobView.class);
        RECORDS.put("JobCounts", JobView.Counts.class);
        RECORDS.put("JobResult", JobResult.class);
        for (String item : List.of("User", "UserInTenant", "Privilege", "Role", "Tenant", "AuditEvent", "ApiKey",
                "DomainMapping", "ServiceEndpoint", "Group", "Organization", "Member",
                "IdentityProvider", "Invitation", "Job", "JobResult")) {
            PAGES.put(item + "Page", item);
        }
        LISTS.put("PrivilegeList", "Privilege");
        LISTS.put("ServiceList", "Service");
        LISTS.put("EndpointTypeList", "EndpointType");
        LISTS.put("AppXiteRoleList", "AppXiteRole");
        LISTS.put("AppXiteIdentityProviderList", "AppXiteIdentityProvider");
    }

    @Override
    public OpenAPI buildModel() {
        Components components = OASFactory.createComponents();
        RECORDS.forEach((name, type) -> components.addSchema(name, record(type)));
        PAGES.forEach((name, item) -> components.addSchema(name, page(item)));
        LISTS.forEach((name, item) -> components.addSchema(name, array(ref(item))));
        return OASFactory.createOpenAPI().components(components);
    }

    static Schema record(Class<?> type) {
        Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
        for (RecordComponent component : type.getRecordComponents()) {
            String name = jsonName(component);
            Schema property = of(component.getGenericType());
            if (component.isAnnotationPresent(Nullable.class)) {
                property = component.getType().isRecord() ? record(component.getType()).nullable(true)
                        : property.nullable(true);
            } else if (!omittedWhenNull(component)) {
                schema.addRequired(name);
            }
            schema.addProperty(name, property);
        }
        return schema;
    }

    /** The component's name in JSON: its {@code @JsonbProperty}, else its own. */
    private static String jsonName(RecordComponent component) {
        JsonbProperty property = component.getAccessor().getAnnotation(JsonbProperty.class);
        if (property == null) {
            property = component.getAnnotation(JsonbProperty.class);
        }
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }

    /** A component JSON-B leaves out when it is null ({@code @JsonbNillable(false)}) is optional, never null. */
    private static boolean omittedWhenNull(RecordComponent component) {
        JsonbNillable nillable = component.getAccessor().getAnnotation(JsonbNillable.class);
        if (nillable == null) {
            nillable = component.getAnnotation(JsonbNillable.class);
        }
        return nillable != null && !nillable.value();
    }

    private static Schema of(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return array(of(list.getActualTypeArguments()[0]));
        }
        if (type == String.class) {
            return OASFactory.createSchema().type(SchemaType.STRING);
        }
        if (type == Instant.class) {
            return OASFactory.createSchema().type(SchemaType.STRING).format("date-time");
        }
        if (type == int.class || type == Integer.class) {
            return OASFactory.createSchema().type(SchemaType.INTEGER).format("int32");
        }
        if (type == long.class || type == Long.class) {
            return OASFactory.createSchema().type(SchemaType.INTEGER).format("int64");
        }
        if (type == double.class || type == Double.class) {
            return OASFactory.createSchema().type(SchemaType.NUMBER).format("double");
        }
        if (type == boolean.class || type == Boolean.class) {
            return OASFactory.createSchema().type(SchemaType.BOOLEAN);
        }
        if (type instanceof Class<?> nested && nested.isRecord()) {
            return RECORDS.entrySet().stream().filter(e -> e.getValue() == nested).findFirst()
                    .map(e -> ref(e.getKey())).orElseGet(() -> record(nested));
        }
        if (type == JsonObject.class) {
            return OASFactory.createSchema().type(SchemaType.OBJECT).additionalPropertiesBoolean(true);
        }
        throw new IllegalStateException("no OpenAPI schema for " + type);
    }

    private static Schema page(String item) {
        Schema count = OASFactory.createSchema().type(SchemaType.INTEGER).format("int64");
        return OASFactory.createSchema().type(SchemaType.OBJECT).description("One page of a list, in a stable order")
                .addProperty("content", array(ref(item)))
                .addProperty("page", OASFactory.createSchema().type(SchemaType.INTEGER).format("int32")
                        .description("the page number, from 0"))
                .addProperty("size", OASFactory.createSchema().type(SchemaType.INTEGER).format("int32")
                        .description("the page size asked for"))
                .addProperty("totalElements", count.description("how many items the whole list holds (unless "
                        + "`totalExact` is false)"))
                .addProperty("totalPages", OASFactory.createSchema().type(SchemaType.INTEGER).format("int32"))
                .addProperty("totalExact", OASFactory.createSchema().type(SchemaType.BOOLEAN).description("false when "
                        + "`totalElements` is a lower bound (a `q` search with more matches than are cheap to count); "
                        + "it then counts at least one item past this page whenever there is one"))
                .required(List.of("content", "page", "size", "totalElements", "totalPages", "totalExact"));
    }

    private static Schema array(Schema items) {
        return OASFactory.createSchema().type(SchemaType.ARRAY).items(items);
    }

    static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }
}
