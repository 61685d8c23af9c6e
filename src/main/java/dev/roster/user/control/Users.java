package dev.roster.user.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.Caller;
import dev.roster.platform.Clock;
import dev.roster.platform.CriteriaSql;
import dev.roster.platform.Inserts;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.platform.Passwords;
import dev.roster.platform.RosterDatabase;
import dev.roster.platform.Value;
import dev.roster.problem.Conflict;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.NotFound;
import dev.roster.problem.PreconditionFailed;
import dev.roster.user.entity.Attribute;
import dev.roster.user.entity.User;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading, creating, updating and de-provisioning the users of the caller's tenant. */
@ApplicationScoped
public class Users {

    /** The condition "username, e-mail, first or last name matches the LIKE pattern :q" on the user alias u. */
    static final String MATCHES_Q = " AND (u.usernameLc LIKE :q ESCAPE '\\' OR u.emailLc LIKE :q ESCAPE '\\'"
            + " OR u.firstNameLc LIKE :q ESCAPE '\\' OR u.lastNameLc LIKE :q ESCAPE '\\')";
    static final int Q_MAX = 254;
    static final boolean POSTGRESQL = RosterDatabase.postgresql();

    @PersistenceContext
    EntityManager em;

    @Inject
    Inserts inserts;

    @Inject
    Caller caller;

    @Inject
    Visibility visibility;

    @Inject
    Passwords passwords;

    @Inject
    AuditLog audit;

    @Inject
    Listing listing;

    @Inject
    ListingAnchors anchors;

    @Inject
    PrefixSearch search;

    /** A user found across tenants, with the label of its tenant. */
    public record TenantUser(String tenant, User user) {
    }

    /** The outcome of a PUT: the user as it now is, and whether it was created. */
    public record Saved(User user, boolean created) {
    }

    /**
     * The tenant's active users the caller may see, by username, or those matching a prefix {@code q} of username,
     * e-mail, first or last name ({@link PrefixSearch}, in the order of what matched). The page's ids come from one
     * index range (the listing index) or a few, then only those users are loaded; a deep page of the whole list
     * starts from a known place in it ({@link ListingAnchors}). The administrator's total is the tenant's
     * listed-users counter; other totals count their own range, unless the page is the last one (not full), which
     * gives the total by itself.
     */
    public Page<User> active(PageRequest page, String q) {
        String tenant = caller.tenant().id();
        listing.catchUp(tenant);
        Instant instant = Clock.now();
        Timestamp now = Timestamp.from(instant);
        if (q != null && !q.isBlank()) {
            PrefixSearch.Found found = search.find(tenant, prefix(q), page, now);
            return found.exact() ? Page.of(byIds(found.ids()), page, found.total())
                    : Page.atLeast(byIds(found.ids()), page, found.total());
        }
        Visibility.Sql visible = visibility.sql();
        List<Object> parameters = new ArrayList<>(List.of(tenant, now, now));
        parameters.addAll(visible.parameters());
        String from = " FROM users u WHERE u.tenant_id = ? AND u.listed_from <= ? AND u.listed_until > ?"
                + visible.condition();
        boolean whole = visibility.seesAll();
        long total = whole ? listing.count(tenant) : -1;
        if (whole && page.offset() >= total) {
            return Page.of(List.of(), page, total);
        }
        String pageFrom = from;
        List<Object> pageParameters = new ArrayList<>(parameters);
        long skip = page.offset();
        if (whole) { // start a deep page from a known place in the list
            Optional<Anchors.Start> start = anchors.start(tenant, page.offset(), instant);
            if (start.isPresent()) {
                pageFrom += " AND u.username_lc >= ?";
                pageParameters.add(start.get().key());
                skip = start.get().skip();
            }
        }
        pageParameters.addAll(List.of(skip, page.size()));
        @SuppressWarnings("unchecked")
        List<String> ids = CriteriaSql.bind(em.createNativeQuery("SELECT u.id" + pageFrom
                + " ORDER BY u.username_lc, u.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY"), pageParameters)
                .getResultList();
        if (total < 0) { // a page that is not full ends the list, and says its length: no need to count it
            total = ids.size() < page.size() && (!ids.isEmpty() || page.offset() == 0) ? page.offset() + ids.size()
                    : ((Number) CriteriaSql.bind(em.createNativeQuery("SELECT COUNT(*)" + from), parameters)
                    .getSingleResult()).longValue();
        }
        return Page.of(byIds(ids), page, total);
    }

