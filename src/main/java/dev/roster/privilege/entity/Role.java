package dev.roster.privilege.entity;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The five system roles of the Activity Stream provisioning API (003 Privileges), fixed in every tenant. Each has
 * an id (its name, as the seed writes it), a display name (what Aisera-style clients send: "Administrator") and a
 * weight (the strongest effective one answers {@code /users/{username}/privilege}). Only these grant anything in
 * Roster's own API; roles a tenant defines ({@link TenantRole}) are carried for its applications.
 */
public enum Role {
    /** Sees its own things. */
    USER("User", 10),
    /** Sees its own things and those of its immediate subordinates. */
    TEAM_LEADER("Team Leader", 20),
    /** Sees its own things and those of all its subordinates. */
    MANAGEMENT("Management", 30),
    /** Sees everything in the tenant, manages nothing. */
    INTERNAL_AUDITING("Internal Auditing", 40),
    /** Manages everything in the tenant. */
    ADMINISTRATOR("Administrator", 50);

    private final String displayName;
    private final int weight;

    Role(String displayName, int weight) {
        this.displayName = displayName;
        this.weight = weight;
    }

    public String id() {
        return name();
    }

    public String displayName() {
        return displayName;
    }

    public int weight() {
        return weight;
    }

    /** The system role with this id ({@code ADMINISTRATOR}) or display name ({@code Administrator}), any case. */
    public static Optional<Role> named(String text) {
        String wanted = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(wanted)
                || r.displayName.equalsIgnoreCase(wanted)).findFirst();
    }

    /** The system role with exactly this id, as stored on a privilege. */
    public static Optional<Role> ofId(String id) {
        return Arrays.stream(values()).filter(r -> r.name().equals(id)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
