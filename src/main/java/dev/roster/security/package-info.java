/**
 * Who is calling, in which tenant, with which roles.
 *
 * <p>{@link dev.roster.security.RosterAuthentication} is the single authentication mechanism. A bearer token
 * is verified by MicroProfile JWT (Payara's identity store); the token only proves identity. The roles a
 * request gets are read from the caller's effective privileges at that moment (a privilege outside its
 * {@code activeFrom}/{@code activeUntil} window grants nothing), and a token stops working as soon as its
 * user is de-provisioned or suspended or its tenant is suspended. {@link dev.roster.security.Caller} carries
 * the result through the request; controls ask it for the tenant, never a request body.
 */
package dev.roster.security;