    /**
     * The users the caller may see whose organization-assigned id (Kore.ai's {@code orgUserId}) is exactly
     * {@code orgUserId}, whatever their status, by username: one range of {@code ix_users_org_user_id}.
     */
    public Page<User> withOrgUserId(PageRequest page, String orgUserId) {
        if (orgUserId.length() > Attribute.ORG_USER_ID.maxLength()) {
            throw new InvalidInput("orgUserId", "must be at most " + Attribute.ORG_USER_ID.maxLength()
                    + " characters long");
        }
        String where = " FROM User u WHERE u.tenantId = :tenant AND u.orgUserId = :orgUserId" + visibility.condition();
        TypedQuery<Long> count = visibility.bind(em.createQuery("SELECT COUNT(u)" + where, Long.class));
        TypedQuery<String> ids = visibility.bind(em.createQuery("SELECT u.id" + where + " ORDER BY u.usernameLc, u.id",
                String.class));
        for (Query query : List.of(count, ids)) {
            query.setParameter("tenant", caller.tenant().id()).setParameter("orgUserId", orgUserId);
        }
        List<String> found = ids.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(byIds(found), page, count.getSingleResult());
    }

    /** The users with these ids, with their managers, in the order of the ids (an id without a user is left out). */
    public List<User> byIds(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, User> found = em.createNamedQuery(User.BY_IDS, User.class).setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(User::id, u -> u));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** A user the caller may see, or 404 (also when it exists but lies outside the caller's view). */
    public User visible(String username) {
        return find(caller.tenant().id(), username).filter(visibility::sees)
                .orElseThrow(() -> new NotFound("there is no user '" + username + "'"));
    }

    /**
     * Creates or updates a user's own fields. Only the fields the command names change; {@code ifMatch} must name
     * the current entity tag when given (on an absent user it can never match). Part of the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Saved put(String username, UserCommand requested, String ifMatch) {
        UserRules.checkUsername(username);
        return save(username, find(caller.tenant().id(), username).orElse(null), requested, ifMatch);
    }

    /**
     * Creates a user, refusing (409) a username or e-mail address the tenant has already. Part of the caller's
     * transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public User create(String username, UserCommand requested) {
        UserRules.checkUsername(username);
        if (find(caller.tenant().id(), username).isPresent()) {
            throw Conflict.notUnique("the tenant has a user named " + username + " already");
        }
        return save(username, null, requested, null).user();
    }

    /**
     * Creates a user whose username and e-mail address the caller found free ({@link #taken}): no query, so a chunk
     * of creates is written in batches. A race with another create still ends in the unique constraints (a 409).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public User createFree(String username, UserCommand requested) {
        UserRules.checkUsername(username);
        return save(username, null, requested, null, false).user();
    }

    /**
     * Which of these usernames and e-mail addresses the tenant's users hold already (in lower case), before the chunk
     * writes anything: on Derby one index probe per value (an {@code IN} list would make Derby read every user of the
     * tenant, and a {@code UNION} of probes costs it seconds to compile); on PostgreSQL one {@code IN} list each.
     */
    public Set<String> taken(String tenantId, Collection<String> usernames, Collection<String> emails) {
        Set<String> taken = new HashSet<>();
        if (POSTGRESQL) { // PostgreSQL reads an IN list through the unique indexes, one probe per value, in one statement
            List<String> names = usernames.stream().map(User::lower).distinct().toList();
            List<String> addresses = emails.stream().map(User::lower).distinct().toList();
            if (!names.isEmpty()) {
                taken.addAll(em.createNamedQuery(User.USERNAMES_TAKEN, String.class).setParameter("tenant", tenantId)
                        .setParameter("names", names).getResultList());
            }
            if (!addresses.isEmpty()) {
                taken.addAll(em.createNamedQuery(User.EMAILS_USED, String.class).setParameter("tenant", tenantId)
                        .setParameter("emails", addresses).getResultList());
            }
            return taken;
        }
        TypedQuery<Long> byName = em.createNamedQuery(User.USERNAME_TAKEN, Long.class).setParameter("tenant", tenantId);
        for (String name : usernames.stream().map(User::lower).distinct().toList()) {
            if (byName.setParameter("name", name).getSingleResult() > 0) {
                taken.add(name);
            }
        }
        TypedQuery<Long> byEmail = em.createNamedQuery(User.EMAIL_USED, Long.class).setParameter("tenant", tenantId);
        for (String email : emails.stream().map(User::lower).distinct().toList()) {
            if (byEmail.setParameter("email", email).getSingleResult() > 0) {
                taken.add(email);
            }
        }
        return taken;
    }

    private Saved save(String username, User found, UserCommand requested, String ifMatch) {
        return save(username, found, requested, ifMatch, true);
    }

    private Saved save(String username, User found, UserCommand requested, String ifMatch, boolean checkEmail) {
        String tenantId = caller.tenant().id();
        User user = found;
        if (ifMatch != null && (user == null || !matches(ifMatch, etag(user)))) {
            throw new PreconditionFailed(user == null ? "the user does not exist, so If-Match cannot match"
                    : "If-Match " + ifMatch + " does not match the current entity tag " + etag(user)
                    + "; read the user again");
        }
        boolean creating = user == null;
        UserCommand input = UserRules.check(requested, creating);
        Changes changes = new Changes();
        if (creating) {
            user = new User(tenantId, username, input.email().value());
            changes.note("email", null, input.email().value());
        } else if (input.email().present()) {
            changes.note("email", user.email(), input.email().value());
            user.changeEmail(input.email().value());
        }
        if (checkEmail) {
            checkEmailFree(user);
        }
        apply(input, user, changes);
        if (input.manager().present()) {
            String named = input.manager().value();
            User manager = named == null ? null : find(tenantId, named)
                    .orElseThrow(() -> new InvalidInput("manager", "there is no user '" + named + "' in this tenant"));
            changes.note("manager", user.manager() == null ? null : user.manager().username(),
                    manager == null ? null : manager.username());
            reportTo(user, manager);
        }
        if (input.password().isSet()) {
            user.changePasswordHash(passwords.hash(input.password().value()));
            changes.secret("password");
        }
        UserStatus status = input.status().value();
        if (input.status().present() && status != user.status()) {
            if (user.status() == UserStatus.DEPROVISIONED || user.status() == UserStatus.INVITED) {
                throw new InvalidInput("status", "a " + user.status().name().toLowerCase() + " user becomes ACTIVE "
                        + "by being granted a privilege");
            }
            changes.note("status", user.status(), status);
            user.changeStatus(status);
            if (status == UserStatus.SUSPENDED) {
                user.revokeTokens();
            }
            if (!creating) {
                listing.update(user);
            }
        }
        if (creating) {
            inserts.persist(user);
        }
        if (creating || !changes.isEmpty()) {
            if (!creating) {
                user.touch();
            }
            audit.record(tenantId, creating ? "user.created" : "user.updated", "user", user.id(), user.username(),
                    changes);
        }
        return new Saved(user, creating);
    }

    /**
     * Marks a user whose privileges were all revoked as de-provisioned: it leaves the active list and its tokens
     * stop working. Part of the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markDeprovisioned(User user, List<String> revokedRoles) {
        if (user.status() == UserStatus.DEPROVISIONED) {
            return;
        }
        Changes changes = new Changes().note("status", user.status(), UserStatus.DEPROVISIONED)
                .note("revokedRoles", null, revokedRoles.isEmpty() ? null : String.join(",", revokedRoles));
        user.changeStatus(UserStatus.DEPROVISIONED);
        listing.update(user, List.of());
        user.revokeTokens();
        user.touch();
        audit.record(user.tenantId(), "user.deprovisioned", "user", user.id(), user.username(), changes);
    }

    /**
     * A de-provisioned user made active again (SCIM's {@code active: true}): ACTIVE, listed again once it holds a
     * privilege. Part of the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restore(User user) {
        if (user.status() != UserStatus.DEPROVISIONED) {
            return;
        }
        user.changeStatus(UserStatus.ACTIVE);
        user.touch();
        listing.update(user);
        audit.record(user.tenantId(), "user.restored", "user", user.id(), user.username(),
                new Changes().note("status", UserStatus.DEPROVISIONED, UserStatus.ACTIVE));
    }

    /**
     * Notes that a key was issued to the user: on the entity, so a view built in this transaction and a row yet to be
     * inserted have it, and on its row in place, without moving its version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keyIssued(User user) {
        if (!user.keysIssued()) {
            user.keyIssued();
            setInPlace(user, "keys_issued");
        }
    }

    /** Notes that the user joined a group or organization, as {@link #keyIssued} notes a key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void containerJoined(User user) {
        if (!user.containersJoined()) {
            user.containerJoined();
            setInPlace(user, "containers_joined");
        }
    }

    /** Sets one of the user's flags on its row, if it is there yet, leaving its version as it is. */
    private void setInPlace(User user, String flag) {
        em.createNativeQuery("UPDATE users SET " + flag + " = TRUE WHERE id = ? AND " + flag + " = FALSE")
                .setParameter(1, user.id()).executeUpdate();
    }

    /** The entity tag of a user: its version, which every change of it (its privileges included) moves on. */
    public static String etag(User user) {
        return "\"" + user.version() + "\"";
    }

    /** The platform operator's search across every tenant, each hit naming its tenant. */
    public Page<TenantUser> acrossTenants(PageRequest page, String q) {
        String where = " FROM User u, Tenant t WHERE t.id = u.tenantId" + (q == null || q.isBlank() ? "" : MATCHES_Q);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u)" + where, Long.class);
        TypedQuery<Object[]> rows = em.createQuery("SELECT u, t.label" + where
                + " ORDER BY u.usernameLc, t.label, u.id", Object[].class);
        if (q != null && !q.isBlank()) {
            count.setParameter("q", prefixPattern(q));
            rows.setParameter("q", prefixPattern(q));
        }
        List<TenantUser> hits = rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                .stream().map(row -> new TenantUser((String) row[1], (User) row[0])).toList();
        return Page.of(hits, page, count.getSingleResult());
    }

