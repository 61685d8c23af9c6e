package dev.roster.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the current request (read when first asked for): the caller's {@code X-Request-Id} when it is a plain
 * token, otherwise a fresh UUID. It is echoed in the response, written into audit events and quoted in error bodies.
 */
@RequestScoped
public class RequestId {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Inject
    HttpServletRequest request;

    private String value;

    public String value() {
        if (value == null) {
            String given = request == null ? null : request.getHeader(HEADER);
            value = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        }
        return value;
    }

    /** Makes work outside any HTTP request (a bulk job) carry the id of the request that started it. */
    public void continueAs(String id) {
        value = id;
    }
}
