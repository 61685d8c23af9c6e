package dev.roster.token.control;

import dev.roster.apikey.control.ApiKeys;
import dev.roster.apikey.entity.ApiKey;
import dev.roster.caller.Caller;
import dev.roster.domain.control.RequestHost;
import dev.roster.operations.Exchanges;
import dev.roster.problem.InvalidClient;
import dev.roster.problem.InvalidGrant;
import dev.roster.problem.TooManyRequests;
import dev.roster.security.Principals;
import dev.roster.security.Throttle;
import dev.roster.security.Tokens;
import dev.roster.user.control.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The grants of the token endpoint: a user's or the operator's password, or an API key as client credentials. */
@ApplicationScoped
public class Logins {

    @Inject
    Exchanges exchanges;

    @Inject
    Principals principals;

    @Inject
    ApiKeys apiKeys;

    @Inject
    Tokens tokens;

    @Inject
    Throttle throttle;

    @Inject
    RequestHost host;

    @Inject
    Accounts accounts;

    public Tokens.Issued password(String username, String password, String tenantLabel) {
        Principals.Resolution resolution = principals.password(username, password, tenantLabel);
        if (resolution.retryAfterSeconds() > 0) {
            exchanges.refused("password", resolution.retryAfterSeconds());
            throw new TooManyRequests(resolution.retryAfterSeconds());
        }
        if (resolution.identity() == null) {
            exchanges.refused("password", 0);
            throw new InvalidGrant("invalid_grant", resolution.refusal());
        }
        Caller.Identity identity = resolution.identity();
        if (!identity.operator() && !host.admits(identity.tenant().id())) {
            throw new InvalidGrant("invalid_grant", Principals.WRONG);
        }
        if (identity.operator()) {
            return tokens.issue(Tokens.KIND_OPERATOR, identity.id(), identity.username(), null, identity.roles());
        }
        Tokens.Issued issued = forUser(identity, null);
        accounts.signedIn(identity.id());
        return issued;
    }

    /**
     * The client credentials grant (RFC 6749 section 4.4): the client secret is an API key's {@code apiToken},
     * the client id (optional) its id or prefix. The token acts for the key's owner and dies with the key.
     */
    public Tokens.Issued clientCredentials(String clientId, String secret) {
        long locked = throttle.clientLockedFor();
        if (locked > 0) {
            exchanges.refused("client-secret", locked);
            throw new TooManyRequests(locked);
        }
        ApiKey key = apiKeys.bySecret(secret).orElse(null);
        if (key == null || clientId != null && !clientId.equals(key.id()) && !clientId.equals(key.prefix())) {
            exchanges.refused("client-secret", 0);
            throttle.clientFailed();
            throw new InvalidClient("the client id or secret is wrong");
        }
        Principals.Resolution owner = principals.keyOwner(key);
        if (owner.identity() == null) {
            throw new InvalidGrant("invalid_grant", owner.refusal());
        }
        if (!host.admits(owner.identity().tenant().id())) {
            throw new InvalidClient("the client belongs to another tenant than the one this domain serves");
        }
        return forUser(owner.identity(), key.id());
    }

    private Tokens.Issued forUser(Caller.Identity identity, String keyId) {
        if (identity.roles().isEmpty()) {
            throw new InvalidGrant("invalid_grant", "the account holds no privilege that is active now");
        }
        return tokens.issue(Tokens.KIND_USER, identity.id(), identity.username(), identity.tenant().label(),
                List.copyOf(identity.roles()), keyId);
    }
}
