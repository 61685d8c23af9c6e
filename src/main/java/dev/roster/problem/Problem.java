package dev.roster.problem;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} lists offending fields; {@code error} and
 * {@code error_description} are set on the token endpoint so OAuth 2.0 clients (RFC 6749 section 5.2)
 * read the same answer.
 */
@JsonbNillable(false)
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors", "error",
        "error_description"})
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors, String error, String error_description) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static String type(String slug) {
        return "urn:roster:problem:" + slug;
    }
}
