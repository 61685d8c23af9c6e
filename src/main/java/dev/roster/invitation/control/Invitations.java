package dev.roster.invitation.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.ActingTenant;
import dev.roster.caller.Caller;
import dev.roster.directory.control.IdentityProviders;
import dev.roster.directory.control.Memberships;
import dev.roster.directory.control.Organizations;
import dev.roster.directory.entity.Organization;
import dev.roster.invitation.entity.Invitation;
import dev.roster.mail.control.Outbox;
import dev.roster.mail.entity.OutboxMail;
import dev.roster.platform.Batches;
import dev.roster.platform.Clock;
import dev.roster.platform.Inserts;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.platform.Value;
import dev.roster.privilege.control.Grant;
import dev.roster.privilege.control.Privileges;
import dev.roster.privilege.control.RoleCatalog;
import dev.roster.problem.Conflict;
import dev.roster.problem.Forbidden;
import dev.roster.problem.Gone;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.NotFound;
import dev.roster.problem.RosterException;
import dev.roster.problem.ServiceSwitchedOff;
import dev.roster.service.control.Services;
import dev.roster.service.entity.Service;
import dev.roster.tenant.entity.Tenant;
import dev.roster.user.control.UserCommand;
import dev.roster.user.control.Users;
import dev.roster.user.entity.User;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Invitations by e-mail: inviting makes an INVITED user (or finds the existing one and adds it to the organizations),
 * issues a token held only as its hash, and puts the e-mail in the outbox in the same transaction; accepting sets
 * the password and makes the user ACTIVE with the invited roles. A resend issues a new token and kills the old one.
 */
@ApplicationScoped
public class Invitations {

    static final int TOKEN_BYTES = 32;
    static final int MAX_ROLES = 50;
    static final int MAX_ORGANIZATIONS = 100;
    /** Users invited in one transaction. */
    static final int CHUNK = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Inserts inserts;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Users users;

    @Inject
    Privileges privileges;

    @Inject
    RoleCatalog roles;

    @Inject
    Organizations organizations;

    @Inject
    Memberships memberships;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    Outbox outbox;

    @Inject
    Services services;

    @Inject
    Batches batches;

    @Inject
    @ConfigProperty(name = "roster.invitations.expiry-hours", defaultValue = "168")
    long expiryHours;

    @Inject
    @ConfigProperty(name = "roster.invitations.link-base")
    String linkBase;

    /** What became of one user of an invitation request. */
    public sealed interface Outcome permits Invited, Existing, Failed {
    }

    /** A new INVITED user, and its invitation; {@code token} is the clear token, only for this answer. */
    public record Invited(User user, Invitation invitation, String token) implements Outcome {
    }

    /** The address belongs to a user already, who was added to the organizations named. */
    public record Existing(User user) implements Outcome {
    }

    /** This user could not be invited; the others were. */
    public record Failed(RosterException reason) implements Outcome {
    }

    /** An invitation with the state of its newest e-mail. */
    public record Delivery(Invitation invitation, Optional<OutboxMail> mail) {
    }

    /** The user's account and tenant once an invitation is accepted. */
    public record Accepted(User user, Tenant tenant) {
    }

    /**
     * Invites the users, {@link #CHUNK} to a transaction; when one of them fails (a bad address, an unknown role),
     * that chunk is done again one user per transaction, so the failure is reported and every other user is invited.
     */
    public List<Outcome> invite(List<InviteCommand> commands) {
        return batches.apply(commands, CHUNK, this::invite, Failed::new);
    }

    private Outcome invite(InviteCommand command) {
        if (command.email() == null || command.email().isBlank()) {
            throw new InvalidInput("email", "is required to invite a user");
        }
        List<Grant> grants = grants(command.roles());
        List<Organization> joined = organizations(command.organizationIds());
        String tenantId = caller.tenant().id();
        Optional<User> existing = users.byEmail(tenantId, command.email().strip());
        if (existing.isPresent() && existing.get().status() != UserStatus.INVITED) {
            joined.forEach(organization -> memberships.add(organization, existing.get()));
            return new Existing(existing.get());
        }
        User user = existing.orElseGet(() -> created(command));
        joined.forEach(organization -> memberships.add(organization, user));
        identityProviders.bind(user, command.identityProviderId() == null ? Value.absent()
                : Value.of(command.identityProviderId()));
        em.createNamedQuery(Invitation.PENDING_OF_USER, Invitation.class).setParameter("user", user.id())
                .setParameter("pending", Invitation.Status.PENDING.name()).getResultList().forEach(Invitation::revoke);
        Invitation invitation = new Invitation(Service.INVITATIONS.id(), tenantId, user.id(), user.email(),
                grants.stream().map(Grant::role).toList(), joined.stream().map(Organization::id).toList(),
                caller.id(), caller.name());
        return send(invitation, user, expiry(command.expiresAt()));
    }

