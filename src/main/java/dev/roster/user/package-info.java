/**
 * Users of a tenant: the seed's {@code /users} paths, plus the operator's cross-tenant {@code /as-users}.
 *
 * <p>What a caller sees follows its widest effective role (see {@link dev.roster.security.Reach}); a user
 * outside that view is answered 404, exactly as if it did not exist. Only an ADMINISTRATOR (or the operator)
 * changes users. {@code PUT /users/{username}} creates (201) or updates (200) and changes only the fields the
 * body names ({@code null} clears one); it honours {@code If-Match}. {@code DELETE} de-provisions: every
 * privilege of the user in the tenant is revoked, the record and its history stay, and a new privilege
 * brings the user back.
 */
package dev.roster.user;
