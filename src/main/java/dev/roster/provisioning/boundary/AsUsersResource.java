package dev.roster.provisioning.boundary;

import dev.roster.caller.Roles;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.problem.Problem;
import dev.roster.user.control.Users;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seed's global user search: the platform operator's only. */
@RequestScoped
@Path("v1/provisioning/as-users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "Users")
public class AsUsersResource {

    @Inject
    Users users;

    @GET
    @RolesAllowed(Roles.PLATFORM_OPERATOR)
    @Operation(operationId = "searchAllTenants", summary = "Global search for users", description = "Role: PLATFORM_OPERATOR. Searches every tenant; "
            + "`q` is a case-insensitive prefix of username, email, first or last name. Each hit names its `tenant`.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "UserInTenantPage")))
    @APIResponse(responseCode = "403", description = "Not the platform operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Page<UserView.InTenant> search(@QueryParam("q") String q, @QueryParam("page") String page,
                                          @QueryParam("size") String size) {
        return users.acrossTenants(PageRequest.of(page, size), q)
                .map(hit -> UserView.InTenant.from(hit.tenant(), hit.user()));
    }
}