    /**
     * The activation e-mail of a user created in this transaction by {@code service} (Kore.ai's {@code sendEmail}): the
     * user is INVITED until it accepts, which needs {@code service} switched on, and listed only then. A caller that
     * marks the user INVITED before granting its privileges ({@code Users.markInvited}, as bulk creates do) spares the
     * active list an entry and an exit; marking it again here changes nothing. Part of the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Invited activation(User created, Service service) {
        users.markInvited(created);
        return send(new Invitation(service.id(), created.tenantId(), created.id(), created.email(), List.of(),
                List.of(), caller.id(), caller.name()), created, expiry(null));
    }

    private Invited send(Invitation invitation, User user, Instant expiresAt) {
        String token = issue(invitation, expiresAt);
        inserts.persist(invitation);
        mail(invitation, user, token);
        audit.record(invitation.tenantId(), "invitation.created", "invitation", invitation.id(), user.username(),
                new Changes().note("email", null, user.email()).note("roles", null, String.join(",",
                        invitation.roles())).note("organizations", null, String.join(",",
                        invitation.organizationIds())));
        return new Invited(user, invitation, token);
    }

    public Page<Delivery> list(PageRequest page, String status) {
        Set<String> statuses;
        Instant from = Instant.EPOCH;
        Instant to = Instant.parse("9999-12-31T00:00:00Z");
        Instant now = Clock.now();
        Invitation.Status wanted = status == null || status.isBlank() ? null : parse(status);
        if (wanted == null) {
            statuses = Set.of("PENDING", "ACCEPTED", "REVOKED");
        } else if (wanted == Invitation.Status.PENDING) {
            statuses = Set.of("PENDING");
            from = now.plusMillis(1);
        } else if (wanted == Invitation.Status.EXPIRED) {
            statuses = Set.of("PENDING");
            to = now.plusMillis(1);
        } else {
            statuses = Set.of(wanted.name());
        }
        String tenant = caller.tenant().id();
        long total = em.createNamedQuery(Invitation.COUNT_OF_TENANT, Long.class).setParameter("tenant", tenant)
                .setParameter("statuses", statuses).setParameter("from", from).setParameter("to", to)
                .getSingleResult();
        return Page.of(em.createNamedQuery(Invitation.OF_TENANT, Invitation.class).setParameter("tenant", tenant)
                .setParameter("statuses", statuses).setParameter("from", from).setParameter("to", to)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(), page, total)
                .map(i -> new Delivery(i, Optional.empty()));
    }

    public Delivery get(String id) {
        Invitation invitation = own(id);
        return new Delivery(invitation, outbox.latestOf(invitation.id()));
    }

    /** A new token and a new e-mail for a pending or expired invitation; the old token stops working. */
    @Transactional
    public Invited resend(String id) {
        Invitation invitation = own(id);
        Invitation.Status status = invitation.statusAt(Clock.now());
        if (status == Invitation.Status.ACCEPTED || status == Invitation.Status.REVOKED) {
            throw new Conflict("the invitation is " + status.name().toLowerCase() + "; invite the user again instead");
        }
        User user = em.find(User.class, invitation.userId());
        String token = issue(invitation, expiry(null));
        mail(invitation, user, token);
        audit.record(invitation.tenantId(), "invitation.resent", "invitation", invitation.id(), user.username(), null);
        return new Invited(user, invitation, token);
    }

    @Transactional
    public void revoke(String id) {
        Invitation invitation = own(id);
        Invitation.Status status = invitation.statusAt(Clock.now());
        if (status == Invitation.Status.ACCEPTED) {
            throw new Conflict("the invitation was accepted; de-provision the user instead");
        }
        if (status != Invitation.Status.REVOKED) {
            invitation.revoke();
            audit.record(invitation.tenantId(), "invitation.revoked", "invitation", invitation.id(),
                    invitation.email(), null);
        }
    }

