package dev.roster.token.boundary;

import dev.roster.problem.InvalidGrant;
import dev.roster.problem.Problem;
import dev.roster.security.Caller;
import dev.roster.security.Tokens;
import dev.roster.token.control.Logins;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The token endpoint. */
@RequestScoped
@Path("v1/provisioning/token")
@Tag(ref = "Token")
public class TokenResource {

    static final int FIELD_MAX = 1024;

    @Inject
    Logins logins;

    /** The RFC 6749 section 5.1 answer. */
    @JsonbPropertyOrder({"access_token", "token_type", "expires_in"})
    public record TokenResponse(String access_token, String token_type, long expires_in) {
    }

    @POST
    @PermitAll
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "token", summary = "Obtain an access token", description = "Anyone. Form fields: `grant_type=password`, "
            + "`username`, `password`, and `tenant` (or an `X-Tenant` header) for a tenant's user; leave the tenant "
            + "out to sign in as the platform operator. The token lives `expires_in` seconds "
            + "(`roster.token.lifetime-seconds`) and stops working at once if its user is de-provisioned, "
            + "suspended or loses every privilege, or its tenant is suspended.")
    @APIResponse(responseCode = "200", description = "A bearer token",
            content = @Content(schema = @Schema(ref = "TokenResponse")))
    @APIResponse(responseCode = "400", description = "Refused: `error` is invalid_request, "
            + "unsupported_grant_type or invalid_grant (RFC 6749 section 5.2)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response token(@FormParam("grant_type") String grantType, @FormParam("username") String username,
                          @FormParam("password") String password, @FormParam("tenant") String tenant,
                          @HeaderParam(Caller.TENANT_HEADER) String tenantHeader) {
        if (grantType == null || grantType.isBlank()) {
            throw new InvalidGrant("invalid_request", "grant_type is required; Roster supports grant_type=password");
        }
        if (!"password".equals(grantType)) {
            throw new InvalidGrant("unsupported_grant_type", "grant_type '" + clip(grantType)
                    + "' is not supported; use grant_type=password");
        }
        if (blank(username) || blank(password)) {
            throw new InvalidGrant("invalid_request", "username and password are required");
        }
        if (username.length() > FIELD_MAX || password.length() > FIELD_MAX) {
            throw new InvalidGrant("invalid_grant", "the username or password is wrong, or the account cannot "
                    + "sign in here");
        }
        String tenantLabel = !blank(tenant) ? tenant.strip() : !blank(tenantHeader) ? tenantHeader.strip() : null;
        if (!blank(tenant) && !blank(tenantHeader) && !tenant.strip().equalsIgnoreCase(tenantHeader.strip())) {
            throw new InvalidGrant("invalid_request", "the tenant form field and the X-Tenant header disagree");
        }
        Tokens.Issued issued = logins.password(username, password, tenantLabel);
        return Response.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresIn()))
                .type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
