package dev.roster.apikey.boundary;

import dev.roster.apikey.control.ApiKeys;
import dev.roster.apikey.entity.ApiKey;
import dev.roster.platform.Clock;
import jakarta.annotation.Nullable;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * An API key as lists show it. {@code apiToken} (the secret) is present only in the answer that creates or
 * rotates the key.
 */
@JsonbPropertyOrder({"id", "name", "prefix", "activeFrom", "activeUntil", "effective", "createdAt", "rotatedAt",
        "lastUsedAt", "apiToken"})
public record ApiKeyView(String id, String name, String prefix, @Nullable Instant activeFrom,
                         @Nullable Instant activeUntil, boolean effective, Instant createdAt,
                         @Nullable Instant rotatedAt, @Nullable Instant lastUsedAt,
                         @JsonbNillable(false) String apiToken) {

    public static ApiKeyView from(ApiKey key) {
        return withSecret(key, null);
    }

    /** A key just issued or rotated, with its secret. */
    public static ApiKeyView of(ApiKeys.Issued issued) {
        return withSecret(issued.key(), issued.secret());
    }

    private static ApiKeyView withSecret(ApiKey key, String secret) {
        return new ApiKeyView(key.id(), key.name(), key.prefix(), key.activeFrom(), key.activeUntil(),
                key.effectiveAt(Clock.now()), key.createdAt(), key.rotatedAt(), key.lastUsedAt(), secret);
    }
}
