package dev.roster.user.entity;

/** Where a user stands in its tenant. Only an ACTIVE user's privileges grant anything. */
public enum UserStatus {
    /** Invited, not yet onboarded. */
    INVITED,
    ACTIVE,
    /** Kept, but signs in to nothing until reactivated. */
    SUSPENDED,
    /** All privileges revoked (DELETE /users/{username}); a new privilege brings the user back. */
    DEPROVISIONED
}
