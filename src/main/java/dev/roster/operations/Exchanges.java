package dev.roster.operations;

import dev.roster.platform.RequestId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Every request's outcome, once: a timer per route template, method and status ({@code roster_http_requests_seconds}),
 * counts of refused and throttled credentials by kind ({@code roster_credentials_refused_total},
 * {@code roster_credentials_throttled_total}), and one access line per request at INFO on the logger
 * {@code dev.roster.access} (off with {@code roster.log.access=false}; none for the health and metrics probes): method,
 * route, status, duration, request id, tenant label and credential kind; never a path's values, a header's value or a
 * secret. (Payara 6.2025.10 exports the timer's quantiles, mean and max in nanoseconds under the seconds name; its
 * {@code _count} and {@code _sum}, in seconds, are right.) Every label is bounded:
 * routes, methods, statuses and credential kinds are fixed sets.
 *
 * <p>{@link EdgeFilter} finishes the requests that reach the application; the authentication mechanism finishes the
 * ones it refuses itself, which never reach a filter.
 */
@ApplicationScoped
public class Exchanges {

    public static final String STARTED = "roster.exchange.started";
    public static final String CREDENTIAL = "roster.exchange.credential";
    public static final String TENANT = "roster.exchange.tenant";
    static final String FINISHED = "roster.exchange.finished";
    static final Logger ACCESS = Logger.getLogger("dev.roster.access");
    /** Polled by load balancers and monitoring every few seconds: counted, but given no access line. */
    static final Set<String> PROBES = Set.of("/health", "/health/live", "/health/ready",
            "/health/started", "/metrics");

    @Inject
    MetricRegistry metrics;

    @Inject
    Routes routes;

    @Inject
    RequestId requestId;

    @Inject
    @ConfigProperty(name = "roster.log.access", defaultValue = "true")
    boolean accessLog;

    private Metadata requests;
    private Metadata refused;
    private Metadata throttled;

    @PostConstruct
    void describe() {
        requests = Metadata.builder().withName("roster.http.requests").withUnit(MetricUnits.SECONDS)
                .withDescription("Requests by route template, method and status, and how long they took").build();
        refused = Metadata.builder().withName("roster.credentials.refused")
                .withDescription("Credentials refused (401), by kind: bearer, basic, api-key, password (the token"
                        + " endpoint), client-secret").build();
        throttled = Metadata.builder().withName("roster.credentials.throttled")
                .withDescription("Credentials not even checked because the account or client was throttled (429),"
                        + " by kind").build();
    }

    /** Marks the start of a request's handling, unless it is marked already. */
    public void begin(HttpServletRequest request) {
        if (request.getAttribute(STARTED) == null) {
            request.setAttribute(STARTED, System.nanoTime());
        }
    }

    /** Records which kind of credential the request presented. */
    public void presented(HttpServletRequest request, String kind) {
        request.setAttribute(CREDENTIAL, kind);
    }

    /** Records the tenant a credential was accepted for (its label), or the operator. */
    public void accepted(HttpServletRequest request, String tenantLabel) {
        request.setAttribute(TENANT, tenantLabel == null ? "(operator)" : tenantLabel);
    }

    /** Counts a credential refused (401) or, with {@code throttledFor} > 0, not checked (429). */
    public void refused(String kind, long throttledFor) {
        Tag tag = new Tag("credential", kind == null ? "none" : kind);
        metrics.counter(throttledFor > 0 ? throttled : refused, tag).inc();
    }

    /** Records the request's outcome once: its timer, and its access line. */
    public void finish(HttpServletRequest request, int status) {
        if (request.getAttribute(FINISHED) != null) {
            return;
        }
        request.setAttribute(FINISHED, Boolean.TRUE);
        Object started = request.getAttribute(STARTED);
        long nanos = started instanceof Long begin ? System.nanoTime() - begin : 0;
        String route = routes.of(request.getRequestURI());
        String method = method(request.getMethod());
        metrics.timer(requests, new Tag("route", route), new Tag("method", method),
                new Tag("status", Integer.toString(status))).update(Duration.ofNanos(nanos));
        if (accessLog && !PROBES.contains(route) && ACCESS.isLoggable(Level.INFO)) {
            access(method, route, status, nanos / 1e6, value(request.getAttribute(TENANT)),
                    value(request.getAttribute(CREDENTIAL)));
        }
    }

    /** The access line, its fields also as the record's parameter for a structured format ({@link LogFormat}). */
    private void access(String method, String route, int status, double millis, String tenant, String credential) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", method);
        fields.put("route", route);
        fields.put("status", status);
        fields.put("durationMs", Math.round(millis * 10) / 10.0);
        fields.put("requestId", requestId.value());
        fields.put("tenant", tenant);
        fields.put("credential", credential);
        LogRecord line = new LogRecord(Level.INFO, String.format(Locale.ROOT,
                "%s %s %d %.1f ms request=%s tenant=%s credential=%s", method, route, status, millis,
                requestId.value(), tenant, credential));
        line.setLoggerName(ACCESS.getName());
        line.setParameters(new Object[] {fields});
        ACCESS.log(line);
    }

    /** The method, or OTHER for one outside HTTP's usual set (the set of labels stays fixed). */
    static String method(String method) {
        return switch (method) {
            case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" -> method;
            default -> "OTHER";
        };
    }

    private static String value(Object value) {
        return value == null ? "-" : value.toString();
    }
}
