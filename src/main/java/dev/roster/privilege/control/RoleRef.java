package dev.roster.privilege.control;

import dev.roster.privilege.entity.Role;
import dev.roster.privilege.entity.TenantRole;
import jakarta.annotation.Nullable;

/** A role of a tenant as a client sees it: a system role or one the tenant defined. */
public record RoleRef(String id, String name, int weight, @Nullable String description, boolean system) {

    public static RoleRef of(Role role) {
        return new RoleRef(role.id(), role.displayName(), role.weight(), "System role: " + switch (role) {
            case USER -> "sees itself";
            case TEAM_LEADER -> "sees itself and its direct reports";
            case MANAGEMENT -> "sees itself and everyone below it";
            case INTERNAL_AUDITING -> "reads everything in the tenant and changes nothing";
            case ADMINISTRATOR -> "sees and manages everything in the tenant";
        }, true);
    }

    public static RoleRef of(TenantRole role) {
        return new RoleRef(role.id(), role.name(), role.weight(), role.description(), false);
    }
}
