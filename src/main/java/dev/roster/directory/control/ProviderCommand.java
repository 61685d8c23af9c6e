package dev.roster.directory.control;

import dev.roster.platform.Value;

/**
 * An identity provider as a request writes it: each field absent (unchanged), null (cleared) or a value. {@code type}
 * is {@code oidc} or {@code saml}; {@code clientSecret} is the clear text, sealed by the control.
 */
public record ProviderCommand(Value<String> name, Value<String> prefix, Value<Boolean> enabled, Value<String> type,
                              Value<String> issuer, Value<String> metadataUrl, Value<String> clientId,
                              Value<String> clientSecret) {
}
