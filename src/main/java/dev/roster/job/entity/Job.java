package dev.roster.job.entity;

import dev.roster.platform.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A bulk job: what a tenant asked for in one {@code POST /bulk}, applied a chunk at a time by whichever instance
 * claims the chunk. The counts grow in the transaction of each chunk, so they never run ahead of the items.
 */
@Entity
@Table(name = "jobs")
@NamedQuery(name = Job.OF_TENANT, query = "SELECT j FROM Job j WHERE j.tenantId = :tenant"
        + " ORDER BY j.createdAt DESC, j.id DESC")
@NamedQuery(name = Job.COUNT_OF_TENANT, query = "SELECT COUNT(j) FROM Job j WHERE j.tenantId = :tenant")
public class Job {

    public static final String OF_TENANT = "Job.ofTenant";
    public static final String COUNT_OF_TENANT = "Job.countOfTenant";

    /** Where a job is. */
    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public static final Set<Status> OPEN = Set.of(QUEUED, RUNNING);

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String format;
    private String status;
    private int total;
    private int processed;
    private int succeeded;
    private int failed;
    private int chunks;
    @Column(name = "chunks_done")
    private int chunksDone;
    @Column(name = "submitted_by_id")
    private String submittedById;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitter_roles")
    private String submitterRoles;
    @Column(name = "request_id")
    private String requestId;
    private String error;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Version
    private long version;

    protected Job() {
    }

    public Job(String id, String tenantId, String format, int total, int chunks, String submittedById,
               String submittedBy, Set<String> submitterRoles, String requestId) {
        this.id = id;
        this.tenantId = tenantId;
        this.format = format;
        this.status = Status.QUEUED.name();
        this.total = total;
        this.chunks = chunks;
        this.submittedById = submittedById;
        this.submittedBy = submittedBy;
        this.submitterRoles = String.join(",", submitterRoles.stream().sorted().toList());
        this.requestId = requestId;
        this.createdAt = Clock.now();
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String format() { return format; }
    public Status status() { return Status.valueOf(status); }
    public int total() { return total; }
    public int processed() { return processed; }
    public int succeeded() { return succeeded; }
    public int failed() { return failed; }
    public int chunks() { return chunks; }
    public int chunksDone() { return chunksDone; }
    public String submittedById() { return submittedById; }
    public String submittedBy() { return submittedBy; }
    public String requestId() { return requestId; }
    public String error() { return error; }
    public Instant createdAt() { return createdAt; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
    public long version() { return version; }

    public Set<String> submitterRoles() {
        return submitterRoles.isEmpty() ? Set.of() : Set.of(submitterRoles.split(","));
    }

    /** Items applied per second, from the start to the end (or to now while it runs); null before it starts. */
    public Double rate() {
        if (startedAt == null) {
            return null;
        }
        Instant end = finishedAt != null ? finishedAt : Clock.now();
        double seconds = Math.max(Duration.between(startedAt, end).toNanos(), 1_000_000L) / 1e9;
        return Math.round(processed / seconds * 10) / 10.0;
    }

    /** Its size, known once every item is written. */
    public void sized(int items, int chunkCount) {
        total = items;
        chunks = chunkCount;
    }

    public void started() {
        if (status() == Status.QUEUED) {
            status = Status.RUNNING.name();
            startedAt = Clock.now();
        }
    }

    /** Counts items applied (of one chunk, or one item of a chunk redone item by item); {@code chunkDone}: the last. */
    public void counted(int items, int succeededNow, int failedNow, boolean chunkDone) {
        processed += items;
        succeeded += succeededNow;
        failed += failedNow;
        if (chunkDone) {
            chunksDone++;
        }
        if (chunksDone >= chunks && Status.OPEN.contains(status())) {
            finish(Status.SUCCEEDED, null);
        }
    }

    /** Ends the job: every chunk applied, a failure that stopped it, or a cancel. */
    public void finish(Status end, String why) {
        status = end.name();
        error = why;
        finishedAt = Clock.now();
        if (startedAt == null) {
            startedAt = finishedAt;
        }
    }
}
