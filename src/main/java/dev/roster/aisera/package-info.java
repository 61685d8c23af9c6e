/**
 * Aisera's user provisioning API (seed 000, "User Provisioning APIs"): {@code /scim/provision-user},
 * {@code /scim/update-user/{email}} and {@code /scim/de-provision-user/{email}}, a thin boundary over the
 * provisioning and privilege controls. Its callers send {@code Authorization} (Basic or Bearer) and
 * {@code x-app-token} together, for the same user; roles are named by display name; users are named by e-mail
 * address. Service {@code aisera}, off until the operator switches it on for a tenant.
 */
package dev.roster.aisera;
