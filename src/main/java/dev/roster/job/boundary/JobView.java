package dev.roster.job.boundary;

import dev.roster.job.entity.Job;
import jakarta.annotation.Nullable;
import java.time.Instant;

/**
 * A job as {@code GET /jobs/{id}} shows it: its status, its counts, when it started and ended, and its rate (items
 * applied per second, while it runs or as it ran).
 */
public record JobView(String id, String status, String format, Counts counts, Instant createdAt,
                      @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Double rate,
                      String submittedBy, @Nullable String error) {

    /** Items of the job: all, applied so far, and of those the ones that succeeded or failed. */
    public record Counts(int total, int processed, int succeeded, int failed) {
    }

    static JobView of(Job job) {
        return new JobView(job.id(), job.status().wire(), job.format(), new Counts(job.total(), job.processed(),
                job.succeeded(), job.failed()), job.createdAt(), job.startedAt(), job.finishedAt(), job.rate(),
                job.submittedBy(), job.error());
    }
}
