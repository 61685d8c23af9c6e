package dev.roster.endpoint.control;

import dev.roster.platform.Value;
import java.time.Instant;

/**
 * A service endpoint as a client writes it (003 Service Endpoints): each field absent (keep it), {@code null}
 * (clear it) or a value. A secret ({@code password}, {@code provPassword}, {@code apiKey}) sent as {@code null} or
 * empty is cleared. {@code typeId} names the endpoint type in the catalog.
 */
public record EndpointCommand(Value<Integer> typeId, Value<String> url, Value<String> userName,
                              Value<String> password, Value<String> provUserName, Value<String> provPassword,
                              Value<Integer> provPort, Value<String> apiKey, Value<String> messageHandler,
                              Value<String> exchange, Value<String> binding, Value<Boolean> active,
                              Value<Boolean> durable, Value<String> vhost, Value<Instant> activeFrom,
                              Value<Instant> activeUntil) {
}
