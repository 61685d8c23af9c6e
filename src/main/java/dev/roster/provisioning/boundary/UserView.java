package dev.roster.provisioning.boundary;

import dev.roster.apikey.boundary.ApiKeyView;
import dev.roster.directory.boundary.DirectoryViews.GroupRef;
import dev.roster.directory.boundary.DirectoryViews.OrganizationRef;
import dev.roster.privilege.boundary.PrivilegeView;
import dev.roster.privilege.entity.Privilege;
import dev.roster.user.entity.Attribute;
import dev.roster.user.entity.User;
import jakarta.annotation.Nullable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user with the seed's fields, the work profile of Kore.ai's {@code userInfo} (seed 002; {@code botTasks} are
 * its {@code assignBotTasks}), SCIM's attributes that no seed has (RFC 7643: {@code externalId}, {@code title},
 * …), plus {@code id}, {@code status}, {@code manager} (the manager's username), {@code createdAt} and
 * {@code updatedAt}. A password can be written but is never read back; {@code activeApiKeys}
 * lists the user's keys that work now, without their secrets.
 */
@JsonbPropertyOrder({"id", "username", "email", "firstName", "lastName", "timeZone", "country", "zipCode",
        "avatar", "gender", "birthYear", "hint", "manager", "status", "tenantUserPrivileges", "activeApiKeys",
        "groups", "organizations", "identityProviderId", "orgUserId", "companyName", "dept", "companyContactPhone",
        "worknumber", "street", "suiteNo", "city", "zip", "state", "canCreateBot", "isDeveloper", "botTasks",
        "externalId", "displayName", "nickName", "middleName", "honorificPrefix", "honorificSuffix", "title",
        "userType", "preferredLanguage", "locale", "employeeNumber", "costCenter", "division", "mobile", "fax",
        "createdAt", "updatedAt"})
public record UserView(String id, String username, String email, @Nullable String firstName, @Nullable String lastName,
                       @Nullable String timeZone, @Nullable String country, @Nullable String zipCode,
                       @Nullable String avatar, @Nullable String gender, @Nullable Integer birthYear,
                       @Nullable String hint, @Nullable String manager, String status,
                       List<PrivilegeView.Held> tenantUserPrivileges, List<ApiKeyView> activeApiKeys,
                       List<GroupRef> groups, List<OrganizationRef> organizations,
                       @Nullable String identityProviderId, @Nullable String orgUserId,
                       @Nullable String companyName, @Nullable String dept, @Nullable String companyContactPhone,
                       @Nullable String worknumber, @Nullable String street, @Nullable String suiteNo,
                       @Nullable String city, @Nullable String zip, @Nullable String state,
                       @Nullable Boolean canCreateBot, @Nullable Boolean isDeveloper, List<String> botTasks,
                       @Nullable String externalId, @Nullable String displayName, @Nullable String nickName,
                       @Nullable String middleName, @Nullable String honorificPrefix,
                       @Nullable String honorificSuffix, @Nullable String title, @Nullable String userType,
                       @Nullable String preferredLanguage, @Nullable String locale, @Nullable String employeeNumber,
                       @Nullable String costCenter, @Nullable String division, @Nullable String mobile,
                       @Nullable String fax, Instant createdAt, Instant updatedAt) {

    /** {@code roleNames}: the names of the roles the privileges name, by id. */
    public static UserView from(User user, List<Privilege> privileges, Map<String, String> roleNames,
                                List<ApiKeyView> keys, List<GroupRef> groups, List<OrganizationRef> organizations) {
        return new UserView(user.id(), user.username(), user.email(), user.firstName(), user.lastName(),
                user.timeZone(), user.country(), user.zipCode(), user.avatar(), user.gender(), user.birthYear(),
                user.hint(), user.manager() == null ? null : user.manager().username(), user.status().name(),
                privileges.stream().map(p -> PrivilegeView.Held.from(p, roleNames)).toList(), keys, groups,
                organizations, user.identityProviderId(), user.attribute(Attribute.ORG_USER_ID),
                user.attribute(Attribute.COMPANY_NAME), user.attribute(Attribute.DEPT),
                user.attribute(Attribute.COMPANY_CONTACT_PHONE), user.attribute(Attribute.WORKNUMBER),
                user.attribute(Attribute.STREET), user.attribute(Attribute.SUITE_NO), user.attribute(Attribute.CITY),
                user.attribute(Attribute.ZIP), user.attribute(Attribute.STATE), user.canCreateBot(),
                user.isDeveloper(), user.botTasks(), user.attribute(Attribute.EXTERNAL_ID),
                user.attribute(Attribute.DISPLAY_NAME), user.attribute(Attribute.NICK_NAME),
                user.attribute(Attribute.MIDDLE_NAME), user.attribute(Attribute.HONORIFIC_PREFIX),
                user.attribute(Attribute.HONORIFIC_SUFFIX), user.attribute(Attribute.TITLE),
                user.attribute(Attribute.USER_TYPE), user.attribute(Attribute.PREFERRED_LANGUAGE),
                user.attribute(Attribute.LOCALE), user.attribute(Attribute.EMPLOYEE_NUMBER),
                user.attribute(Attribute.COST_CENTER), user.attribute(Attribute.DIVISION),
                user.attribute(Attribute.MOBILE), user.attribute(Attribute.FAX), user.createdAt(), user.updatedAt());
    }

    /** A hit of the operator's cross-tenant search, naming the tenant it is in. */
    @JsonbPropertyOrder({"tenant", "id", "username", "email", "firstName", "lastName", "status"})
    public record InTenant(String tenant, String id, String username, String email, @Nullable String firstName,
                           @Nullable String lastName, String status) {
        public static InTenant from(String tenantLabel, User user) {
            return new InTenant(tenantLabel, user.id(), user.username(), user.email(), user.firstName(),
                    user.lastName(), user.status().name());
        }
    }
}
