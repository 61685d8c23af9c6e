package dev.roster.problem;

import java.util.Map;

/**
 * A failure the HTTP layer found before Roster's code ran (no such path, a method not allowed, a media type not
 * accepted, a request the container refused), with the headers that belong to it ({@code Allow}, …).
 */
public final class HttpFailure extends RosterException {

    private final transient Map<String, String> headers;

    public HttpFailure(int status, String title, String detail, Map<String, String> headers) {
        super(status, "http-" + status, title, detail);
        this.headers = Map.copyOf(headers);
    }

    public HttpFailure(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }
}
