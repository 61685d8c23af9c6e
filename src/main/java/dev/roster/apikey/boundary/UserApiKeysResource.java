package dev.roster.apikey.boundary;

import dev.roster.apikey.control.ApiKeys;
import dev.roster.caller.Roles;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Another user's API keys, managed by an ADMINISTRATOR. */
@RequestScoped
@Path("v1/provisioning/users/{username}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
@Tag(ref = "API keys")
public class UserApiKeysResource {

    @Inject
    ApiKeys keys;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listUserApiKeys", summary = "List API keys", description = "Never shows a secret.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ApiKeyPage")))
    public Page<ApiKeyView> list(@PathParam("username") String username, @QueryParam("page") String page,
                                 @QueryParam("size") String size) {
        return keys.list(username, PageRequest.of(page, size)).map(ApiKeyView::from);
    }

    @POST
    @Operation(operationId = "createUserApiKey", summary = "Create an API key", description = "`name` is required; "
            + "`activeFrom`/`activeUntil` bound when it works. The answer's `apiToken` is the secret, shown this once: "
            + "send it as `x-app-token`, or as the client secret of `grant_type=client_credentials`.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiKeyInput"),
            examples = @ExampleObject(name = "key",
            value = "{\"name\": \"HR sync\", \"activeFrom\": \"2014-08-26T08:21:30Z\", \"activeUntil\": null}")))
    @APIResponse(responseCode = "201", description = "Created; `apiToken` holds the secret",
            content = @Content(schema = @Schema(ref = "ApiKey")))
    @APIResponse(responseCode = "400", description = "Invalid input",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response create(@PathParam("username") String username, JsonObject body) {
        ApiKeyJson request = ApiKeyJson.read(body);
        ApiKeyView key = ApiKeyView.of(keys.create(username, request.name(), request.activeFrom(),
                request.activeUntil()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(key.id()).build()).entity(key).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getUserApiKey", summary = "Read an API key", description = "Never shows the secret.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ApiKey")))
    @APIResponse(responseCode = "404", description = "No such key",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public ApiKeyView get(@PathParam("username") String username, @PathParam("id") String id) {
        return ApiKeyView.from(keys.get(username, id));
    }

    @POST
    @Path("{id}/rotate")
    @Operation(operationId = "rotateUserApiKey", summary = "Rotate an API key", description = "Gives the key a new "
            + "secret, shown this once in `apiToken`; the old secret stops working at once.")
    @APIResponse(responseCode = "200", description = "Rotated; `apiToken` holds the new secret",
            content = @Content(schema = @Schema(ref = "ApiKey")))
    @APIResponse(responseCode = "404", description = "No such key",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public ApiKeyView rotate(@PathParam("username") String username, @PathParam("id") String id) {
        return ApiKeyView.of(keys.rotate(username, id));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}")
    @Operation(operationId = "revokeUserApiKey", summary = "Revoke an API key", description = "It stops working at once.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response revoke(@PathParam("username") String username, @PathParam("id") String id) {
        keys.revoke(username, id);
        return Response.noContent().build();
    }
}
