package dev.roster.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One row of a counter (see {@link Counters}), inserted with the transaction's other new rows. The id is random
 * and the table has no key, since rows are only ever summed by counter and moment, and settled. Within a batch of
 * {@link Inserts}, the rows of one counter without a sort key that take effect in the same second are written as
 * one, at the latest of their moments: a bulk create's thousands of audit events count as one row per second.
 */
@Entity
@Table(name = "counter_deltas")
public class CounterDelta implements Inserts.Combining<CounterDelta> {

    @Id
    private long id;
    private String name;
    @Column(name = "effective_at")
    private Instant effectiveAt;
    private long delta;
    @Column(name = "sort_key")
    private String sortKey;

    protected CounterDelta() {
    }

    CounterDelta(String name, Instant effectiveAt, long delta, String sortKey) {
        this.id = ThreadLocalRandom.current().nextLong();
        this.name = name;
        this.effectiveAt = effectiveAt;
        this.delta = delta;
        this.sortKey = sortKey;
    }

    @Override
    public Object combinesBy() {
        return sortKey == null ? List.of(name, effectiveAt.getEpochSecond()) : null;
    }

    @Override
    public CounterDelta combine(CounterDelta other) {
        return new CounterDelta(name, effectiveAt.isAfter(other.effectiveAt) ? effectiveAt : other.effectiveAt,
                delta + other.delta, null);
    }
}
