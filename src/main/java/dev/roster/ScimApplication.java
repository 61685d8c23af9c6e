package dev.roster;

import dev.roster.aisera.boundary.AiseraResource;
import dev.roster.scim.boundary.ScimBulkResource;
import dev.roster.scim.boundary.ScimDiscoveryResource;
import dev.roster.scim.boundary.ScimGroupsResource;
import dev.roster.scim.boundary.ScimUsersResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The paths under {@code /scim}: SCIM 2.0 at {@code /scim/v2} (RFC 7643, RFC 7644), and Aisera's user provisioning
 * API ({@code /scim/provision-user} and its siblings, seed 000). Outside {@code /api} because their clients call
 * those paths as they are; the same security, providers and
 * error rendering as {@link RosterApplication}.
 */
@ApplicationPath("/scim")
public class ScimApplication extends Application {

    static final Set<Class<?>> RESOURCES = Set.of(AiseraResource.class, ScimUsersResource.class,
            ScimGroupsResource.class, ScimDiscoveryResource.class, ScimBulkResource.class);

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(RESOURCES);
        classes.addAll(RosterApplication.PROVIDERS);
        return classes;
    }

    @Override
    public Map<String, Object> getProperties() {
        return RosterApplication.JERSEY;
    }
}
