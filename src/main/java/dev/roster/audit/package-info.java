/**
 * The audit trail: every change writes an {@link dev.roster.audit.entity.AuditEvent} in the same transaction
 * as the change (who, tenant, what, which target, when, which request, what changed; never a secret), and
 * {@code GET /api/v1/provisioning/events} pages them for ADMINISTRATOR and INTERNAL_AUDITING.
 */
package dev.roster.audit;
