/**
 * Tenants. The platform operator creates, lists, reads, suspends and reactivates them at
 * {@code /api/v1/tenants}; a tenant's own people read and brand it at {@code /api/v1/provisioning/info} and
 * {@code /details}. A suspended tenant's users get no tokens and their tokens stop working at once.
 */
package dev.roster.tenant;
