package dev.roster.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, in no protocol's shape: a status, a stable slug, a title, a detail that says
 * what is wrong, and the offending fields. Each protocol's {@link ErrorRenderer} writes it in that protocol's
 * shape ({@link Protocol}).
 */
public class RosterException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<FieldError> fields;

    protected RosterException(int status, String slug, String title, String detail, List<FieldError> fields) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    protected RosterException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    public int status() {
        return status;
    }

    /** A stable name of the kind of failure ({@code not-found}, {@code not-unique}, …), for machines. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> fields() {
        return fields;
    }

    /** Headers the answer must carry whatever its protocol ({@code Retry-After}, {@code WWW-Authenticate}, …). */
    public Map<String, String> headers() {
        return Map.of();
    }
}
