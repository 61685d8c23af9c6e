package dev.roster.service.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The integration surfaces of Roster. The native API is on unless switched off; the compatibility surfaces
 * and SCIM are off until the operator switches them on for a tenant.
 */
public enum Service {
    NATIVE_API("native-api", "Roster's provisioning API", true, List.of("/api/v1/provisioning/"),
            List.of("/api/v1/provisioning/token")),
    SCIM("scim", "SCIM 2.0 (RFC 7643, RFC 7644) for identity providers", false, List.of("/scim/v2/"), List.of()),
    AISERA("aisera", "Aisera-compatible user provisioning", false,
            List.of("/scim/provision-user", "/scim/update-user/", "/scim/de-provision-user/"), List.of()),
    KORE("kore", "Kore.ai-compatible bulk user creation", false, List.of("/api/public/"), List.of()),
    BULK("bulk", "Bulk provisioning jobs", false, List.of("/api/v1/provisioning/bulk", "/api/v1/provisioning/jobs"),
            List.of()),
    INVITATIONS("invitations", "Invitations by e-mail", false, List.of("/api/v1/provisioning/invitations"), List.of());

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
