package dev.roster.directory.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.Caller;
import dev.roster.directory.entity.Group;
import dev.roster.directory.entity.IdentityProvider;
import dev.roster.platform.Checks;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.platform.SecretBox;
import dev.roster.platform.Value;
import dev.roster.problem.Conflict;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.NotFound;
import dev.roster.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The caller's tenant's identity providers, and which one a user is bound to. Roster records the binding; it does not
 * run the federation. A provider's client secret is sealed at rest and never answered.
 */
@ApplicationScoped
public class IdentityProviders {

    static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    static final int NAME_MAX = 200;
    static final int URL_MAX = 2048;
    static final int CLIENT_ID_MAX = 256;
    static final int SECRET_MAX = 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    public Page<IdentityProvider> list(PageRequest page) {
        String tenant = caller.tenant().id();
        long total = em.createNamedQuery(IdentityProvider.COUNT_OF_TENANT, Long.class).setParameter("tenant", tenant)
                .getSingleResult();
        return Page.of(em.createNamedQuery(IdentityProvider.OF_TENANT, IdentityProvider.class)
                .setParameter("tenant", tenant).setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList(), page, total);
    }

    public IdentityProvider get(String id) {
        return find(id).orElseThrow(() -> new NotFound("this tenant has no identity provider " + id));
    }

    public Optional<IdentityProvider> find(String id) {
        return Optional.ofNullable(id == null || id.length() > 36 ? null : em.find(IdentityProvider.class, id))
                .filter(p -> p.tenantId().equals(caller.tenant().id()));
    }

    @Transactional
    public IdentityProvider create(ProviderCommand command) {
        Checks checks = new Checks().required("prefix", command.prefix()).required("name", command.name())
                .required("type", command.type());
        check(checks, command);
        IdentityProvider provider = new IdentityProvider(caller.tenant().id(), command.prefix().value().strip());
        unique(provider.tenantId(), provider.prefix(), null);
        Changes changes = configure(provider, command).note("prefix", null, provider.prefix());
        em.persist(provider);
        em.flush();
        audit.record(provider.tenantId(), "identity-provider.created", "identity-provider", provider.id(),
                provider.prefix(), changes);
        return provider;
    }

    @Transactional
    public IdentityProvider update(String id, ProviderCommand command) {
        IdentityProvider provider = get(id);
        check(new Checks().notCleared("prefix", command.prefix()).notCleared("name", command.name())
                .notCleared("type", command.type()).notCleared("enabled", command.enabled()), command);
        if (command.prefix().isSet() && !command.prefix().value().strip().equals(provider.prefix())) {
            throw new InvalidInput("prefix", "cannot change; add a provider with the new prefix and move the users");
        }
        Changes changes = configure(provider, command);
        if (!changes.isEmpty()) {
            audit.record(provider.tenantId(), "identity-provider.changed", "identity-provider", provider.id(),
                    provider.prefix(), changes);
        }
        return provider;
    }

    /** Deletes a provider no user is bound to. */
    @Transactional
    public void delete(String id) {
        IdentityProvider provider = get(id);
        long bound = em.createNamedQuery(IdentityProvider.BOUND_USERS, Long.class)
                .setParameter("provider", provider.id()).getSingleResult();
        if (bound > 0) {
            throw new Conflict(bound + (bound == 1 ? " user signs" : " users sign") + " in through " + provider.prefix()
                    + "; bind them elsewhere first");
        }
        em.remove(provider);
        audit.record(provider.tenantId(), "identity-provider.deleted", "identity-provider", provider.id(),
                provider.prefix(), null);
    }

