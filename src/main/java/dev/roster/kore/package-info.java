/**
 * Kore.ai's bulk user creation (seed 002, {@code POST /api/public/users}), a thin boundary over the provisioning
 * control's batched create: each user's {@code userInfo} becomes its profile, {@code groups} its memberships, each
 * {@code roleId}+{@code botId} a privilege of that role scoped to that bot, {@code sendEmail} the activation e-mail of
 * an invitation. Its callers send a Roster token in Kore.ai's {@code auth} header. Service {@code kore}, off until the
 * operator switches it on for a tenant.
 */
package dev.roster.kore;
