package dev.roster.caller;

/** Role names as {@code @RolesAllowed} sees them: the five tenant roles of the seed and the operator's. */
public final class Roles {
    public static final String USER = "USER";
    public static final String TEAM_LEADER = "TEAM_LEADER";
    public static final String MANAGEMENT = "MANAGEMENT";
    public static final String ADMINISTRATOR = "ADMINISTRATOR";
    public static final String INTERNAL_AUDITING = "INTERNAL_AUDITING";
    /** The platform operator: manages tenants, and acts in one by naming it in {@code X-Tenant}. */
    public static final String PLATFORM_OPERATOR = "PLATFORM_OPERATOR";

    private Roles() {
    }
}
