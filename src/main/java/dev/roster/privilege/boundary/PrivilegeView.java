package dev.roster.privilege.boundary;

import dev.roster.platform.Clock;
import dev.roster.privilege.entity.Privilege;
import dev.roster.user.entity.User;
import jakarta.annotation.Nullable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Map;

/**
 * A privilege as the seed shows it at {@code /privileges}: the role, its window, and a summary of its user; plus its
 * {@code id}, the role's display name, its {@code scope} (null: the whole tenant), whether it is {@code effective}
 * right now, and who granted it when.
 */
@JsonbPropertyOrder({"id", "role", "roleName", "scope", "activeFrom", "activeUntil", "effective", "grantedBy",
        "grantedAt", "user"})
public record PrivilegeView(String id, String role, @Nullable String roleName, @Nullable String scope,
                            @Nullable Instant activeFrom, @Nullable Instant activeUntil, boolean effective,
                            @Nullable String grantedBy, Instant grantedAt, UserSummary user) {

    /** The seed's user summary on a privilege. */
    @JsonbPropertyOrder({"firstName", "lastName", "email", "avatar", "username"})
    public record UserSummary(@Nullable String firstName, @Nullable String lastName, String email,
                              @Nullable String avatar, String username) {
        public static UserSummary from(User user) {
            return new UserSummary(user.firstName(), user.lastName(), user.email(), user.avatar(), user.username());
        }
    }

    /** {@code roleNames}: the tenant's role names by id ({@code RoleCatalog.names}). */
    public static PrivilegeView from(Privilege privilege, Map<String, String> roleNames) {
        return new PrivilegeView(privilege.id(), privilege.role(), roleNames.get(privilege.role()), privilege.scope(),
                privilege.activeFrom(), privilege.activeUntil(), privilege.effectiveAt(Clock.now()),
                privilege.grantedBy(), privilege.grantedAt(), UserSummary.from(privilege.user()));
    }

    /** A privilege inside a user's representation ({@code tenantUserPrivileges}). */
    @JsonbPropertyOrder({"id", "role", "roleName", "scope", "activeFrom", "activeUntil", "effective"})
    public record Held(String id, String role, @Nullable String roleName, @Nullable String scope,
                       @Nullable Instant activeFrom, @Nullable Instant activeUntil, boolean effective) {
        public static Held from(Privilege privilege, Map<String, String> roleNames) {
            return new Held(privilege.id(), privilege.role(), roleNames.get(privilege.role()), privilege.scope(),
                    privilege.activeFrom(), privilege.activeUntil(), privilege.effectiveAt(Clock.now()));
        }
    }
}
