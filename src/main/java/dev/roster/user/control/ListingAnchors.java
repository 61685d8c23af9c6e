package dev.roster.user.control;

import dev.roster.platform.Clock;
import dev.roster.platform.Counters;
import dev.roster.platform.RosterDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Deep pages of a tenant's active list without walking the list up to them. An offset of 100,000 means skipping
 * 100,000 index entries, one by one; instead, every {@code roster.listing.anchor-step}-th key of the list is
 * remembered with its position ({@link Anchors}), and a page starts from the last remembered key before it.
 *
 * <p>Positions stay exact while the list changes: every change of the list is a row of the tenant's
 * listed-users counter that carries the key it happens at ({@link Listing}), so a position known at one moment
 * is carried to now by the rows in between ({@link Counters#changes}). That keeps this instance's memory right
 * whatever other instances write.
 *
 * <p>The positions are read by one walk of the list in the background, on the first deep page a tenant is asked
 * for. A write still open while the walk runs could be seen by it and also be carried forward, so the positions
 * are only used once no row of the list took effect from {@link Counters#settleAfter()} seconds before the walk to its
 * end (checked that long after it); otherwise the walk is tried again later. They are walked again after half an
 * hour, or once more than {@link #MAX_CHANGES} changes would have to be carried. Until then, and for callers
 * who see only part of the list, pages are read the plain way.
 *
 * <p>The metric {@code roster_listing_pages_total} counts the pages of whole lists past the first entry by where
 * their reading started ({@code start="position"} or {@code start="beginning"}); an operator whose deep pages
 * are slow sees there whether remembered positions serve them.
 */
@ApplicationScoped
public class ListingAnchors {

    private static final Logger LOG = Logger.getLogger(ListingAnchors.class.getName());
    /** Changes carried forward per request at most; beyond that the list is walked again. */
    static final int MAX_CHANGES = 2_000;
    static final Duration RENEW_AFTER = Duration.ofMinutes(30);
    /** Well within the hour that settled counter rows are kept. */
    static final Duration USABLE_FOR = Duration.ofMinutes(50);
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    /** Tenants whose positions are kept (a few kilobytes each); the oldest go first. */
    static final int MAX_TENANTS = 64;

    /** Every this-many-th key of a list is remembered, unless {@code roster.listing.anchor-step} says otherwise. */
    static final String DEFAULT_STEP = "1000";

    @Inject
    @ConfigProperty(name = "roster.listing.anchor-step", defaultValue = DEFAULT_STEP)
    int step;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = RosterDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Counters counters;

    @Inject
    Listing listing;

    @Inject
    MetricRegistry metrics;

    private final Map<String, Anchors> published = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> walker;
    private final Map<String, Instant> walked = new ConcurrentHashMap<>();
    private Counter fromPosition;
    private Counter fromBeginning;

    @PostConstruct
    void registerMetrics() {
        Metadata pages = Metadata.builder().withName("roster.listing.pages").withDescription("Pages of a tenant's"
                + " whole active list past its first entry, by where reading them started: a remembered position"
                + " in the list, or its beginning").build();
        fromPosition = metrics.counter(pages, new Tag("start", "position"));
        fromBeginning = metrics.counter(pages, new Tag("start", "beginning"));
    }

    /**
     * Where to start reading the tenant's whole active list, as it is at {@code now}, to reach {@code offset};
     * empty when the offset is near the start or no positions are known yet.
     */
    public Optional<Anchors.Start> start(String tenantId, long offset, Instant now) {
        if (offset == 0) {
            return Optional.empty();
        }
        Optional<Anchors.Start> start = remembered(tenantId, offset, now);
        (start.isPresent() ? fromPosition : fromBeginning).inc();
        return start;
    }

    private Optional<Anchors.Start> remembered(String tenantId, long offset, Instant now) {
        if (step < 1 || offset < step) { // a step of 0 turns remembered positions off
            return Optional.empty();
        }
        Anchors anchors = published.get(tenantId);
        if (anchors == null || anchors.at().isBefore(now.minus(RENEW_AFTER))) {
            walkLater(tenantId, now);
        }
        if (anchors == null || anchors.at().isBefore(now.minus(USABLE_FOR))) {
            return Optional.empty();
        }
        Optional<NavigableMap<String, Long>> changes = counters.changes(Listing.counter(tenantId), anchors.at(), now, MAX_CHANGES);
        if (changes.isEmpty()) {
            walkLater(tenantId, now);
            return Optional.empty();
        }
        return anchors.start(offset, changes.get());
    }

    private void walkLater(String tenantId, Instant now) {
        Instant last = walked.get(tenantId);
        if (last != null && last.isAfter(now.minus(RETRY_AFTER)) || !replaced(tenantId, last, now)) {
            return; // walked recently, or another request is starting the walk
        }
        pending.add(tenantId);
    }

    /**
     * Starts the walker: every second it walks the lists that requests asked for. A request only names the tenant;
     * a task submitted from the request's thread would carry the request's context into the background, and
     * Payara would then try to close the request's entity manager a second time when the task ends.
     */
    public void start() {
        walker = scheduler.scheduleWithFixedDelay(this::walkPending, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (walker != null) {
            walker.cancel(false);
        }
    }

    void walkPending() {
        for (Iterator<String> tenants = pending.iterator(); tenants.hasNext(); ) {
            String tenantId = tenants.next();
            tenants.remove();
            walk(tenantId);
        }
    }

    private boolean replaced(String tenantId, Instant last, Instant now) {
        return last == null ? walked.putIfAbsent(tenantId, now) == null : walked.replace(tenantId, last, now);
    }

    void walk(String tenantId) {
        try {
            listing.catchUp(tenantId);
            Instant at = Clock.now();
            List<String> keys = keysAt(tenantId, at);
            Instant end = Clock.now();
            scheduler.schedule(() -> publishIfQuiet(tenantId, new Anchors(at, step, keys), end),
                    counters.settleAfter() + 1, TimeUnit.SECONDS);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "reading the positions in the list of tenant " + tenantId + " failed; deep pages"
                    + " are read the plain way until the next try", e);
        }
    }

    /** Every step-th key of the tenant's list as it is at {@code at}, in one walk of the listing index. */
    private List<String> keysAt(String tenantId, Instant at) throws SQLException {
        List<String> keys = new ArrayList<>();
        Timestamp moment = Timestamp.from(at);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT username_lc FROM users"
                     + " WHERE tenant_id = ? AND listed_from <= ? AND listed_until > ? ORDER BY username_lc")) {
            select.setString(1, tenantId);
            select.setTimestamp(2, moment);
            select.setTimestamp(3, moment);
            try (ResultSet rows = select.executeQuery()) {
                for (long before = 0; rows.next(); before++) {
                    if (before > 0 && before % step == 0) {
                        keys.add(rows.getString(1));
                    }
                }
            }
        }
        return keys;
    }

    private void publishIfQuiet(String tenantId, Anchors anchors, Instant end) {
        try {
            if (counters.changed(Listing.counter(tenantId), anchors.at().minusSeconds(counters.settleAfter()), end)) {
                return; // a change may have been both seen by the walk and carried forward: walk again later
            }
            published.put(tenantId, anchors);
            while (published.size() > MAX_TENANTS) {
                published.entrySet().stream().min(Comparator.comparing(e -> e.getValue().at()))
                        .ifPresent(oldest -> published.remove(oldest.getKey(), oldest.getValue()));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checking the positions in the list of tenant " + tenantId + " failed", e);
        }
    }
}
