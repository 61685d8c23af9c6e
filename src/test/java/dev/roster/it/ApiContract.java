package dev.roster.it;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds every answer of Roster's API that a system test receives to the OpenAPI document the same Roster serves:
 * the status must be declared for the operation, and the body must be of the declared media type and valid against
 * the declared schema. A violation fails the test that received the answer, so the document cannot drift from what
 * Roster does. Requests are not checked: the tests send wrong requests on purpose.
 *
 * <p>Outside the document are the server's own endpoints ({@code /openapi}, {@code /health}, {@code /metrics},
 * {@code /.well-known/}), CORS preflights, and the 401, 404 or 405 of a path or method that does not exist.
 */
final class ApiContract {

    private static final Map<URI, OpenApiInteractionValidator> DOCUMENTS = new ConcurrentHashMap<>();
    private static final AtomicLong CHECKED = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * Path or method not in the document: expected of a test that calls a path or method that does not exist (404,
     * 405), or that sends a bad credential, which is refused (401) wherever it was going.
     */
    private static final Set<String> UNKNOWN_OPERATION = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("API contract: " + CHECKED.get()
                + " answers checked against /openapi")));
    }

    private ApiContract() {
    }

    /** Fails with what is wrong when the answer to {@code method target} breaks the document. */
    static void check(URI base, String method, String target, int status, String contentType, String body) {
        if (outside(method, target)) {
            return;
        }
        List<String> violations = violations(document(base), method, target, status, contentType, body);
        CHECKED.incrementAndGet();
        if (!violations.isEmpty()) {
            throw new AssertionError(method + " " + target + " answered " + status + ", which /openapi does not "
                    + "allow:\n  " + String.join("\n  ", violations) + "\nbody: " + body);
        }
    }

    /** Not an answer of the API the document describes (Roster's own under {@code /api}, Aisera's under /scim). */
    static boolean outside(String method, String target) {
        String path = URI.create(target).getPath();
        return !path.startsWith("/api/") && !path.startsWith("/scim/") || method.equals("OPTIONS");
    }

    /** What is wrong with the answer by {@code document}, if anything. */
    static List<String> violations(OpenApiInteractionValidator document, String method, String target, int status,
                                   String contentType, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = document.validateResponse(URI.create(target).getPath(),
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(UNKNOWN_OPERATION.contains(m.getKey())
                        && (status == 401 || status == 404 || status == 405)))
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }

    private static OpenApiInteractionValidator document(URI base) {
        return DOCUMENTS.computeIfAbsent(base, b -> OpenApiInteractionValidator
                .createForInlineApiSpecification(fetch(b.resolve("/openapi"))).build());
    }

    private static String fetch(URI document) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(document).header("Accept",
                    "application/json").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("GET /openapi answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