    /** The tenant's user with this e-mail address (any case), if there is one. */
    public Optional<User> byEmail(String tenantId, String email) {
        return em.createNamedQuery(User.BY_EMAIL, User.class).setParameter("tenant", tenantId)
                .setParameter("email", User.lower(email)).getResultStream().findFirst();
    }

    /**
     * A user created in this transaction to be invited: INVITED until it accepts, so it signs in to nothing and is not
     * listed, whatever privileges it holds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markInvited(User user) {
        user.changeStatus(UserStatus.INVITED);
        listing.update(user, List.of());
    }

    /**
     * An invited user who accepted: its password (when it has one; checked like any other) and ACTIVE status.
     * Part of the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void activate(User user, String password) {
        Changes changes = new Changes().note("status", user.status(), UserStatus.ACTIVE);
        if (password != null) {
            UserRules.check(UserCommand.none().withPassword(password), false);
            user.changePasswordHash(passwords.hash(password));
            changes.secret("password");
        }
        user.changeStatus(UserStatus.ACTIVE);
        user.touch();
        listing.update(user);
        audit.record(user.tenantId(), "user.activated", "user", user.id(), user.username(), changes);
    }

    public Optional<User> find(String tenantId, String username) {
        return em.createNamedQuery(User.BY_USERNAME, User.class).setParameter("tenant", tenantId)
                .setParameter("username", User.lower(username)).getResultStream().findFirst();
    }

    private static void apply(UserCommand input, User user, Changes changes) {
        set("firstName", user.firstName(), input.firstName(), changes, user::changeFirstName);
        set("lastName", user.lastName(), input.lastName(), changes, user::changeLastName);
        set("timeZone", user.timeZone(), input.timeZone(), changes, user::changeTimeZone);
        set("country", user.country(), input.country(), changes, user::changeCountry);
        set("zipCode", user.zipCode(), input.zipCode(), changes, user::changeZipCode);
        set("avatar", user.avatar(), input.avatar(), changes, user::changeAvatar);
        set("gender", user.gender(), input.gender(), changes, user::changeGender);
        set("birthYear", user.birthYear(), input.birthYear(), changes, user::changeBirthYear);
        set("hint", user.hint(), input.hint(), changes, user::changeHint);
        for (Attribute attribute : Attribute.values()) {
            set(attribute.field(), user.attribute(attribute), input.attribute(attribute), changes,
                    value -> user.changeAttribute(attribute, value));
        }
        set("canCreateBot", user.canCreateBot(), input.canCreateBot(), changes, user::changeCanCreateBot);
        set("isDeveloper", user.isDeveloper(), input.isDeveloper(), changes, user::changeIsDeveloper);
        Value<List<String>> tasks = input.botTasks().present() && input.botTasks().value() == null
                ? Value.of(List.of()) : input.botTasks();
        set("botTasks", user.botTasks(), tasks, changes, user::changeBotTasks);
    }

    private static <T> void set(String field, T before, Value<T> after, Changes changes,
                                java.util.function.Consumer<T> setter) {
        if (after.present() && !Objects.equals(before, after.value())) {
            changes.note(field, before, after.value());
            setter.accept(after.value());
        }
    }

    /** Moves the user (and everyone below it) under a new manager, refusing a cycle or a chain too deep. */
    private void reportTo(User user, User manager) {
        if (Objects.equals(user.manager(), manager)) {
            return;
        }
        if (manager != null && manager.mgmtPath().contains("/" + user.id() + "/")) {
            throw new InvalidInput("manager", manager.username().equalsIgnoreCase(user.username())
                    ? "a user cannot be its own manager"
                    : "'" + manager.username() + "' reports to '" + user.username() + "', so it cannot be its manager");
        }
        String oldPath = user.mgmtPath();
        user.reportTo(manager);
        if (user.depth() > User.MAX_DEPTH) {
            throw new InvalidInput("manager", "the management chain would be deeper than " + User.MAX_DEPTH + " levels");
        }
        if (em.contains(user)) {
            em.flush();
            em.createNamedQuery(User.MOVE_SUBTREE).setParameter("newPrefix", user.mgmtPath())
                    .setParameter("cut", oldPath.length() + 1).setParameter("tenant", user.tenantId())
                    .setParameter("oldPattern", oldPath + "%").executeUpdate();
        }
    }

    private void checkEmailFree(User user) {
        long taken = em.createNamedQuery(User.EMAIL_TAKEN, Long.class).setParameter("tenant", user.tenantId())
                .setParameter("email", User.lower(user.email())).setParameter("id", user.id()).getSingleResult();
        if (taken > 0) {
            throw Conflict.notUnique("another user of this tenant already has the e-mail address " + user.email());
        }
    }

    /** Whether an {@code If-Match} or {@code If-None-Match} list names this entity tag (weak or strong) or is *. */
    public static boolean matches(String ifMatch, String etag) {
        return Arrays.stream(ifMatch.split(",")).map(String::strip).map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    /** A LIKE pattern matching values that start with {@code q}, case-insensitively. */
    static String prefixPattern(String q) {
        return CriteriaSql.escape(prefix(q)) + "%";
    }

    /** The search text {@code q}, checked and in lower case. */
    static String prefix(String q) {
        String text = q.strip();
        if (text.length() > Q_MAX) {
            throw new InvalidInput("q", "must be at most " + Q_MAX + " characters long");
        }
        return User.lower(text);
    }
}
