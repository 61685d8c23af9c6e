package dev.roster.privilege.control;

import java.time.Instant;

/**
 * A privilege as a client asks for it: a role named by id or name, an optional scope (an application, such as a
 * Kore.ai {@code botId}; null for the whole tenant) and a window ({@code null}: an open end).
 */
public record Grant(String role, String scope, Instant activeFrom, Instant activeUntil) {
}
