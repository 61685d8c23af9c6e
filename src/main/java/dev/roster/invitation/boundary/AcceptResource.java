package dev.roster.invitation.boundary;

import dev.roster.invitation.control.Invitations;
import dev.roster.platform.JsonInput;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where an invited user accepts: the token from the e-mail's link, and a password. */
@RequestScoped
@Path("v1/invitations/accept")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Invitations")
public class AcceptResource {

    @Inject
    Invitations invitations;

    /** The account the invitation made: sign in with {@code username} in {@code tenant}. */
    @JsonbPropertyOrder({"tenant", "username", "status"})
    public record AcceptedView(String tenant, String username, String status) {
    }

    @POST
    @PermitAll
    @Operation(operationId = "acceptInvitation", summary = "Accept an invitation", description = "Anyone holding "
            + "the token of an invitation's link. Sets the password (none for a user bound to an identity provider) "
            + "and makes the user ACTIVE with the invited roles. An expired, revoked or used token is 410, an "
            + "unknown one 404.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AcceptInput"),
            examples = @ExampleObject(name = "accept", value = "{\"token\": \"q3Vx0w7F9bYk2mZ1cH8tN4sR6eA5uL0dJ"
                    + "-iPgXoWfE\", \"password\": \"correct-horse-battery\"}")))
    @APIResponse(responseCode = "200", description = "Accepted: the user is ACTIVE",
            content = @Content(schema = @Schema(ref = "AcceptedInvitation")))
    @APIResponse(responseCode = "403", description = "The tenant is suspended, or has switched off invitations",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No invitation has this token",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "410", description = "The invitation expired, was revoked, or was accepted already",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public AcceptedView accept(JsonObject body) {
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!field.equals("token") && !field.equals("password")) {
                in.fail(field, "is not a field of an acceptance; fields are token, password");
            }
        }
        String token = in.string("token", 200);
        String password = in.string("password", 1024);
        in.check();
        Invitations.Accepted accepted = invitations.accept(token, password);
        return new AcceptedView(accepted.tenant().label(), accepted.user().username(),
                accepted.user().status().name());
    }
}
