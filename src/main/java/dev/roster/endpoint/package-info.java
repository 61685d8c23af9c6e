/**
 * Service endpoints: a tenant's integration endpoints ({@code /api/v1/provisioning/service-endpoints}), each of a
 * type from the catalog at {@code /api/v1/provisioning/endpoint-types}. {@code password}, {@code provPassword}
 * and {@code apiKey} are encrypted at rest ({@link dev.roster.platform.SecretBox}) and never returned: answers
 * say whether each is set ({@code passwordSet}, ...). A PUT changes the fields it names; it keeps a secret it
 * leaves out and clears one it sends as {@code null}, so sending back what a GET returned never loses a secret.
 */
package dev.roster.endpoint;