    /**
     * Accepts an invitation by its token: the user gets its password (none for a user bound to an identity provider)
     * and becomes ACTIVE with the invited roles. Anyone holding the token may call this.
     */
    @Transactional
    public Accepted accept(String token, String password) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new InvalidInput("token", "is required: the token from the invitation's link");
        }
        Invitation invitation = em.createNamedQuery(Invitation.BY_TOKEN, Invitation.class)
                .setParameter("hash", hash(token.strip())).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("no invitation has this token; a resent invitation has a new one"));
        Instant now = Clock.now();
        switch (invitation.statusAt(now)) {
            case ACCEPTED -> throw new Gone("the invitation was accepted already, at " + invitation.acceptedAt()
                    + "; sign in instead");
            case REVOKED -> throw new Gone("the invitation was revoked");
            case EXPIRED -> throw new Gone("the invitation expired at " + invitation.expiresAt()
                    + "; ask for it to be sent again");
            default -> {
            }
        }
        Tenant tenant = em.find(Tenant.class, invitation.tenantId());
        if (!tenant.active()) {
            throw new Forbidden("the tenant is suspended");
        }
        Service service = Service.byId(invitation.service()).orElse(Service.INVITATIONS);
        if (!services.enabled(tenant.id(), service)) {
            throw new ServiceSwitchedOff(service.id());
        }
        User user = em.find(User.class, invitation.userId());
        boolean federated = user.identityProviderId() != null;
        if (federated && password != null) {
            throw new InvalidInput("password", "is not set for a user who signs in through an identity provider");
        }
        if (!federated && password == null) {
            throw new InvalidInput("password", "is required: choose the password to sign in with");
        }
        ActingTenant acting = new ActingTenant(tenant.id(), tenant.label(), tenant.active());
        // the roles are granted by whoever invited; the acceptance is the user's own act
        caller.signedIn(new Caller.Identity(invitation.invitedById() == null ? user.id() : invitation.invitedById(),
                invitation.invitedBy(), acting, Set.of()), null);
        users.activate(user, password);
        privileges.grantMissing(user, invitation.roles().stream().map(role -> new Grant(role, null, null, null))
                .toList());
        invitation.accept();
        caller.signedIn(new Caller.Identity(user.id(), user.username(), acting, Set.of()), null);
        audit.record(tenant.id(), "invitation.accepted", "invitation", invitation.id(), user.username(), null);
        return new Accepted(user, tenant);
    }

    /** The link an invitation's e-mail carries: {@code roster.invitations.link-base} and the token. */
    public String link(String token) {
        return linkBase + token;
    }

    private User created(InviteCommand command) {
        String username = command.username() == null || command.username().isBlank() ? command.email().strip()
                : command.username().strip();
        if (users.find(caller.tenant().id(), username).isPresent()) {
            throw Conflict.notUnique("the username " + username + " belongs to another user of the tenant");
        }
        UserCommand fields = UserCommand.none().withEmail(command.email().strip())
                .withNames(command.firstName(), command.lastName());
        User user = users.put(username, fields, null).user();
        users.markInvited(user);
        return user;
    }

    private List<Grant> grants(List<String> named) {
        if (named.size() > MAX_ROLES) {
            throw new InvalidInput("roles", "an invitation names at most " + MAX_ROLES + " roles");
        }
        return named.stream().distinct().map(role -> new Grant(roles.resolve("roles", role).id(), null, null, null))
                .toList();
    }

    private List<Organization> organizations(List<String> ids) {
        if (ids.size() > MAX_ORGANIZATIONS) {
            throw new InvalidInput("organizationIds", "an invitation names at most " + MAX_ORGANIZATIONS
                    + " organizations");
        }
        return ids.stream().distinct().map(id -> organizations.find(id).orElseThrow(() -> new InvalidInput(
                "organizationIds", "'" + id + "' is not an organization of this tenant"))).toList();
    }

    /** When an invitation issued now expires: as asked, within the configured expiry, or after it by default. */
    private Instant expiry(Instant asked) {
        Instant now = Clock.now();
        Instant longest = now.plusSeconds(expiryHours * 3600);
        if (asked == null) {
            return longest;
        }
        if (!asked.isAfter(now) || asked.isAfter(longest)) {
            throw new InvalidInput("expiresAt", "must lie in the next " + expiryHours + " hours");
        }
        return asked;
    }

    private static String issue(Invitation invitation, Instant expiresAt) {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        invitation.issue(hash(token), expiresAt);
        return token;
    }

    private void mail(Invitation invitation, User user, String token) {
        Tenant tenant = em.find(Tenant.class, invitation.tenantId());
        String greeting = user.firstName() == null ? "Hello" : "Hello " + user.firstName();
        String body = greeting + ",\n\n" + invitation.invitedBy() + " invites you to " + tenant.name() + ".\n"
                + (tenant.icon() == null || tenant.icon().isBlank() ? "" : tenant.icon() + "\n")
                + "\nAccept the invitation" + (user.identityProviderId() == null ? " and choose your password" : "")
                + ":\n" + link(token) + "\n\nThe link works until " + invitation.expiresAt() + " (UTC).\n";
        outbox.enqueue(invitation.tenantId(), invitation.id(), user.email(), "You are invited to " + tenant.name(),
                body);
    }

    private Invitation own(String id) {
        return Optional.ofNullable(id == null || id.length() > 36 ? null : em.find(Invitation.class, id))
                .filter(i -> i.tenantId().equals(caller.tenant().id()))
                .orElseThrow(() -> new NotFound("this tenant has no invitation " + id));
    }

    private static Invitation.Status parse(String status) {
        try {
            return Invitation.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("status", "may be pending, accepted, expired or revoked");
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
