package dev.roster.service.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The integration surfaces Roster serves, and only those: a tenant may switch off what it does not use. The
 * native API is on unless switched off. Each protocol adapter (SCIM, the Aisera and Kore.ai paths, bulk jobs,
 * invitations) adds its surface here when it lands, off until the operator switches it on for a tenant.
 */
public enum Service {
    NATIVE_API("native-api", "Roster's provisioning API", true, List.of("/api/v1/provisioning/"),
            List.of("/api/v1/provisioning/token")),
    INVITATIONS("invitations", "Invitations by e-mail", false, List.of("/api/v1/provisioning/invitations",
            "/api/v1/invitations/"), List.of()),
    APPXITE("appxite", "AppXite user management", false, List.of("/api/appxite/"), List.of()),
    AISERA("aisera", "Aisera user provisioning", false, List.of("/scim/provision-user", "/scim/update-user/",
            "/scim/de-provision-user/"), List.of()),
    KORE("kore", "Kore.ai bulk user creation", false, List.of("/api/public/"), List.of()),
    BULK("bulk", "Bulk jobs and CSV import", false, List.of("/api/v1/provisioning/bulk",
            "/api/v1/provisioning/jobs"), List.of()),
    SCIM("scim", "SCIM 2.0 (Entra ID, Okta, OneLogin)", false, List.of("/scim/v2/"), List.of());

    private final String id;
    private final String title;
    private final boolean onByDefault;
    private final List<String> paths;
    private final List<String> exempt;

    Service(String id, String title, boolean onByDefault, List<String> paths, List<String> exempt) {
        this.id = id;
        this.title = title;
        this.onByDefault = onByDefault;
        this.paths = paths;
        this.exempt = exempt;
    }

    public static Optional<Service> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equalsIgnoreCase(id)).findFirst();
    }

    /** The service a request path belongs to: the most specific match (bulk before the native API). */
    public static Optional<Service> of(String path) {
        Service found = null;
        int longest = -1;
        for (Service service : values()) {
            if (service.exempt.stream().anyMatch(path::startsWith)) {
                return Optional.empty();
            }
            for (String prefix : service.paths) {
                if (path.startsWith(prefix) && prefix.length() > longest) {
                    found = service;
                    longest = prefix.length();
                }
            }
        }
        return Optional.ofNullable(found);
    }

    public String id() { return id; }
    public String title() { return title; }
    public boolean onByDefault() { return onByDefault; }
    public List<String> paths() { return paths; }
}
