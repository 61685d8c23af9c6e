package dev.roster.security;

import dev.roster.caller.Caller;
import dev.roster.domain.control.RequestHost;
import dev.roster.operations.Cors;
import dev.roster.operations.Exchanges;
import dev.roster.problem.ErrorAnswers;
import dev.roster.problem.Protocol;
import dev.roster.problem.RosterException;
import dev.roster.problem.TooManyRequests;
import dev.roster.problem.Unauthorized;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
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
import java.security.Principal;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Roster's single authentication mechanism (it replaces Payara's stock MP-JWT one, which cannot sit beside
 * a second mechanism). It accepts {@code Authorization: Bearer} (a token from Roster, verified by
 * MicroProfile JWT through Payara's identity store, or an API key's secret, which is no JWT), {@code Authorization: Basic} (a username and password,
 * the tenant named by {@code X-Tenant}) and {@code x-app-token} (an API key); on the Kore.ai-compatible
 * paths ({@code /api/public/}) also Kore.ai's {@code auth: <JWT>}. A request that carries both an
 * {@code Authorization} header and an {@code x-app-token} (the Aisera style) must prove the same user with
 * both; on Aisera's paths both are required. {@link Principals} then decides whether the identity still holds and which roles it has now.
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
    private static final int MAX_FIELD_LENGTH = 1024;
    public static final String APP_TOKEN = "x-app-token";
    /** The Kore.ai-compatible API (seed 002) sends its JWT in an {@code auth} header, on its own paths only. */
    static final String KORE_TOKEN = "auth";
    static final String KORE_PATH = "/api/public/";
    static final String TOKEN_ENDPOINT = "/api/v1/provisioning/token";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Principals principals;

    @Inject
    VerifiedTokens verifiedTokens;

    @Inject
    Caller caller;

    @Inject
    ErrorAnswers errors;

    @Inject
    RequestHost host;

    @Inject
    Exchanges exchanges;

    @Inject
    Cors cors;

    private volatile Constructor<?> jwtCredential;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        exchanges.begin(request);
        if (caller.authenticated()) { // asked again within the same request (Payara's roles filter does)
            return context.notifyContainerAboutLogin(caller.principal(), caller.identity().roles());
        }
        String authorization = request.getHeader("Authorization");
        String appToken = request.getHeader(APP_TOKEN);
        String koreToken = request.getHeader(KORE_TOKEN);
        if (authorization == null && koreToken != null && request.getRequestURI().startsWith(KORE_PATH)) {
            authorization = "Bearer " + koreToken.strip(); // Kore.ai sends its JWT as "auth: <JWT>"
        }
        if (request.getRequestURI().equals(TOKEN_ENDPOINT)) {
            return context.doNothing(); // the token endpoint reads client credentials itself (RFC 6749 2.3)
        }
        boolean hasAuthorization = authorization != null && !authorization.isBlank();
        boolean hasAppToken = appToken != null && !appToken.isBlank();
        if (!hasAuthorization && !hasAppToken) {
            return context.doNothing();
        }
        if (hasAuthorization != hasAppToken && Protocol.of(request.getRequestURI()) == Protocol.AISERA) {
            return refuse(request, response, "Aisera's API (seed 000) takes Authorization (Basic or Bearer) and "
                    + "x-app-token together, both for the same user; this request sends only "
                    + (hasAuthorization ? "Authorization" : "x-app-token"));
        }
        Principals.Resolution resolution = null;
        Principal principal = null;
        if (hasAuthorization) {
            exchanges.presented(request, authorization.regionMatches(true, 0, "Basic ", 0, 6) ? "basic" : "bearer");
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String token = authorization.substring(7).strip();
                if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
                    return refuse(request, response, "the bearer token is empty or too long");
                }
                if (token.chars().filter(c -> c == '.').count() != 2) {
                    // not a JWT: an API key's secret as the Bearer secret (how identity providers are set up for
                    // SCIM, with one long-lived secret)
                    resolution = principals.apiKey(token);
                } else {
                    JsonWebToken jwt = verify(token);
                    if (jwt == null) {
                        return refuse(request, response, "the bearer token is not valid: it is malformed, not signed "
                                + "by Roster, or expired");
                    }
                    resolution = resolve(jwt);
                    principal = jwt;
                }
            } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                String named = request.getHeader(Caller.TENANT_HEADER);
                resolution = basic(authorization.substring(6).strip(),
                        named != null && !named.isBlank() ? named : host.tenantLabel().orElse(null));
            } else {
                return refuse(request, response, "the Authorization scheme is not supported; send Bearer <token> "
                        + "from POST /api/v1/provisioning/token, or Basic with a username and password");
            }
            if (resolution.identity() == null) {
                return refuse(request, response, resolution.refusal(), resolution.retryAfterSeconds());
            }
        }
        if (hasAppToken) {
            if (!hasAuthorization) {
                exchanges.presented(request, "api-key");
            }
            Principals.Resolution byKey = principals.apiKey(appToken.strip());
            if (byKey.identity() == null) {
                return refuse(request, response, byKey.refusal(), byKey.retryAfterSeconds());
            }
            if (resolution != null && !resolution.identity().sameCaller(byKey.identity())) {
                return refuse(request, response, "the Authorization header and the x-app-token belong to different "
                        + "users; send both for the same user, or one of them");
            }
            if (resolution == null) {
                resolution = byKey;
            }
        }
        Caller.Identity identity = resolution.identity();
        if (!identity.operator() && !host.admits(identity.tenant().id())) {
            return refuse(request, response, "the credential belongs to another tenant than the one this domain serves");
        }
        if (principal == null) {
            principal = new CallerPrincipal(identity.username());
        }
        caller.signedIn(identity, principal);
        exchanges.accepted(request, identity.operator() ? null : identity.tenant().label());
        return context.notifyContainerAboutLogin(principal, identity.roles());
    }

    /**
     * {@code Authorization: Basic}: a user of the tenant named in {@code X-Tenant} (or served by the request's
     * domain), else the platform operator acting in that tenant; the operator without a tenant.
     */
    private Principals.Resolution basic(String encoded, String tenant) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Principals.Resolution.refused("the Basic credentials are not base64 of username:password");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || decoded.length() > 2 * MAX_FIELD_LENGTH) {
            return Principals.Resolution.refused("the Basic credentials are not base64 of username:password");
        }
        String username = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String label = tenant == null || tenant.isBlank() ? null : tenant.strip();
        Principals.Resolution user = principals.password(username, password, label);
        if (user.identity() == null && label != null && Principals.WRONG.equals(user.refusal())) {
            // not a user of that tenant: the platform operator, acting in it, as with its bearer token
            Principals.Resolution operator = principals.password(username, password, null);
            if (operator.identity() != null) {
                return operator;
            }
        }
        return user;
    }

    private Principals.Resolution resolve(JsonWebToken jwt) {
        String kind = jwt.getClaim(Tokens.KIND_CLAIM);
        Instant issuedAt = jwt.getIssuedAtTime() == 0 ? null : Instant.ofEpochSecond(jwt.getIssuedAtTime());
        if (Tokens.KIND_OPERATOR.equals(kind)) {
            return principals.operator(jwt.getSubject());
        }
        if (Tokens.KIND_USER.equals(kind)) {
            String keyId = jwt.getClaim(Tokens.KEY_CLAIM);
            Principals.Resolution user = principals.user(jwt.getSubject(), issuedAt);
            if (keyId == null || user.identity() == null) {
                return user;
            }
            Principals.Resolution key = principals.apiKeyById(keyId);
            return key.identity() != null && key.identity().sameCaller(user.identity()) ? user
                    : Principals.Resolution.refused(key.refusal() == null ? "the token's API key changed owner" : key.refusal());
        }
        return Principals.Resolution.refused("the bearer token was not issued for this API");
    }

    /** The token's claims once MicroProfile JWT has verified it (or did so earlier), else null. */
    private JsonWebToken verify(String token) {
        Optional<JsonWebToken> known = verifiedTokens.get(token);
        if (known.isPresent()) {
            return known.get();
        }
        CredentialValidationResult result = identityStores.validate(jwtCredential(token));
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !(result.getCallerPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        verifiedTokens.put(token, jwt);
        return jwt;
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
        return refuse(request, response, why, 0);
    }

    /** Answers 401, or 429 with {@code Retry-After} when the account is throttled, in the protocol's shape. */
    private AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, String why,
                                        long retryAfterSeconds) {
        RosterException failure = retryAfterSeconds > 0 ? new TooManyRequests(retryAfterSeconds)
                : Unauthorized.refused(why);
        cors.allow(request, response); // a browser page on a listed origin may read why it was refused
        try {
            errors.answer(request.getRequestURI(), failure).write(response);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not write the refusal", e);
        }
        exchanges.refused((String) request.getAttribute(Exchanges.CREDENTIAL), retryAfterSeconds);
        exchanges.finish(request, failure.status()); // a refused request reaches no filter
        return AuthenticationStatus.SEND_FAILURE;
    }
}
