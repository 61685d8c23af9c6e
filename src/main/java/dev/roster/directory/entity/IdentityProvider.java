package dev.roster.directory.entity;

import dev.roster.platform.Clock;
import dev.roster.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant's identity provider (OIDC or SAML), which users bound to it sign in through. Its client secret is held
 * as ciphertext only.
 */
@Entity
@Table(name = "identity_providers")
@NamedQuery(name = IdentityProvider.OF_TENANT,
        query = "SELECT p FROM IdentityProvider p WHERE p.tenantId = :tenant ORDER BY p.prefixLc")
@NamedQuery(name = IdentityProvider.COUNT_OF_TENANT,
        query = "SELECT COUNT(p) FROM IdentityProvider p WHERE p.tenantId = :tenant")
@NamedQuery(name = IdentityProvider.BY_PREFIX,
        query = "SELECT p FROM IdentityProvider p WHERE p.tenantId = :tenant AND p.prefixLc = :prefix")
@NamedQuery(name = IdentityProvider.BOUND_USERS,
        query = "SELECT COUNT(u) FROM User u WHERE u.identityProviderId = :provider")
public class IdentityProvider {

    public static final String OF_TENANT = "IdentityProvider.ofTenant";
    public static final String COUNT_OF_TENANT = "IdentityProvider.countOfTenant";
    public static final String BY_PREFIX = "IdentityProvider.byPrefix";
    public static final String BOUND_USERS = "IdentityProvider.boundUsers";

    /** The protocols a provider speaks. */
    public enum Type { OIDC, SAML }

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String name;
    private String prefix;
    @Column(name = "prefix_lc")
    private String prefixLc;
    private boolean enabled;
    private String type;
    private String issuer;
    @Column(name = "metadata_url")
    private String metadataUrl;
    @Column(name = "client_id")
    private String clientId;
    @Column(name = "client_secret_enc")
    private String clientSecretEnc;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected IdentityProvider() {
    }

    public IdentityProvider(String tenantId, String prefix) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.prefix = prefix;
        this.prefixLc = Group.lower(prefix);
        this.enabled = true;
        this.createdAt = Clock.now();
        this.updatedAt = createdAt;
    }

    public void configure(String name, boolean enabled, Type type, String issuer, String metadataUrl,
                          String clientId) {
        this.name = name;
        this.enabled = enabled;
        this.type = type.name();
        this.issuer = issuer;
        this.metadataUrl = metadataUrl;
        this.clientId = clientId;
        this.updatedAt = Clock.now();
    }

    public void sealClientSecret(String sealed) {
        this.clientSecretEnc = sealed;
        this.updatedAt = Clock.now();
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String name() { return name; }
    public String prefix() { return prefix; }
    public boolean enabled() { return enabled; }
    public Type type() { return type == null ? null : Type.valueOf(type); }
    public String issuer() { return issuer; }
    public String metadataUrl() { return metadataUrl; }
    public String clientId() { return clientId; }
    public boolean clientSecretSet() { return clientSecretEnc != null; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityProvider provider && Objects.equals(id, provider.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
