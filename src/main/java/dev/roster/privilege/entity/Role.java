package dev.roster.privilege.entity;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The five system roles of the Activity Stream provisioning API, with what each may see and do. */
public enum Role {
    /** Sees its own things. */
    USER,
    /** Sees its own things and those of its immediate subordinates. */
    TEAM_LEADER,
    /** Sees its own things and those of all its subordinates. */
    MANAGEMENT,
    /** Manages everything in the tenant. */
    ADMINISTRATOR,
    /** Sees everything in the tenant, manages nothing. */
    INTERNAL_AUDITING;

    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text)) {
                return role;
            }
        }
        return null;
    }

    public static String names() {
        return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
