package dev.roster.token.boundary;

import static dev.roster.platform.JsonValues.JSON;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /.well-known/openid-configuration}: where other services find Roster's issuer, token endpoint and
 * signing keys (its {@code jwks_uri}) to verify Roster's tokens themselves. Public by nature.
 */
@WebServlet("/.well-known/openid-configuration")
public class OpenIdConfiguration extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "roster.token.issuer", defaultValue = "roster")
    String issuer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        byte[] body = JSON.createObjectBuilder()
                .add("issuer", issuer)
                .add("token_endpoint", base + "/api/v1/provisioning/token")
                .add("jwks_uri", base + "/api/v1/provisioning/token/jwks")
                .add("grant_types_supported", JSON.createArrayBuilder().add("password").add("client_credentials"))
                .add("token_endpoint_auth_methods_supported",
                        JSON.createArrayBuilder().add("client_secret_basic").add("client_secret_post"))
                .add("id_token_signing_alg_values_supported", JSON.createArrayBuilder().add("RS256"))
                .build().toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
