package dev.roster.apikey.control;

import dev.roster.apikey.entity.ApiKey;
import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.Caller;
import dev.roster.platform.Checks;
import dev.roster.platform.Clock;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.platform.Value;
import dev.roster.problem.Forbidden;
import dev.roster.problem.NotFound;
import dev.roster.user.control.Users;
import dev.roster.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Creating, listing, rotating and revoking API keys, and finding the key a request presents. */
@ApplicationScoped
public class ApiKeys {


    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Users users;

    @Inject
    AuditLog audit;

    /** A key with the secret it was just given: the only moment the secret is known. */
    public record Issued(ApiKey key, String secret) {
    }

    /** The keys of a user; {@code username} null means the caller's own. */
    public Page<ApiKey> list(String username, PageRequest page) {
        User owner = owner(username);
        long total = em.createNamedQuery(ApiKey.COUNT_OF_USER, Long.class).setParameter("user", owner.id())
                .getSingleResult();
        List<ApiKey> keys = em.createNamedQuery(ApiKey.OF_USER, ApiKey.class).setParameter("user", owner.id())
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(keys, page, total);
    }

    public ApiKey get(String username, String id) {
        return find(owner(username), id);
    }

    /** Issues a key named {@code name} for the window {@code [from, until)} (null ends open). */
    @Transactional
    public Issued create(String username, String name, Instant from, Instant until) {
        User owner = owner(username);
        Checks checks = new Checks().required("name", Value.of(name)).maxLength("name", Value.of(name), 100);
        if (from != null && until != null && !from.isBefore(until)) {
            checks.fail("activeUntil", "must be later than activeFrom");
        }
        checks.done();
        ApiKey key = new ApiKey(owner, name, from, until, caller.name());
        String secret = KeySecrets.generate();
        key.secret(KeySecrets.prefix(secret), KeySecrets.hash(secret), false);
        em.persist(key);
        users.keyIssued(owner);
        audit.record(owner.tenantId(), "apikey.created", "apikey", key.id(), owner.username(),
                new Changes().note("name", null, name).note("activeFrom", null, from).note("activeUntil", null, until));
        return new Issued(key, secret);
    }

    /** Gives the key a new secret; the old one stops working at once. */
    @Transactional
    public Issued rotate(String username, String id) {
        ApiKey key = find(owner(username), id);
        String secret = KeySecrets.generate();
        key.secret(KeySecrets.prefix(secret), KeySecrets.hash(secret), true);
        audit.record(key.tenantId(), "apikey.rotated", "apikey", key.id(), key.user().username(),
                new Changes().secret("apiToken"));
        return new Issued(key, secret);
    }

    @Transactional
    public void revoke(String username, String id) {
        ApiKey key = find(owner(username), id);
        em.remove(key);
        audit.record(key.tenantId(), "apikey.revoked", "apikey", key.id(), key.user().username(),
                new Changes().note("name", key.name(), null));
    }

    /**
     * The active keys of several users, by user id, for their representations ({@code activeApiKeys}); no query for
     * users that were never issued one.
     */
    public Map<String, List<ApiKey>> activeOf(List<User> users) {
        List<String> holders = users.stream().filter(User::keysIssued).map(User::id).toList();
        if (holders.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(ApiKey.OF_USERS, ApiKey.class)
                .setParameter("users", holders).setParameter("now", Clock.now())
                .getResultStream().collect(Collectors.groupingBy(ApiKey::userId));
    }

    /**
     * The key whose secret this is, if any; the comparison of hashes takes constant time. Its owner is not read with
     * it: a caller asks for the owner's account by {@link ApiKey#userId()}.
     */
    public Optional<ApiKey> bySecret(String secret) {
        if (!KeySecrets.plausible(secret)) {
            return Optional.empty();
        }
        String hash = KeySecrets.hash(secret);
        return em.createNamedQuery(ApiKey.BY_SECRET_HASH, ApiKey.class).setParameter("hash", hash).getResultStream()
                .filter(key -> KeySecrets.same(hash, key.secretHash())).findFirst();
    }

    public Optional<ApiKey> byId(String id) {
        return Optional.ofNullable(em.find(ApiKey.class, id));
    }

    /**
     * Records that a key was used. Callers ask {@link ApiKey#useWorthRecording} first, so most uses start no
     * transaction; the update repeats the condition, so concurrent uses still write once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markUsed(ApiKey key) {
        Instant now = Clock.now();
        em.createNamedQuery(ApiKey.MARK_USED).setParameter("now", now).setParameter("id", key.id())
                .setParameter("before", now.minusSeconds(ApiKey.USE_RECORDING_SECONDS)).executeUpdate();
    }

    private User owner(String username) {
        if (username != null) {
            return users.visible(username);
        }
        if (caller.operator()) {
            throw new Forbidden("the platform operator has no API keys; manage a user's at /users/{username}/api-keys");
        }
        return em.find(User.class, caller.id());
    }

    private ApiKey find(User owner, String id) {
        ApiKey key = em.find(ApiKey.class, id);
        if (key == null || !key.userId().equals(owner.id())) {
            throw new NotFound("there is no API key '" + id + "'");
        }
        return key;
    }
}
