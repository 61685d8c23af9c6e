package dev.roster.caller;

/** Which users of its tenant a caller may see, from the widest of its effective roles. */
public enum Reach {
    /** ADMINISTRATOR, INTERNAL_AUDITING, the platform operator. */
    ALL,
    /** MANAGEMENT: itself and everyone below it through {@code manager}. */
    SUBTREE,
    /** TEAM_LEADER: itself and its direct reports. */
    DIRECT_REPORTS,
    /** USER: itself. */
    SELF,
    /** No effective privilege: nothing. */
    NONE
}
