package dev.roster.problem;

/** RFC 9457 problem documents, the native API's error shape ({@link ProblemRenderer} writes them). */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    /** The {@code type} of a kind of failure: a URN per slug. */
    public static String type(String slug) {
        return "urn:roster:problem:" + slug;
    }
}
