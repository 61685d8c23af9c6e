package dev.roster.floor;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * ProvisionBench's requests, answered with no authentication, no audit, no privileges table and no counters: what
 * the stack costs when the application does almost nothing. Not a service: it checks nothing and trusts every caller.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class FloorResource {
    @Inject
    People people;

    @POST
    @Path("provisioning/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, String> token() {
        return Map.of("access_token", "floor", "token_type", "Bearer");
    }

    @POST
    @Path("tenants")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response tenant() {
        return Response.status(Response.Status.CREATED).build();
    }

    @PUT
    @Path("provisioning/users/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam("X-Tenant") String tenant, @PathParam("username") String username,
                           PersonInput input) {
        Person created = people.create(tenant, username, input);
        return Response.status(Response.Status.CREATED).entity(PersonView.of(created)).build();
    }

    @PUT
    @Path("provisioning/users/{username}/privilege")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(@HeaderParam("X-Tenant") String tenant, @PathParam("username") String username,
                          PersonInput input) {
        return people.grant(tenant, username, input.role).map(p -> Response.ok(PersonView.of(p)).build())
                .orElse(Response.status(Response.Status.NOT_FOUND).build());
    }

    @GET
    @Path("provisioning/users/{username}")
    public Response read(@HeaderParam("X-Tenant") String tenant, @PathParam("username") String username) {
        return people.find(tenant, username).map(p -> Response.ok(PersonView.of(p)).build())
                .orElse(Response.status(Response.Status.NOT_FOUND).build());
    }

    @GET
    @Path("provisioning/users")
    public Map<String, Object> search(@HeaderParam("X-Tenant") String tenant, @QueryParam("q") String q,
                                      @QueryParam("size") @DefaultValue("20") int size) {
        return Map.of("content", people.search(tenant, q == null ? "" : q, size).stream().map(PersonView::of)
                .toList());
    }
}
