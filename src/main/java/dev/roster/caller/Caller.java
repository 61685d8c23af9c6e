package dev.roster.caller;

import dev.roster.problem.Forbidden;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.NotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import java.util.Set;

/**
 * The authenticated caller of this request and the tenant it acts in. Set once by the authentication mechanism
 * ({@code dev.roster.security.RosterAuthentication}); read by controls, which take the tenant from here and nowhere
 * else. Every feature depends on this small package, and it on none of them: the tenant lookups it needs are
 * answered through {@link TenantLookup}.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_HEADER = "X-Tenant";

    @Inject
    HttpServletRequest request;

    @Inject
    TenantLookup tenants;

    private Identity identity;
    private Principal principal;
    private ActingTenant actingTenant;

    /** What a credential proved: an operator (tenant null) or a user of a tenant, with its current roles. */
    public record Identity(String id, String username, ActingTenant tenant, Set<String> roles) {
        public boolean operator() {
            return tenant == null;
        }

        /** Whether two credentials prove the same user (or operator) of the same tenant. */
        public boolean sameCaller(Identity other) {
            return id.equals(other.id) && (tenant == null ? other.tenant == null
                    : other.tenant != null && tenant.id().equals(other.tenant.id()));
        }
    }

    public void signedIn(Identity identity, Principal principal) {
        this.identity = identity;
        this.principal = principal;
    }

    /**
     * Makes this (request-scoped) caller act for {@code identity} in {@code tenant} outside any HTTP request: work a
     * request left behind (a bulk job) runs with the rights its submitter had, in the submitter's tenant.
     */
    public void actFor(Identity identity, ActingTenant tenant) {
        this.identity = identity;
        this.actingTenant = tenant;
    }

    /** The principal the container was told about (the verified token, for a bearer credential). */
    public Principal principal() {
        return principal;
    }

    public boolean authenticated() {
        return identity != null;
    }

    public Identity identity() {
        return identity;
    }

    public boolean operator() {
        return identity != null && identity.operator();
    }

    /** The tenant of the credential (not of {@code X-Tenant}), or null for the operator and anonymous callers. */
    public String credentialTenantId() {
        return identity == null || identity.operator() ? null : identity.tenant().id();
    }

    /** The service switches of a tenant, if they were read with the caller's credential (its own tenant); else null. */
    public Map<String, Boolean> serviceSwitches(String tenantId) {
        return identity == null || identity.operator() || !identity.tenant().id().equals(tenantId) ? null
                : identity.tenant().serviceSwitches();
    }

    /** The id of the calling user or operator. */
    public String id() {
        return identity == null ? null : identity.id();
    }

    /** The caller as audit events name it. */
    public String name() {
        if (identity == null) {
            return "anonymous";
        }
        return identity.operator() ? "operator:" + identity.username() : identity.username();
    }

    public boolean hasRole(String role) {
        return identity != null && identity.roles().contains(role);
    }

    /** Whether the caller may change things in its tenant: an ADMINISTRATOR, or the operator. */
    public boolean canManage() {
        return operator() || hasRole(Roles.ADMINISTRATOR);
    }

    public Reach reach() {
        if (operator() || hasRole(Roles.ADMINISTRATOR) || hasRole(Roles.INTERNAL_AUDITING)) {
            return Reach.ALL;
        }
        if (hasRole(Roles.MANAGEMENT)) {
            return Reach.SUBTREE;
        }
        if (hasRole(Roles.TEAM_LEADER)) {
            return Reach.DIRECT_REPORTS;
        }
        return hasRole(Roles.USER) ? Reach.SELF : Reach.NONE;
    }

    /**
     * The tenant this request acts in: the credential's, or for the operator the one named in
     * {@code X-Tenant} (or served by the request's mapped host). A user naming another tenant is refused without
     * learning whether it exists.
     */
    public ActingTenant tenant() {
        if (actingTenant != null) {
            return actingTenant;
        }
        if (identity == null) {
            throw new Forbidden("a tenant credential is required");
        }
        String named = request.getHeader(TENANT_HEADER);
        if (!identity.operator()) {
            if (named != null && !named.strip().equalsIgnoreCase(identity.tenant().label())) {
                throw new Forbidden("the X-Tenant header names a tenant other than the credential's");
            }
            actingTenant = identity.tenant();
        } else {
            String label = named != null && !named.isBlank() ? named.strip() : tenants.servedByHost().orElse(null);
            if (label == null) {
                throw new InvalidInput(TENANT_HEADER, "the platform operator must name the tenant to act in");
            }
            actingTenant = tenants.byLabel(label)
                    .orElseThrow(() -> new NotFound("there is no tenant '" + label + "'"));
        }
        return actingTenant;
    }

    /** Refuses a user's request whose {@code X-Tenant} names another tenant, whatever the endpoint. */
    public void checkTenantHeader() {
        if (identity != null && !identity.operator() && request.getHeader(TENANT_HEADER) != null) {
            tenant();
        }
    }
}
