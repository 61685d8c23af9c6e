package dev.roster.token.boundary;

import dev.roster.caller.Caller;
import dev.roster.domain.control.RequestHost;
import dev.roster.problem.InvalidClient;
import dev.roster.problem.InvalidGrant;
import dev.roster.problem.Problem;
import dev.roster.security.Principals;
import dev.roster.security.SigningKeys;
import dev.roster.security.Tokens;
import dev.roster.token.control.Logins;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The token endpoint and the keys that verify its tokens. */
@RequestScoped
@Path("v1/provisioning/token")
@Tag(ref = "Token")
public class TokenResource {

    static final int FIELD_MAX = 1024;

    @Inject
    Logins logins;

    @Inject
    RequestHost host;

    /** The RFC 6749 section 5.1 answer. */
    @JsonbPropertyOrder({"access_token", "token_type", "expires_in"})
    public record TokenResponse(String access_token, String token_type, long expires_in) {
    }

    @POST
    @PermitAll
    @SecurityRequirements
    @FormBody
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "token", summary = "Obtain an access token", description = "Anyone. "
            + "`grant_type=password` with `username`, `password`, and `tenant` (or an `X-Tenant` header) for a "
            + "tenant's user; leave the tenant out to sign in as the platform operator. "
            + "`grant_type=client_credentials` with an API key: its `apiToken` as the client secret and its id (or "
            + "prefix) as the client id, in HTTP Basic or as `client_id`/`client_secret` form fields; the token acts "
            + "for the key's owner and stops working when the key is revoked. A token lives `expires_in` seconds "
            + "(`roster.token.lifetime-seconds`) and stops working at once if its user is de-provisioned, suspended "
            + "or loses every privilege, or its tenant is suspended.")
    @APIResponse(responseCode = "200", description = "A bearer token",
            content = @Content(schema = @Schema(ref = "TokenResponse")))
    @APIResponse(responseCode = "400", description = "Refused: `error` is invalid_request, "
            + "unsupported_grant_type or invalid_grant (RFC 6749 section 5.2)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "invalid_client: wrong client credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response token(@FormParam("grant_type") String grantType, @FormParam("username") String username,
                          @FormParam("password") String password, @FormParam("tenant") String tenant,
                          @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret,
                          @HeaderParam(Caller.TENANT_HEADER) String tenantHeader,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (blank(grantType)) {
            throw new InvalidGrant("invalid_request", "grant_type is required: password or client_credentials");
        }
        Tokens.Issued issued = switch (grantType) {
            case "password" -> password(username, password, tenant, tenantHeader);
            case "client_credentials" -> clientCredentials(clientId, clientSecret, authorization);
            default -> throw new InvalidGrant("unsupported_grant_type", "grant_type '" + clip(grantType)
                    + "' is not supported; use password or client_credentials");
        };
        return Response.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresIn()))
                .type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    @GET
    @Path("jwks")
    @PermitAll
    @SecurityRequirements
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "jwks", summary = "The token signing keys", description = "Anyone. The public keys "
            + "that verify Roster's tokens, as an RFC 7517 JWK set; also the jwks_uri of "
            + "/.well-known/openid-configuration.")
    @APIResponse(responseCode = "200", description = "A JWK set", content = @Content(schema = @Schema(ref = "JwkSet")))
    public Response jwks() {
        return Response.ok(SigningKeys.jwks()).header("Cache-Control", "public, max-age=300").build();
    }

    private Tokens.Issued password(String username, String password, String tenant, String tenantHeader) {
        if (blank(username) || blank(password)) {
            throw new InvalidGrant("invalid_request", "username and password are required");
        }
        if (username.length() > FIELD_MAX || password.length() > FIELD_MAX) {
            throw new InvalidGrant("invalid_grant", Principals.WRONG);
        }
        if (!blank(tenant) && !blank(tenantHeader) && !tenant.strip().equalsIgnoreCase(tenantHeader.strip())) {
            throw new InvalidGrant("invalid_request", "the tenant form field and the X-Tenant header disagree");
        }
        String tenantLabel = !blank(tenant) ? tenant.strip() : !blank(tenantHeader) ? tenantHeader.strip()
                : host.tenantLabel().orElse(null);
        return logins.password(username, password, tenantLabel);
    }

    /** Client credentials from HTTP Basic (RFC 6749 section 2.3.1) or, failing that, from the form. */
    private Tokens.Issued clientCredentials(String clientId, String clientSecret, String authorization) {
        String id = clientId;
        String secret = clientSecret;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidClient("the Basic client credentials are not base64 of client_id:client_secret");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new InvalidClient("the Basic client credentials are not base64 of client_id:client_secret");
            }
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        }
        if (blank(secret)) {
            throw new InvalidGrant("invalid_request", "client credentials are required: the API key as client_secret");
        }
        if (secret.length() > FIELD_MAX || id != null && id.length() > FIELD_MAX) {
            throw new InvalidClient("the client id or secret is wrong");
        }
        return logins.clientCredentials(blank(id) ? null : id, secret);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
