package dev.roster;

import dev.roster.caller.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@OpenAPIDefinition(
        info = @Info(title = "Roster", version = "1",
                description = "Multi-tenant user provisioning. Every call acts in one tenant: the tenant of the "
                        + "credential, or for the platform operator the tenant named by the X-Tenant header. "
                        + "Errors are application/problem+json (RFC 9457). Lists page with page (from 0) and "
                        + "size (default 20, at most 200)."),
        security = @SecurityRequirement(name = "bearer"),
        tags = {
                @Tag(name = "Token", description = "Sign in: a password grant answers a short-lived bearer token."),
                @Tag(name = "Tenant information", description = "The calling tenant's own configuration."),
                @Tag(name = "Users", description = "The tenant's users, as far as the caller's role reaches."),
                @Tag(name = "Privileges", description = "A user's roles in the tenant, each for a window of time and "
                        + "optionally for one application (scope)."),
                @Tag(name = "Roles", description = "The five system roles and the roles a tenant defines."),
                @Tag(name = "Audit events", description = "Every change in the tenant."),
                @Tag(name = "Domain mappings", description = "The domains that serve the tenant."),
                @Tag(name = "Service endpoints", description = "The tenant's integration endpoints."),
                @Tag(name = "Services", description = "The integration surfaces the tenant has switched on."),
                @Tag(name = "API keys", description = "Credentials for integrations: x-app-token, or the client "
                        + "secret of grant_type=client_credentials."),
                @Tag(name = "Tenants", description = "The platform operator's tenant administration.")},
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "bearer",
                type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "A token from POST /api/v1/provisioning/token")))
public class RosterApplication extends Application {

    /** Jersey's generated WADL ({@code /api/application.wadl}) is off: the API's document is {@code /openapi}. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
