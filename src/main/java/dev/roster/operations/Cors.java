package dev.roster.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-origin access for browser clients served from other origins (CORS). Off unless
 * {@code roster.http.cors-origins} lists origins exactly as browsers send them ({@code https://console.example.com},
 * comma-separated). For a listed origin, every answer (refusals included) names it in
 * {@code Access-Control-Allow-Origin} and exposes the headers a client reads ({@code ETag}, {@code Location},
 * {@code Retry-After}, {@code X-Request-Id}), and a preflight is answered 204 with the methods and request headers
 * Roster takes. No cookies are involved (credentials travel in {@code Authorization} or {@code x-app-token}), so
 * credentials mode is never allowed. Any other origin gets no CORS header, and the browser keeps its page out.
 */
@ApplicationScoped
public class Cors {

    static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    static final String HEADERS = "Authorization, Content-Type, Accept, If-Match, If-None-Match, X-Tenant, X-Request-Id, "
            + "x-app-token, auth, Idempotency-Key";
    static final String EXPOSED = "ETag, Location, Retry-After, X-Request-Id";

    /** Comma-separated ({@code Optional<List<String>>} is not injectable on Payara 6.2025.10: a ClassCastException). */
    @Inject
    @ConfigProperty(name = "roster.http.cors-origins")
    Optional<String> configured = Optional.empty();

    private List<String> origins() {
        return configured.map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(o -> !o.isEmpty())
                .toList()).orElse(List.of());
    }

    /** Adds the CORS headers of an answer to a listed origin; answers whether the origin is listed. */
    public boolean allow(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (origin == null || !origins().contains(origin)) {
            return false;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.addHeader("Vary", "Origin");
        response.setHeader("Access-Control-Expose-Headers", EXPOSED);
        return true;
    }

    /** Answers a preflight from a listed origin (204); false when the request is not one. */
    public boolean preflight(HttpServletRequest request, HttpServletResponse response) {
        if (!"OPTIONS".equals(request.getMethod()) || request.getHeader("Access-Control-Request-Method") == null
                || !allow(request, response)) {
            return false;
        }
        response.setHeader("Access-Control-Allow-Methods", METHODS);
        response.setHeader("Access-Control-Allow-Headers", HEADERS);
        response.setHeader("Access-Control-Max-Age", "600");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return true;
    }
}
