package dev.roster.user.control;

import dev.roster.caller.Caller;
import dev.roster.caller.Reach;
import dev.roster.user.entity.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;

/**
 * Which users of the tenant the caller may see, as a check on one user and as a JPQL condition for lists.
 * USER sees itself, TEAM_LEADER itself and its direct reports, MANAGEMENT itself and everyone below it
 * (the prefix of its management path), ADMINISTRATOR and INTERNAL_AUDITING everyone.
 */
@RequestScoped
public class Visibility {

    @Inject
    Caller caller;

    @PersistenceContext
    EntityManager em;

    private Reach reach;
    private String meId;
    private String mePath;

    private void load() {
        if (reach != null) {
            return;
        }
        reach = caller.reach();
        if (reach != Reach.ALL && reach != Reach.NONE) {
            User me = em.find(User.class, caller.id());
            if (me == null) {
                reach = Reach.NONE;
            } else {
                meId = me.id();
                mePath = me.mgmtPath();
            }
        }
    }

    public boolean sees(User user) {
        load();
        return switch (reach) {
            case ALL -> true;
            case SUBTREE -> user.mgmtPath().startsWith(mePath);
            case DIRECT_REPORTS -> user.id().equals(meId) || user.manager() != null && user.manager().id().equals(meId);
            case SELF -> user.id().equals(meId);
            case NONE -> false;
        };
    }

    /** A condition on the user alias {@code u} to AND into a query; bind it with {@link #bind(Query)}. */
    public String condition() {
        load();
        return switch (reach) {
            case ALL -> "";
            case SUBTREE -> " AND u.mgmtPath LIKE :visiblePath";
            case DIRECT_REPORTS -> " AND (u.id = :me OR u.manager.id = :me)";
            case SELF -> " AND u.id = :me";
            case NONE -> " AND 1 = 0";
        };
    }

    /** Whether the caller sees every user of the tenant. */
    public boolean seesAll() {
        load();
        return reach == Reach.ALL;
    }

    /** The same condition in SQL on the {@code users} alias {@code u}, with its parameters in order. */
    public Sql sql() {
        load();
        return switch (reach) {
            case ALL -> new Sql("", List.of());
            case SUBTREE -> new Sql(" AND u.mgmt_path >= ? AND u.mgmt_path < ?", List.of(mePath, mePath + '\uffff'));
            case DIRECT_REPORTS -> new Sql(" AND (u.id = ? OR u.manager_id = ?)", List.of(meId, meId));
            case SELF -> new Sql(" AND u.id = ?", List.of(meId));
            case NONE -> new Sql(" AND 1 = 0", List.of());
        };
    }

    /** A SQL condition and its positional parameters. */
    public record Sql(String condition, List<Object> parameters) {
    }

    public <Q extends Query> Q bind(Q query) {
        load();
        switch (reach) {
            case SUBTREE -> query.setParameter("visiblePath", mePath + "%");
            case DIRECT_REPORTS, SELF -> query.setParameter("me", meId);
            default -> { }
        }
        return query;
    }
}
