package dev.roster.security;

import dev.roster.platform.RequestId;
import dev.roster.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Roster's single authentication mechanism (it replaces Payara's stock MP-JWT one, which cannot sit beside
 * a second mechanism). A bearer token is verified by MicroProfile JWT through Payara's identity store;
 * then {@link Principals} decides whether the identity still holds and which roles it has now.
 *
 * <p>A request without credentials passes through anonymous (a protected endpoint then answers 401);
 * a request with a bad one is refused here with a problem body, wherever it was going.
 */
@Alternative
@Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class RosterAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(RosterAuthentication.class.getName());
    /** Payara's credential for its MP-JWT identity store; Payara-internal, so reached reflectively. */
    private static final String JWT_CREDENTIAL = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";
    private static final int MAX_TOKEN_LENGTH = 8192;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Principals principals;

    @Inject
    Caller caller;

    @Inject
    RequestId requestId;

    private volatile Constructor<?> jwtCredential;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (caller.authenticated()) { // asked again within the same request (Payara's roles filter does)
            return context.notifyContainerAboutLogin(caller.principal(), caller.identity().roles());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return context.doNothing();
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(request, response, "the Authorization scheme is not supported here; send "
                    + "Authorization: Bearer <token> from POST /api/v1/provisioning/token");
        }
        String token = authorization.substring(7).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return refuse(request, response, "the bearer token is empty or too long");
        }
        CredentialValidationResult result = identityStores.validate(jwtCredential(token));
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !(result.getCallerPrincipal() instanceof JsonWebToken jwt)) {
            return refuse(request, response, "the bearer token is not valid: it is malformed, not signed by "
                    + "Roster, or expired");
        }
        Principals.Resolution resolution = resolve(jwt);
        if (resolution.identity() == null) {
            return refuse(request, response, resolution.refusal());
        }
        caller.signedIn(resolution.identity(), jwt);
        return context.notifyContainerAboutLogin(jwt, resolution.identity().roles());
    }

    private Principals.Resolution resolve(JsonWebToken jwt) {
        String kind = jwt.getClaim(Tokens.KIND_CLAIM);
        Instant issuedAt = jwt.getIssuedAtTime() == 0 ? null : Instant.ofEpochSecond(jwt.getIssuedAtTime());
        if (Tokens.KIND_OPERATOR.equals(kind)) {
            return principals.operator(jwt.getSubject());
        }
        if (Tokens.KIND_USER.equals(kind)) {
            return principals.user(jwt.getSubject(), issuedAt);
        }
        return Principals.Resolution.refused("the bearer token was not issued for this API");
    }

    private Credential jwtCredential(String token) {
        try {
            Constructor<?> constructor = jwtCredential;
            if (constructor == null) {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                constructor = Class.forName(JWT_CREDENTIAL, true, loader).getConstructor(String.class);
                jwtCredential = constructor;
            }
            return (Credential) constructor.newInstance(token);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Payara's MicroProfile JWT support is missing", e);
        }
    }

    private AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, String why) {
        try {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"roster\", error=\"invalid_token\"");
            response.setHeader(RequestId.HEADER, requestId.value());
            response.setContentType(Problem.MEDIA_TYPE);
            byte[] body = Json.createObjectBuilder()
                    .add("type", Problem.type("unauthorized"))
                    .add("title", "Unauthorized")
                    .add("status", 401)
                    .add("detail", why)
                    .add("instance", request.getRequestURI())
                    .add("requestId", requestId.value())
                    .build().toString().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not write the refusal", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
