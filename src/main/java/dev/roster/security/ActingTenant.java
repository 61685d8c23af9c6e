package dev.roster.security;

/** The tenant a request acts in. */
public record ActingTenant(String id, String label, boolean active) {
}
