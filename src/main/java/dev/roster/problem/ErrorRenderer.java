package dev.roster.problem;

import jakarta.json.JsonObject;

/** Writes a failure in one protocol's error shape. */
public interface ErrorRenderer {

    String mediaType();

    /** The body of the answer to {@code failure}, a request for {@code path} with id {@code requestId}. */
    JsonObject body(RosterException failure, String path, String requestId);
}
