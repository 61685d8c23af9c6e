package dev.roster.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the current request: the caller's {@code X-Request-Id} when it is a plain token, otherwise a
 * fresh UUID. It is echoed in the response, written into audit events and quoted in error bodies.
 */
@RequestScoped
public class RequestId {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Inject
    HttpServletRequest request;

    private String value;

    @PostConstruct
    void init() {
        String given = request == null ? null : request.getHeader(HEADER);
        value = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    public String value() {
        return value;
    }
}
