package dev.roster.job.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * The results of a run of a job's items, from {@link #firstItem} on (a JSON array, one result per item, in order),
 * written in the transaction that applied them.
 */
@Entity
@Table(name = "job_results")
@IdClass(JobResults.Key.class)
@NamedQuery(name = JobResults.COUNTS, query = "SELECT r.firstItem, r.itemCount, r.failed FROM JobResults r"
        + " WHERE r.jobId = :job ORDER BY r.firstItem")
public class JobResults {

    /** Each run's items and failures, in item order: where a page of results starts, without reading results. */
    public static final String COUNTS = "JobResults.counts";

    public record Key(String jobId, int firstItem) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "job_id")
    private String jobId;
    @Id
    @Column(name = "first_item")
    private int firstItem;
    @Column(name = "item_count")
    private int itemCount;
    private int failed;
    @Column(name = "applied_by")
    private String appliedBy;
    private String results;

    protected JobResults() {
    }

    public JobResults(String jobId, int firstItem, int itemCount, int failed, String appliedBy, String results) {
        this.jobId = jobId;
        this.firstItem = firstItem;
        this.itemCount = itemCount;
        this.failed = failed;
        this.appliedBy = appliedBy;
        this.results = results;
    }

    public String results() {
        return results;
    }
}
