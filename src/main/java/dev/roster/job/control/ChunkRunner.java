package dev.roster.job.control;

import dev.roster.caller.ActingTenant;
import dev.roster.caller.Caller;
import dev.roster.caller.Roles;
import dev.roster.job.entity.Job;
import dev.roster.job.entity.JobChunk;
import dev.roster.platform.Races;
import dev.roster.platform.RequestId;
import dev.roster.problem.InternalFailure;
import dev.roster.problem.ProblemMapper;
import dev.roster.problem.RosterException;
import dev.roster.security.Principals;
import dev.roster.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies one claimed chunk, in a request context of its own that acts for the job's submitter in the job's tenant,
 * with the roles the submitter holds now: a submitter that can no longer act, or no longer holds ADMINISTRATOR, fails
 * the job before its next chunk. Audit events carry the id of the request that submitted the job.
 */
@ApplicationScoped
public class ChunkRunner {

    private static final Logger LOG = Logger.getLogger(ChunkRunner.class.getName());
    /** Claims of one chunk before its job is failed: an instance died applying it each time. */
    static final int MAX_ATTEMPTS = 5;

    @PersistenceContext
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    JobWork work;

    @Inject
    ItemReader reader;

    @Inject
    Caller caller;

    @Inject
    RequestId requestId;

    @Inject
    Principals principals;

    /**
     * Reads what the chunk needs in a transaction of its own (each write below opens its own, REQUIRES_NEW). Read
     * without one, on this scheduled thread, Payara closed the non-transactional entity manager twice at the end
     * of a job that ran for seconds while it was polled (20,000 creates): the thread's invocation stack was left
     * broken, and every later job failed with "claimed 5 times without being applied" (docs/benchmarks.md,
     * session 12).
     */
    @ActivateRequestContext
    @Transactional
    public void run(Jobs.Claimed claimed, String instance, Duration lease) {
        JobChunk.Key key = claimed.key();
        Jobs.Work found = jobs.work(key);
        Job job = found.job();
        if (claimed.attempts() > MAX_ATTEMPTS) {
            work.fail(job.id(), "chunk " + key.seq() + " (items " + found.chunk().firstItem() + " on) was claimed "
                    + MAX_ATTEMPTS + " times without being applied");
            return;
        }
        Tenant tenant = em.find(Tenant.class, job.tenantId());
        if (tenant == null || !tenant.active()) {
            work.fail(job.id(), "the tenant was suspended");
            return;
        }
        boolean operator = job.submitterRoles().contains(Roles.PLATFORM_OPERATOR);
        Principals.Resolution submitter = operator ? principals.operator(job.submittedById())
                : principals.user(job.submittedById(), null);
        if (submitter.identity() == null) {
            work.fail(job.id(), "the submitter can no longer act: " + submitter.refusal());
            return;
        }
        if (!operator && !submitter.identity().roles().contains(Roles.ADMINISTRATOR)) {
            work.fail(job.id(), "the submitter no longer holds ADMINISTRATOR in the tenant");
            return;
        }
        caller.actFor(submitter.identity(), new ActingTenant(tenant.id(), tenant.label(), true));
        requestId.continueAs(job.requestId() != null ? job.requestId() : "job-" + job.id());
        JobChunk chunk = found.chunk();
        JsonArray items = Jobs.parse(chunk.items());
        int first = chunk.doneItems();
        List<Operation> operations = new ArrayList<>(items.size() - first);
        for (int i = first; i < items.size(); i++) {
            operations.add(read(items.get(i)));
        }
        int firstIndex = chunk.firstItem() + first;
        try {
            applyInRuns(key, instance, lease, operations, firstIndex);
        } catch (JobWork.LeaseLost lost) {
            throw lost;
        } catch (RuntimeException e) {
            LOG.fine(() -> "chunk " + key.seq() + " of job " + key.jobId() + " is finished item by item: " + e);
            JobChunk now = jobs.work(key).chunk();
            int done = now.doneItems() - first;
            for (int i = done; i < operations.size(); i++) {
                one(key, instance, lease, operations.get(i), firstIndex + i);
            }
        }
    }

    /**
     * Applies the operations in as few transactions as their failures allow: all in one; when one is refused, the
     * ones before it in one transaction together with its refusal, then the rest the same way. A failure that no
     * item can be blamed for (it came at commit) is thrown.
     */
    private void applyInRuns(JobChunk.Key key, String instance, Duration lease, List<Operation> operations,
                             int firstIndex) {
        int from = 0;
        int upTo = operations.size();
        RosterException refusal = null;
        while (from < operations.size()) {
            try {
                work.applyAll(key, instance, lease, operations.subList(from, upTo), firstIndex + from, refusal);
                from = upTo;
                upTo = operations.size();
                refusal = null;
            } catch (JobWork.ItemFailed failed) {
                upTo = from + failed.position() + 1;
                refusal = reason(failed.getCause(), firstIndex + upTo - 1, key);
            }
        }
    }

    /**
     * Why an item failed, to record as its result. A failure the database may not repeat (a deadlock, a lock timeout)
     * is thrown instead: the chunk stays claimed, its lease runs out, and it is applied again (at most
     * {@link #MAX_ATTEMPTS} times).
     */
    private RosterException reason(Throwable failure, int index, JobChunk.Key key) {
        if (Races.transientRollback(failure)) {
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        RosterException reason = ProblemMapper.explain(failure);
        if (reason == null) {
            LOG.log(Level.WARNING, "item " + index + " of job " + key.jobId() + " failed", failure);
            reason = new InternalFailure(requestId.value());
        }
        return reason;
    }

    private void one(JobChunk.Key key, String instance, Duration lease, Operation operation, int index) {
        try {
            work.applyOne(key, instance, lease, operation, index);
        } catch (JobWork.LeaseLost lost) {
            throw lost;
        } catch (RuntimeException e) {
            work.refuseOne(key, instance, lease, operation, index, reason(e, index, key));
        }
    }

    private Operation read(JsonValue item) {
        return reader.read(item.getValueType() == JsonValue.ValueType.OBJECT ? item.asJsonObject() : null);
    }
}
