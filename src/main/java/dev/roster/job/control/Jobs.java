package dev.roster.job.control;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.control.Changes;
import dev.roster.caller.Caller;
import dev.roster.job.entity.Job;
import dev.roster.job.entity.JobChunk;
import dev.roster.job.entity.JobResults;
import dev.roster.platform.Clock;
import dev.roster.platform.Ids;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.platform.RequestId;
import dev.roster.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Bulk jobs of the caller's tenant: a job is written with all its items, {@link #CHUNK} to a row, in the transaction
 * that answers its 202, then applied in the background ({@link JobRunner}); its results are read back a page at a time.
 */
@ApplicationScoped
public class Jobs {

    /** Items applied in one transaction. */
    public static final int CHUNK = 500;
    /** Chunks written before the persistence context is emptied, so a large job is not held in memory. */
    static final int FLUSH_EVERY = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    RequestId requestId;

    @Inject
    AuditLog audit;

    /** Which results to list. */
    public enum Outcomes { ALL, SUCCEEDED, FAILED }

    /** A chunk claimed by this instance. */
    public record Claimed(JobChunk.Key key, int attempts) {
    }

    /**
     * Writes a job of the items {@code source} hands over (in order; {@code source} reads the request body), in one
     * transaction: the job exists with every item, or not at all.
     */
    @Transactional
    public Job submit(String format, Consumer<Consumer<JsonValue>> source) {
        Caller.Identity submitter = caller.identity();
        String tenantId = caller.tenant().id();
        String id = Ids.next();
        em.persist(new Job(id, tenantId, format, 0, 0, submitter.id(), submitter.username(), submitter.roles(),
                requestId.value()));
        em.flush();
        int[] counts = new int[2]; // items, chunks
        StringBuilder items = new StringBuilder();
        source.accept(item -> {
            items.append(items.isEmpty() ? "[" : ",").append(item);
            if (++counts[0] % CHUNK == 0) {
                writeChunk(id, counts, items);
            }
        });
        if (!items.isEmpty()) {
            writeChunk(id, counts, items);
        }
        em.flush();
        em.clear();
        Job job = em.find(Job.class, id);
        job.sized(counts[0], counts[1]);
        audit.record(tenantId, "job.submitted", "job", id, format + " job of " + counts[0] + " items",
                new Changes().note("items", null, counts[0]));
        return job;
    }

    private void writeChunk(String jobId, int[] counts, StringBuilder items) {
        int seq = counts[1]++;
        int size = counts[0] - seq * CHUNK;
        em.persist(new JobChunk(jobId, seq, seq * CHUNK, size, items.append(']').toString()));
        items.setLength(0);
        if (counts[1] % FLUSH_EVERY == 0) {
            em.flush();
            em.clear();
        }
    }

    /** The tenant's jobs, newest first. */
    public Page<Job> list(PageRequest page) {
        String tenantId = caller.tenant().id();
        List<Job> jobs = em.createNamedQuery(Job.OF_TENANT, Job.class).setParameter("tenant", tenantId)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = em.createNamedQuery(Job.COUNT_OF_TENANT, Long.class).setParameter("tenant", tenantId)
                .getSingleResult();
        return Page.of(jobs, page, total);
    }

    /** A job of the caller's tenant; another tenant's is not found. */
    public Job get(String id) {
        Job job = id == null || id.length() > 36 ? null : em.find(Job.class, id);
        if (job == null || !job.tenantId().equals(caller.tenant().id())) {
            throw new NotFound("there is no job '" + id + "' in this tenant");
        }
        return job;
    }

    /**
     * Cancels a job that has not ended: no chunk is started after this; a chunk being applied finishes, and what is
     * done stays done. Cancelling an ended job changes nothing.
     */
    @Transactional
    public Job cancel(String id) {
        Job job = get(id);
        em.lock(job, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(job);
        if (Job.Status.OPEN.contains(job.status())) {
            job.finish(Job.Status.CANCELLED, null);
            audit.record(job.tenantId(), "job.cancelled", "job", id, job.format() + " job of " + job.total()
                    + " items", new Changes().note("processed", null, job.processed()));
        }
        return job;
    }

    /**
     * A page of a job's results, in item order: of every item applied, or of those that succeeded or failed.
     * Only the chunks that hold the page are read: the per-chunk counts say where a page starts.
     */
    public Page<JsonObject> results(String id, Outcomes which, PageRequest page) {
        Job job = get(id);
        long total = switch (which) {
            case ALL -> job.processed();
            case SUCCEEDED -> job.succeeded();
            case FAILED -> job.failed();
        };
        List<JsonObject> found = new ArrayList<>(page.size());
        long skip = page.offset();
        List<Object[]> runs = em.createNamedQuery(JobResults.COUNTS, Object[].class).setParameter("job", id)
                .getResultList();
        for (Object[] run : runs) {
            int items = (Integer) run[1];
            int failed = (Integer) run[2];
            int inRun = switch (which) {
                case ALL -> items;
                case SUCCEEDED -> items - failed;
                case FAILED -> failed;
            };
            if (skip >= inRun) {
                skip -= inRun;
                continue;
            }
            JobResults results = em.find(JobResults.class, new JobResults.Key(id, (Integer) run[0]));
            for (JsonValue value : parse(results.results())) {
                JsonObject result = value.asJsonObject();
                if (which != Outcomes.ALL && result.containsKey("error") != (which == Outcomes.FAILED)) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                } else if (found.size() < page.size()) {
                    found.add(result);
                }
            }
            if (found.size() >= page.size()) {
                break;
            }
        }
        return Page.of(found, page, total);
    }

    /** The items of a chunk, as stored. */
    static JsonArray parse(String array) {
        if (array == null || array.isEmpty()) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        try (JsonReader reader = Json.createReader(new StringReader(array))) {
            return reader.readArray();
        }
    }

    /**
     * Claims the next chunk nobody holds, of the oldest open job, for {@code instance} until its lease runs out, and
     * marks the job running.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claimed> claim(String instance, Duration lease) {
        Instant now = Clock.now();
        List<Object[]> candidates = em.createNamedQuery(JobChunk.CLAIMABLE, Object[].class)
                .setParameter("pending", JobChunk.PENDING).setParameter("open", Job.Status.OPEN.stream()
                        .map(Enum::name).toList()).setParameter("now", now).setMaxResults(4).getResultList();
        for (Object[] candidate : candidates) {
            JobChunk.Key key = new JobChunk.Key((String) candidate[0], (Integer) candidate[1]);
            int claimed = em.createNamedQuery(JobChunk.CLAIM).setParameter("me", instance)
                    .setParameter("until", now.plus(lease)).setParameter("job", key.jobId())
                    .setParameter("seq", key.seq()).setParameter("pending", JobChunk.PENDING)
                    .setParameter("now", now).executeUpdate();
            if (claimed == 1) {
                Job job = em.find(Job.class, key.jobId());
                if (job.status() == Job.Status.QUEUED) {
                    em.lock(job, LockModeType.PESSIMISTIC_WRITE);
                    em.refresh(job);
                    job.started();
                }
                return Optional.of(new Claimed(key, em.find(JobChunk.class, key).attempts()));
            }
        }
        return Optional.empty();
    }

    /** A job and one of its chunks, read outside any transaction to apply the chunk. */
    public record Work(Job job, JobChunk chunk) {
    }

    public Work work(JobChunk.Key key) {
        return new Work(em.find(Job.class, key.jobId()), em.find(JobChunk.class, key));
    }
}
