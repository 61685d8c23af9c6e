package dev.roster.privilege.control;

/** What a client writes of a tenant role: its name, weight and description. */
public record RoleCommand(String name, int weight, String description) {
}
