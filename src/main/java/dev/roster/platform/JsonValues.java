package dev.roster.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. Each static {@code jakarta.json.Json} method looks the provider up
 * again through the service loader, which searches the class path: measured at a fifth of a create's CPU.
 */
public final class JsonValues {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonValues() {
    }
}
