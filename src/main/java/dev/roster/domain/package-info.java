/**
 * Domain mappings: the domains that serve a tenant ({@code /api/v1/provisioning/domain-mapping}). A domain is a
 * fully qualified name, kept lower-case, and belongs to at most one tenant on the platform. A request whose
 * {@code Host} is a domain mapped and active now is in that tenant: the token endpoint and Basic authentication
 * need no {@code X-Tenant} there, a credential of another tenant is refused there, and {@code info} shows the
 * mapping's icon and theme over the tenant's.
 */
package dev.roster.domain;
