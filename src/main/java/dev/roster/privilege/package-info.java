/**
 * Privileges: a user's role in its tenant for a window ({@code activeFrom} inclusive, {@code activeUntil}
 * exclusive, either end open). The window is checked at the moment of each request, so a privilege that has
 * not started or has ended grants nothing without any job having to run.
 *
 * <p>The seed addresses the user's privilege as {@code /users/{username}/privilege} and, in its early outline,
 * as {@code /privileges/{id}}; both reach the same record. {@code PUT} replaces role and window (201 when it
 * grants a new privilege, 200 when it changes one) and brings a de-provisioned user back; {@code DELETE}
 * revokes. Visibility follows the user's: a privilege of a user the caller cannot see is a 404.
 */
package dev.roster.privilege;
