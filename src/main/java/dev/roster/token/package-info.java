/**
 * {@code POST /api/v1/provisioning/token}: an OAuth 2.0 style password grant (RFC 6749 section 4.3) that
 * answers a short-lived RS256 JWT. Without a tenant the credentials are the platform operator's; with one
 * (form field {@code tenant} or header {@code X-Tenant}) they are a user's of that tenant. A wrong user, a
 * wrong password and an unknown tenant all get the same answer.
 */
package dev.roster.token;
