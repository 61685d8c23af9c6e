package dev.roster.domain.boundary;

import dev.roster.caller.Roles;
import dev.roster.domain.control.DomainMappings;
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
import jakarta.ws.rs.PUT;
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

/** The seed's {@code /domain-mapping} paths. */
@RequestScoped
@Path("v1/provisioning/domain-mapping")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Domain mappings")
public class DomainMappingsResource {

    static final String SEED_MAPPING = "{\"domain\": \"cooori.localhost\", \"icon\": \"\", \"theme\": \"\", "
            + "\"activeFrom\": \"2014-09-09T13:50:17Z\", \"activeUntil\": null}";

    @Inject
    DomainMappings mappings;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listDomainMappings", summary = "List domain mappings",
            description = "Roles: ADMINISTRATOR, INTERNAL_AUDITING. Ordered by domain.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "DomainMappingPage")))
    public Page<DomainMappingView> list(
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return mappings.list(PageRequest.of(page, size)).map(DomainMappingView::from);
    }

    @POST
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "addDomainMapping", summary = "Add a domain mapping", description = "Role: "
            + "ADMINISTRATOR. `domain` is a fully qualified name, stored lower-case, and belongs to at most one tenant "
            + "of the platform. While the mapping is active, requests to that host are in this tenant.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DomainMappingInput"),
            examples = @ExampleObject(name = "seed mapping", value = SEED_MAPPING)))
    @APIResponse(responseCode = "201", description = "Mapped", content = @Content(schema = @Schema(ref = "DomainMapping")))
    @APIResponse(responseCode = "400", description = "Invalid input",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The domain is already mapped (to this or another tenant)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response add(JsonObject body) {
        DomainMappingView mapping = DomainMappingView.from(mappings.create(DomainMappingView.read(body)));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(mapping.domain()).build()).entity(mapping).build();
    }

    @PUT
    @Path("{domain}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "updateDomainMapping", summary = "Update a domain mapping", description = "Role: "
            + "ADMINISTRATOR. Replaces `icon`, `theme`, `activeFrom` and `activeUntil`; the domain cannot change.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DomainMappingInput"),
            examples = @ExampleObject(name = "seed mapping", value = SEED_MAPPING)))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(ref = "DomainMapping")))
    @APIResponse(responseCode = "404", description = "This tenant has no such mapping",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public DomainMappingView update(@PathParam("domain") String domain, JsonObject body) {
        return DomainMappingView.from(mappings.update(domain, DomainMappingView.read(body)));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{domain}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "deleteDomainMapping", summary = "Delete a domain mapping", description = "Role: ADMINISTRATOR.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "This tenant has no such mapping",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("domain") String domain) {
        mappings.delete(domain);
        return Response.noContent().build();
    }
}
