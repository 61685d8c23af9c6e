package dev.roster;

import dev.roster.caller.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Roster's REST API. {@code @ApplicationScoped} because Payara needs the class carrying
 * {@code @LoginConfig} to be a CDI bean; the authentication itself is done by
 * {@link dev.roster.security.RosterAuthentication}, which hands bearer tokens to MicroProfile JWT.
 */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.USER, Roles.TEAM_LEADER, Roles.MANAGEMENT, Roles.ADMINISTRATOR,
        Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
public class RosterApplication extends Application {

    /** Jersey's generated WADL ({@code /api/application.wadl}) is off: the API's document is {@code /openapi}. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
