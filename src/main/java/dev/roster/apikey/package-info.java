/**
 * API keys: a user's credentials for integrations ({@code x-app-token}, or the client secret of the
 * {@code client_credentials} grant). A key acts with its owner's privileges effective at the moment of use,
 * within its own {@code activeFrom}/{@code activeUntil} window; it stops working on the next request after it
 * is revoked, its owner is de-provisioned or suspended, or its tenant is suspended.
 *
 * <p>The secret ({@code apiToken}) is shown once, when the key is created or rotated, and kept only as a
 * SHA-256 hash: it carries 256 random bits, so a slow hash would add nothing but latency, and a lookup is one
 * unique-index probe. Lists show an id, a name, a short visible prefix, the window and {@code lastUsedAt}.
 */
package dev.roster.apikey;
