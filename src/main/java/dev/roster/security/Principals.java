package dev.roster.security;

import dev.roster.apikey.control.ApiKeys;
import dev.roster.apikey.entity.ApiKey;
import dev.roster.caller.ActingTenant;
import dev.roster.caller.Caller;
import dev.roster.caller.Roles;
import dev.roster.operator.Operator;
import dev.roster.platform.Clock;
import dev.roster.platform.Passwords;
import dev.roster.problem.TooManyRequests;
import dev.roster.user.control.Accounts;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a proven identity into what it may do right now: the user must still be active in an active
 * tenant, the token must not predate a revocation, and the roles are those of the privileges effective
 * at this moment.
 */
@ApplicationScoped
public class Principals {

    /** One answer for a wrong user, a wrong password and an unknown tenant alike. */
    public static final String WRONG = "the username or password is wrong, or the account cannot sign in here";

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Accounts accounts;

    @Inject
    ApiKeys apiKeys;

    @Inject
    Throttle throttle;

    /** The outcome: an identity, or why the credential does not work (and, when throttled, when to retry). */
    public record Resolution(Caller.Identity identity, String refusal, long retryAfterSeconds) {
        Resolution(Caller.Identity identity, String refusal) {
            this(identity, refusal, 0);
        }

        static Resolution refused(String why) {
            return new Resolution(null, why);
        }
    }

    /** The user behind a credential, if it may act now, with its tenant, current roles and service switches: one query. */
    public Resolution user(String userId, Instant issuedAt) {
        Optional<Accounts.Account> found = accounts.byUserId(userId);
        if (found.isEmpty()) {
            return Resolution.refused("the credential's user no longer exists");
        }
        Accounts.Account account = found.get();
        if (!account.tenantActive()) {
            return Resolution.refused("the credential's tenant is suspended");
        }
        if (account.status() != UserStatus.ACTIVE) {
            return Resolution.refused("the credential's user is " + account.status().name().toLowerCase());
        }
        if (issuedAt != null && account.tokensNotBefore() != null
                && issuedAt.getEpochSecond() < account.tokensNotBefore().getEpochSecond()) {
            return Resolution.refused("the token was revoked; request a new one");
        }
        return new Resolution(new Caller.Identity(account.userId(), account.username(), new ActingTenant(
                account.tenantId(), account.tenantLabel(), true, account.serviceSwitches()), account.roles()), null);
    }

    public Resolution operator(String operatorId) {
        Operator operator = em.find(Operator.class, operatorId);
        if (operator == null) {
            return Resolution.refused("the credential's operator no longer exists");
        }
        return new Resolution(new Caller.Identity(operator.id(), operator.username(), null,
                Set.of(Roles.PLATFORM_OPERATOR)), null);
    }

    /**
     * Checks a username and password: the operator's without a tenant, a tenant user's with one. A wrong
     * user, password or tenant all answer {@link #WRONG}, after the same slow hash.
     */
    public Resolution password(String username, String password, String tenantLabel) {
        String account = Throttle.account(tenantLabel, username);
        Throttle.Standing standing = throttle.standing(account);
        long locked = standing.lockedFor();
        if (locked > 0) {
            return new Resolution(null, new TooManyRequests(locked).getMessage(), locked);
        }
        Resolution checked = checkPassword(username, password, tenantLabel);
        if (WRONG.equals(checked.refusal())) {
            throttle.failed(account);
        } else {
            throttle.succeeded(standing);
        }
        return checked;
    }

    private Resolution checkPassword(String username, String password, String tenantLabel) {
        if (tenantLabel == null) {
            Operator operator = em.createNamedQuery(Operator.BY_USERNAME, Operator.class)
                    .setParameter("username", username).getResultStream().findFirst().orElse(null);
            if (!passwords.verify(password, operator == null ? null : operator.passwordHash())) {
                return Resolution.refused(WRONG);
            }
            return operator(operator.id());
        }
        Optional<Accounts.Credentials> user = accounts.credentials(tenantLabel, username);
        if (!passwords.verify(password, user.map(Accounts.Credentials::passwordHash).orElse(null))) {
            return Resolution.refused(WRONG);
        }
        // the password was right: from here the caller may learn why it cannot sign in
        return user(user.get().userId(), null);
    }

    /** The owner of an API key, if the key exists and works now; records the use. */
    public Resolution apiKey(String secret) {
        long locked = throttle.clientLockedFor();
        if (locked > 0) {
            return new Resolution(null, "too many failed credentials from this client; try again in " + locked + " s",
                    locked);
        }
        Optional<ApiKey> found = apiKeys.bySecret(secret);
        if (found.isEmpty()) {
            throttle.clientFailed();
            return Resolution.refused("the API key is not valid");
        }
        return keyOwner(found.get());
    }

    /** The owner of a key known by id (a token issued for the key): refused once the key is revoked or inactive. */
    public Resolution apiKeyById(String id) {
        return apiKeys.byId(id).map(this::keyOwner)
                .orElseGet(() -> Resolution.refused("the API key this token was issued for has been revoked"));
    }

    /** The owner of a key already found, if the key works now; records the use. */
    public Resolution keyOwner(ApiKey key) {
        Instant now = Clock.now();
        if (!key.effectiveAt(now)) {
            return Resolution.refused("the API key is not active now (see its activeFrom and activeUntil)");
        }
        Resolution owner = user(key.userId(), null);
        if (owner.identity() != null && key.useWorthRecording(now)) {
            apiKeys.markUsed(key);
        }
        return owner;
    }

    public Optional<ActingTenant> tenantByLabel(String label) {
        return accounts.tenant(label);
    }
}
