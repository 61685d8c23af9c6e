package dev.roster.service.boundary;

import dev.roster.caller.Caller;
import dev.roster.caller.Roles;
import dev.roster.service.control.Services;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seed's Services section: the catalog with each service's state for the calling tenant. */
@RequestScoped
@Path("v1/provisioning/services")
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "Services")
public class ServicesResource {

    @Inject
    Services services;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listServices", summary = "The services and their state for this tenant",
            description = "Roles: ADMINISTRATOR, INTERNAL_AUDITING. Every integration surface of Roster, with its "
                    + "paths and whether the tenant has it switched on. The platform operator switches them at "
                    + "/api/v1/tenants/{label}/services/{service}.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "ServiceList")))
    public List<ServiceView> list() {
        return services.of(caller.tenant().id()).stream().map(ServiceView::of).toList();
    }
}
