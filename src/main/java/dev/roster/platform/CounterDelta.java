package dev.roster.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One row of a counter (see {@link Counters}). Inserted through JPA so that it joins the batch of the
 * transaction's other inserts; the id is random and the table has no key, since rows are only ever summed
 * by counter and moment, and settled.
 */
@Entity
@Table(name = "counter_deltas")
public class CounterDelta {

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
}
