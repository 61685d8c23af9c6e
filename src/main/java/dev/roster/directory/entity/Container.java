package dev.roster.directory.entity;

/** What users can be members of: a group or an organization. */
public interface Container {

    String id();

    String tenantId();

    /** The name people know it by: a group's display name, an organization's name. */
    String label();

    Membership.Kind kind();

    int memberCount();
}
