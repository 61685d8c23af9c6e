/**
 * The directory: a tenant's groups and organizations and who belongs to them (issue 15). A group (SCIM's and
 * Kore.ai's) has a display name unique in the tenant regardless of case; an organization (AppXite's customer) may sit
 * under a parent organization. Membership is one row per user and container ({@code memberships}), paged by
 * username, with each container's member count kept in the same transaction: changing one member never loads the
 * others, and a group of 100,000 members pages and totals from one index range. Only ADMINISTRATOR changes anything;
 * INTERNAL_AUDITING reads; every change is audited.
 */
package dev.roster.directory;
