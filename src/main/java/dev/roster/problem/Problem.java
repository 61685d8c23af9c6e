package dev.roster.problem;

/**
 * RFC 9457 problem documents, the native API's error shape ({@link ProblemRenderer} writes them). An operation that
 * answers 204 also names this type in its {@code @Produces}: a client that accepts only problem documents for it
 * (its success has no body, as clients generated from the OpenAPI document ask) must not be refused with 406.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    /** The {@code type} of a kind of failure: a URN per slug. */
    public static String type(String slug) {
        return "urn:roster:problem:" + slug;
    }
}
