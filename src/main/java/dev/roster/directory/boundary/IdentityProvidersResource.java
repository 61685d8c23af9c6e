package dev.roster.directory.boundary;

import dev.roster.caller.Roles;
import dev.roster.directory.control.IdentityProviders;
import dev.roster.directory.control.ProviderCommand;
import dev.roster.directory.entity.IdentityProvider;
import dev.roster.platform.JsonInput;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.problem.Problem;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's identity providers. */
@RequestScoped
@Path("v1/provisioning/identity-providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Identity providers")
public class IdentityProvidersResource {

    static final String EXAMPLE = "{\"name\": \"Cooori Entra ID\", \"prefix\": \"cooori-entra\", \"type\": \"oidc\", "
            + "\"issuer\": \"https://login.microsoftonline.com/6f1c0b1e/v2.0\", \"clientId\": \"roster-app\", "
            + "\"clientSecret\": \"<secret>\", \"enabled\": true}";
    static final Set<String> WRITABLE = Set.of("name", "prefix", "enabled", "type", "issuer", "metadataUrl", "clientId",
            "clientSecret");
    static final Set<String> READ_ONLY = Set.of("id", "clientSecretSet", "createdAt", "updatedAt");

    @Inject
    IdentityProviders providers;

    @Context
    UriInfo uriInfo;

    /** An identity provider; its client secret is never shown, only whether one is set. */
    @JsonbPropertyOrder({"id", "name", "prefix", "enabled", "type", "issuer", "metadataUrl", "clientId",
            "clientSecretSet", "createdAt", "updatedAt"})
    public record ProviderView(String id, String name, String prefix, boolean enabled, String type,
                               @Nullable String issuer, @Nullable String metadataUrl, @Nullable String clientId,
                               boolean clientSecretSet, Instant createdAt, Instant updatedAt) {
        public static ProviderView from(IdentityProvider provider) {
            return new ProviderView(provider.id(), provider.name(), provider.prefix(), provider.enabled(),
                    provider.type().name().toLowerCase(Locale.ROOT), provider.issuer(), provider.metadataUrl(),
                    provider.clientId(), provider.clientSecretSet(), provider.createdAt(), provider.updatedAt());
        }
    }

    @GET
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listIdentityProviders", summary = "List identity providers",
            description = "Roles: ADMINISTRATOR, INTERNAL_AUDITING. Ordered by prefix.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(ref = "IdentityProviderPage")))
    public Page<ProviderView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return providers.list(PageRequest.of(page, size)).map(ProviderView::from);
    }

    @POST
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "createIdentityProvider", summary = "Add an identity provider", description = "Role: "
            + "ADMINISTRATOR. `prefix` (unique in the tenant regardless of case, never changes), `name` and `type` "
            + "(`oidc` or `saml`) are required; an oidc provider needs `issuer` and `clientId`, a saml one "
            + "`metadataUrl`. `clientSecret` is encrypted at rest and never returned.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "IdentityProviderInput"), examples = @ExampleObject(name = "oidc", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(ref = "IdentityProvider")))
    @APIResponse(responseCode = "409", description = "The tenant has a provider with that prefix already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response create(JsonObject body) {
        ProviderView provider = ProviderView.from(providers.create(read(body)));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(provider.id()).build()).entity(provider)
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getIdentityProvider", summary = "Read an identity provider",
            description = "Roles: ADMINISTRATOR, INTERNAL_AUDITING.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(ref = "IdentityProvider")))
    public ProviderView get(@PathParam("id") String id) {
        return ProviderView.from(providers.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "updateIdentityProvider", summary = "Update an identity provider", description = "Role: "
            + "ADMINISTRATOR. Changes the fields present; a `clientSecret` left out is kept, sent as null it is "
            + "cleared. The prefix cannot change.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "IdentityProviderInput"),
            examples = @ExampleObject(name = "disable", value = "{\"enabled\": false}")))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(ref = "IdentityProvider")))
    public ProviderView update(@PathParam("id") String id, JsonObject body) {
        return ProviderView.from(providers.update(id, read(body)));
    }

    @DELETE
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "deleteIdentityProvider", summary = "Delete an identity provider",
            description = "Role: ADMINISTRATOR. Refused while users are bound to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Users sign in through it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("id") String id) {
        providers.delete(id);
        return Response.noContent().build();
    }

    static ProviderCommand read(JsonObject body) {
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!WRITABLE.contains(field) && !READ_ONLY.contains(field)) {
                in.fail(field, "is not a field of an identity provider; writable fields are "
                        + String.join(", ", WRITABLE.stream().sorted().toList()));
            }
        }
        ProviderCommand command = new ProviderCommand(in.text("name", DirectoryViews.ANY),
                in.text("prefix", DirectoryViews.ANY), in.flag("enabled"), in.text("type", DirectoryViews.ANY),
                in.text("issuer", DirectoryViews.ANY), in.text("metadataUrl", DirectoryViews.ANY),
                in.text("clientId", DirectoryViews.ANY), in.text("clientSecret", DirectoryViews.ANY));
        in.check();
        return command;
    }
}
