package dev.roster.user.control;

import dev.roster.platform.Clock;
import dev.roster.platform.Counters;
import dev.roster.privilege.entity.Privilege;
import dev.roster.user.entity.User;
import dev.roster.user.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Keeps each user's place in the tenant's active list: a user is listed while it is ACTIVE and its tenant
 * privilege is effective. The window is stored on the user ({@code listed_from}, {@code listed_until}) so the
 * list is one indexed range, and the tenant's count of listed users follows it through {@link Counters},
 * including windows that open or close later without anyone writing.
 */
@ApplicationScoped
public class Listing {

    @Inject
    Counters counters;

    static String counter(String tenantId) {
        return "listed-users:" + tenantId;
    }

    /** How many users of the tenant are listed now. */
    public long count(String tenantId) {
        return counters.value(counter(tenantId));
    }

    /** Brings the user's listing in line with its status and its tenant privilege ({@code null}: none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(User user, Privilege tenantPrivilege) {
        Instant from = User.NEVER;
        Instant until = User.NEVER;
        if (user.status() == UserStatus.ACTIVE && tenantPrivilege != null) {
            from = tenantPrivilege.activeFrom() == null ? Counters.PAST : tenantPrivilege.activeFrom();
            until = tenantPrivilege.activeUntil() == null ? User.NEVER : tenantPrivilege.activeUntil();
            if (!from.isBefore(until)) {
                from = User.NEVER;
                until = User.NEVER;
            }
        }
        if (from.equals(user.listedFrom()) && until.equals(user.listedUntil())) {
            return;
        }
        String counter = counter(user.tenantId());
        count(counter, user.usernameLc(), user.listedFrom(), user.listedUntil(), -1);
        count(counter, user.usernameLc(), from, until, 1);
        user.list(from, until);
    }

    /**
     * Adds (or with -1 takes away) a window's contribution from now on: +1 where it opens, -1 where it closes,
     * each at the user's place in the list (see {@link ListingAnchors}).
     */
    private void count(String counter, String key, Instant from, Instant until, int sign) {
        Instant now = Clock.now();
        Instant opens = from.isBefore(now) ? now : from;
        if (!opens.isBefore(until)) {
            return; // closed already, or never open
        }
        counters.add(counter, opens, sign, key);
        if (until.isBefore(User.NEVER)) {
            counters.add(counter, until, -sign, key);
        }
    }
}
