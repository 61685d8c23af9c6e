package dev.roster.user.control;

import dev.roster.caller.Caller;
import dev.roster.platform.Criteria;
import dev.roster.platform.CriteriaSql;
import dev.roster.platform.Slice;
import dev.roster.platform.Slices;
import dev.roster.problem.InvalidInput;
import dev.roster.user.entity.Attribute;
import dev.roster.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tenant's users that meet a {@link Criteria}, whatever their status, in one order, a slice at a time (SCIM's
 * {@code filter}, {@code sortBy}, {@code startIndex} and {@code count}). Every condition is SQL on the users table
 * within the tenant: an exact username, e-mail address, external id or organization-assigned id is one probe of its
 * index, a prefix of a username, e-mail address or name one range of it, a change time one range of
 * {@code ix_users_updated}; other conditions read the tenant's part of the username index. No user is loaded but
 * those of the slice.
 */
@ApplicationScoped
public class UserSearch {

    /** The fields a criteria may compare, by their name in the native API. */
    static final Map<String, CriteriaSql.Column> COLUMNS = columns();
    /** The fields a slice may be ordered by, with their column. */
    static final Map<String, String> ORDER = Map.of("username", "u.username_lc", "email", "u.email_lc",
            "firstName", "u.first_name_lc", "lastName", "u.last_name_lc", "createdAt", "u.created_at",
            "updatedAt", "u.updated_at", "externalId", "u.external_id", "displayName", "u.display_name", "id", "u.id");
    /** The orders no two users of a tenant share a value of (a slice can start after the last one's). */
    static final Set<String> UNIQUE = Set.of("u.username_lc", "u.email_lc", "u.id");

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Visibility visibility;

    @Inject
    Users users;

    @Inject
    Slices slices;

    /**
     * {@code count} users from {@code offset} (from 0) of those that meet {@code criteria}, ordered by {@code orderBy}
     * (a field of {@link #ORDER}; the username when null) and then by id; {@code count} 0 only counts them. The total
     * is counted unless the slice itself shows it (it is not full).
     */
    public Slice<User> matching(Criteria criteria, String orderBy, boolean descending, long offset, int count) {
        String order = orderBy == null ? ORDER.get("username") : ORDER.get(orderBy);
        if (order == null) {
            throw new InvalidInput("sortBy", "cannot sort by " + orderBy);
        }
        CriteriaSql.Where where = CriteriaSql.of(criteria, COLUMNS);
        Visibility.Sql visible = visibility.sql();
        String from = " FROM users u WHERE u.tenant_id = ? AND " + where.sql() + visible.condition();
        List<Object> parameters = new ArrayList<>();
        parameters.add(caller.tenant().id());
        parameters.addAll(where.parameters());
        parameters.addAll(visible.parameters());
        Slice<String> ids = slices.ids(em, "u.id", from, parameters, order, UNIQUE.contains(order), descending,
                offset, count);
        return new Slice<>(users.byIds(ids.items()), offset, ids.total());
    }

    private static Map<String, CriteriaSql.Column> columns() {
        Map<String, CriteriaSql.Column> columns = new LinkedHashMap<>();
        columns.put("id", CriteriaSql.text("u.id", false, true));
        columns.put("username", CriteriaSql.text("u.username_lc", true, false));
        columns.put("email", CriteriaSql.text("u.email_lc", true, false));
        columns.put("firstName", CriteriaSql.text("u.first_name_lc", true, false));
        columns.put("lastName", CriteriaSql.text("u.last_name_lc", true, false));
        columns.put("timeZone", CriteriaSql.text("u.time_zone", false, false));
        columns.put("country", CriteriaSql.text("u.country", false, false));
        for (Attribute attribute : Attribute.values()) {
            columns.put(attribute.field(), CriteriaSql.text("u." + column(attribute.field()), false,
                    attribute == Attribute.EXTERNAL_ID || attribute == Attribute.ORG_USER_ID));
        }
        columns.put("createdAt", CriteriaSql.time("u.created_at"));
        columns.put("updatedAt", CriteriaSql.time("u.updated_at"));
        columns.put("active", CriteriaSql.flag("u.status = 'ACTIVE'"));
        columns.put("manager", CriteriaSql.text("u.manager_id", false, true));
        columns.put("groups", CriteriaSql.exists("SELECT 1 FROM memberships m WHERE m.user_id = u.id"
                + " AND m.kind = 'GROUP' AND m.container_id = ?", "SELECT 1 FROM memberships m WHERE m.user_id = u.id"
                + " AND m.kind = 'GROUP'"));
        columns.put("roles", CriteriaSql.exists("SELECT 1 FROM user_privileges p WHERE p.user_id = u.id"
                + " AND p.scope IS NULL AND p.role = ?", "SELECT 1 FROM user_privileges p WHERE p.user_id = u.id"
                + " AND p.scope IS NULL"));
        return Map.copyOf(columns);
    }

    /** The column of a field: its name in snake case ({@code orgUserId}: {@code org_user_id}). */
    static String column(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
