package dev.roster.endpoint.boundary;

import dev.roster.caller.Roles;
import dev.roster.endpoint.control.ServiceEndpoints;
import dev.roster.endpoint.entity.EndpointType;
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
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seed's {@code /service-endpoints} paths and the endpoint-type catalog. */
@RequestScoped
@Path("v1/provisioning")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Service endpoints")
public class ServiceEndpointsResource {

    /** The seed's example, with a real URL and secrets in place of its placeholders. */
    static final String SEED_ENDPOINT = "{\"endpointTypeId\": 1, \"url\": \"amqps://mq.cooori.example\", "
            + "\"userName\": \"admin\", \"password\": \"<password>\", \"provUserName\": \"admin\", "
            + "\"provPassword\": \"<password>\", \"provPort\": null, \"apiKey\": \"\", \"messageHandler\": \"\", "
            + "\"exchange\": \"from-cooori\", \"binding\": \"#\", \"active\": true, \"durable\": true, "
            + "\"vhost\": \"cooori\", \"activeFrom\": \"2014-09-09T13:36:07Z\", \"activeUntil\": \"2016-09-09T13:36:08Z\"}";

    @Inject
    ServiceEndpoints endpoints;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("service-endpoints")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listServiceEndpoints", summary = "List service endpoints",
            description = "Roles: ADMINISTRATOR, INTERNAL_AUDITING. Secrets are never shown; `passwordSet`, "
                    + "`provPasswordSet` and `apiKeySet` tell whether each holds a value.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ServiceEndpointPage")))
    public Page<ServiceEndpointView> list(
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return endpoints.list(PageRequest.of(page, size)).map(ServiceEndpointView::from);
    }

    @GET
    @Path("service-endpoints/{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getServiceEndpoint", summary = "Read a service endpoint",
            description = "Roles: ADMINISTRATOR, INTERNAL_AUDITING.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ServiceEndpoint")))
    @APIResponse(responseCode = "404", description = "No such endpoint in this tenant",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public ServiceEndpointView get(@PathParam("id") String id) {
        return ServiceEndpointView.from(endpoints.get(id));
    }

    @POST
    @Path("service-endpoints")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "addServiceEndpoint", summary = "Add a service endpoint", description = "Role: "
            + "ADMINISTRATOR. `endpointTypeId` (from the catalog) and `url` (with a scheme the type allows) are "
            + "required. `password`, `provPassword` and `apiKey` are encrypted at rest and never returned. "
            + "`registeredByUserId` and `registeredDate` are set by Roster.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ServiceEndpointInput"),
            examples = @ExampleObject(name = "seed endpoint", value = SEED_ENDPOINT)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(ref = "ServiceEndpoint")))
    @APIResponse(responseCode = "400", description = "Invalid input; `errors` names each field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response add(JsonObject body) {
        ServiceEndpointView endpoint = ServiceEndpointView.from(endpoints.create(EndpointJson.read(body)));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(endpoint.id()).build()).entity(endpoint).build();
    }

    @PUT
    @Path("service-endpoints/{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "updateServiceEndpoint", summary = "Update a service endpoint", description = "Role: "
            + "ADMINISTRATOR. Changes the fields the body names. A secret left out keeps its value; a secret sent as "
            + "null is cleared.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ServiceEndpointInput"),
            examples = @ExampleObject(name = "deactivate", value = "{\"active\": false}")))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(ref = "ServiceEndpoint")))
    @APIResponse(responseCode = "400", description = "Invalid input",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such endpoint in this tenant",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public ServiceEndpointView update(@PathParam("id") String id, JsonObject body) {
        return ServiceEndpointView.from(endpoints.update(id, EndpointJson.read(body)));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("service-endpoints/{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "deleteServiceEndpoint", summary = "Delete a service endpoint", description = "Role: ADMINISTRATOR.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such endpoint in this tenant",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("id") String id) {
        endpoints.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("endpoint-types")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listEndpointTypes", summary = "The endpoint-type catalog",
            description = "Roles: ADMINISTRATOR, INTERNAL_AUDITING.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "EndpointTypeList")))
    public List<ServiceEndpointView.TypeView> types() {
        return Arrays.stream(EndpointType.values()).map(ServiceEndpointView.TypeView::from).toList();
    }
}
