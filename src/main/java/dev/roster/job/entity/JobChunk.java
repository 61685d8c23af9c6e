package dev.roster.job.entity;

import dev.roster.platform.SecretBox;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A chunk of a job's items (a JSON array, stored sealed by {@code platform.SecretBox}, since an item may carry a
 * user's password). Its items are applied in runs, each in one transaction with its results
 * ({@link JobResults}) and the chunk's progress ({@link #doneItems}, counts); a chunk without failures is one run. The
 * instance applying it holds a lease ({@link #claimedBy} until {@link #claimedUntil}) that runs out if it dies.
 */
@Entity
@Table(name = "job_chunks")
@IdClass(JobChunk.Key.class)
@NamedQuery(name = JobChunk.CLAIMABLE, query = "SELECT c.jobId, c.seq FROM JobChunk c, Job j WHERE c.status = :pending"
        + " AND j.id = c.jobId AND j.status IN :open AND (c.claimedUntil IS NULL OR c.claimedUntil < :now)"
        + " ORDER BY j.createdAt, c.jobId, c.seq")
@NamedQuery(name = JobChunk.CLAIM, query = "UPDATE JobChunk c SET c.claimedBy = :me, c.claimedUntil = :until,"
        + " c.attempts = c.attempts + 1 WHERE c.jobId = :job AND c.seq = :seq AND c.status = :pending"
        + " AND (c.claimedUntil IS NULL OR c.claimedUntil < :now)")
@NamedQuery(name = JobChunk.HOLD, query = "UPDATE JobChunk c SET c.claimedUntil = :until WHERE c.jobId = :job"
        + " AND c.seq = :seq AND c.status = :pending AND c.claimedBy = :me")
@NamedQuery(name = JobChunk.PROGRESS, query = "SELECT c.doneItems, c.itemCount FROM JobChunk c WHERE c.jobId = :job"
        + " AND c.seq = :seq")
@NamedQuery(name = JobChunk.ADVANCE, query = "UPDATE JobChunk c SET c.doneItems = c.doneItems + :items,"
        + " c.succeeded = c.succeeded + :succeeded, c.failed = c.failed + :failed, c.status = :status"
        + " WHERE c.jobId = :job AND c.seq = :seq")
public class JobChunk {

    public static final String CLAIMABLE = "JobChunk.claimable";
    /** Claims a pending chunk nobody holds, for one instance until a moment. */
    public static final String CLAIM = "JobChunk.claim";
    /** Renews this instance's lease, and locks the row: it fails when the lease was taken over. */
    public static final String HOLD = "JobChunk.hold";
    /** How far a chunk is: items applied, items in all (without its items). */
    public static final String PROGRESS = "JobChunk.progress";
    /** Counts a run of items applied, and whether the chunk is done. */
    public static final String ADVANCE = "JobChunk.advance";

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";

    /** The key of a chunk: its job and its place in it. */
    public record Key(String jobId, int seq) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "job_id")
    private String jobId;
    @Id
    private int seq;
    @Column(name = "first_item")
    private int firstItem;
    @Column(name = "item_count")
    private int itemCount;
    private String items;
    @Column(name = "done_items")
    private int doneItems;
    private int succeeded;
    private int failed;
    private String status;
    private int attempts;
    @Column(name = "claimed_by")
    private String claimedBy;
    @Column(name = "claimed_until")
    private Instant claimedUntil;

    protected JobChunk() {
    }

    public JobChunk(String jobId, int seq, int firstItem, int itemCount, String items) {
        this.jobId = jobId;
        this.seq = seq;
        this.firstItem = firstItem;
        this.itemCount = itemCount;
        this.items = SecretBox.seal(items, sealContext(jobId, seq));
        this.status = PENDING;
    }

    /** What a chunk's items are sealed for: that chunk only. */
    private static String sealContext(String jobId, int seq) {
        return "job-chunk:" + jobId + ":" + seq;
    }

    public String jobId() { return jobId; }
    public int seq() { return seq; }
    public int firstItem() { return firstItem; }
    public int itemCount() { return itemCount; }
    /** The items, in clear (a user's item may carry its password). */
    public String items() { return SecretBox.open(items, sealContext(jobId, seq)); }
    public int doneItems() { return doneItems; }
    public int succeeded() { return succeeded; }
    public int failed() { return failed; }
    public boolean done() { return DONE.equals(status); }
    public int attempts() { return attempts; }
}