    /**
     * Binds the user to the tenant's provider the value names (by id), or unbinds it on null; an absent value changes
     * nothing. Within the caller's transaction, for provisioning.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bind(User user, Value<String> providerId) {
        if (!providerId.present()) {
            return;
        }
        String id = providerId.value();
        if (id != null && find(id).isEmpty()) {
            throw new InvalidInput("identityProviderId", "is not an identity provider of this tenant");
        }
        if (!Objects.equals(id, user.identityProviderId())) {
            Changes changes = new Changes().note("identityProviderId", user.identityProviderId(), id);
            user.bindIdentityProvider(id);
            audit.record(user.tenantId(), id == null ? "user.identity-provider.unbound" : "user.identity-provider.bound",
                    "user", user.id(), user.username(), changes);
        }
    }

    private void unique(String tenant, String prefix, String self) {
        em.createNamedQuery(IdentityProvider.BY_PREFIX, IdentityProvider.class).setParameter("tenant", tenant)
                .setParameter("prefix", Group.lower(prefix)).getResultStream().filter(p -> !p.id().equals(self))
                .findFirst().ifPresent(taken -> {
                    throw Conflict.notUnique("the tenant has an identity provider with prefix '" + taken.prefix()
                            + "' already");
                });
    }

    private static void check(Checks checks, ProviderCommand command) {
        if (command.prefix().isSet() && !PREFIX.matcher(command.prefix().value().strip()).matches()) {
            checks.fail("prefix", "must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
        }
        if (command.type().isSet() && type(command.type().value()) == null) {
            checks.fail("type", "must be oidc or saml");
        }
        checks.maxLength("name", command.name(), NAME_MAX).maxLength("clientId", command.clientId(), CLIENT_ID_MAX)
                .maxLength("clientSecret", command.clientSecret(), SECRET_MAX);
        url(checks, "issuer", command.issuer());
        url(checks, "metadataUrl", command.metadataUrl());
        checks.done();
    }

    private static void url(Checks checks, String field, Value<String> value) {
        if (checks.fits(field, value, URL_MAX)) {
            try {
                URI uri = new URI(value.value());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                    checks.fail(field, "must be an absolute http or https URL");
                }
            } catch (URISyntaxException e) {
                checks.fail(field, "must be an absolute http or https URL");
            }
        }
    }

    private static IdentityProvider.Type type(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "oidc" -> IdentityProvider.Type.OIDC;
            case "saml" -> IdentityProvider.Type.SAML;
            default -> null;
        };
    }

    /** Applies the fields present; an OIDC provider needs an issuer and a client id, a SAML one a metadata URL. */
    private static Changes configure(IdentityProvider provider, ProviderCommand command) {
        String name = Groups.pick(command.name(), provider.name());
        boolean enabled = command.enabled().isSet() ? command.enabled().value() : provider.enabled();
        IdentityProvider.Type type = command.type().isSet() ? type(command.type().value()) : provider.type();
        String issuer = Groups.pick(command.issuer(), provider.issuer());
        String metadataUrl = Groups.pick(command.metadataUrl(), provider.metadataUrl());
        String clientId = Groups.pick(command.clientId(), provider.clientId());
        Checks checks = new Checks();
        if (type == IdentityProvider.Type.OIDC && (issuer == null || clientId == null)) {
            checks.fail(issuer == null ? "issuer" : "clientId", "is required for an oidc provider");
        }
        if (type == IdentityProvider.Type.SAML && metadataUrl == null) {
            checks.fail("metadataUrl", "is required for a saml provider");
        }
        checks.done();
        Changes changes = new Changes().note("name", provider.name(), name).note("enabled", provider.enabled(), enabled)
                .note("type", provider.type(), type).note("issuer", provider.issuer(), issuer)
                .note("metadataUrl", provider.metadataUrl(), metadataUrl).note("clientId", provider.clientId(), clientId);
        provider.configure(name, enabled, type, issuer, metadataUrl, clientId);
        if (command.clientSecret().present()) {
            String secret = command.clientSecret().value();
            provider.sealClientSecret(secret == null || secret.isEmpty() ? null
                    : SecretBox.seal(secret, "identity-provider:" + provider.id() + ":clientSecret"));
            changes.secret("clientSecret");
        }
        return changes;
    }
}
