package dev.roster.job.control;

import dev.roster.directory.control.Groups;
import dev.roster.directory.control.Organizations;
import dev.roster.job.entity.Job;
import dev.roster.job.entity.JobChunk;
import dev.roster.job.entity.JobResults;
import dev.roster.platform.Clock;
import dev.roster.platform.RequestId;
import dev.roster.privilege.control.Privileges;
import dev.roster.problem.Protocol;
import dev.roster.problem.RosterException;
import dev.roster.provisioning.control.Provisioning;
import dev.roster.user.control.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The transactions of a job's chunk. Each applies items and records their results, the chunk's progress and the
 * job's counts together, and only while this instance still holds the chunk's lease: an item is applied once, by
 * one instance, whatever crashes.
 */
@ApplicationScoped
public class JobWork {

    /** Where a failure of an item says it happened. */
    static final String PATH = "/api/v1/provisioning/bulk";

    @PersistenceContext
    EntityManager em;

    @Inject
    Provisioning.Writes writes;

    @Inject
    Privileges privileges;

    @Inject
    Groups groups;

    @Inject
    Organizations organizations;

    @Inject
    RequestId requestId;

    /** The lease was taken over by another instance (this one was too slow): its work is rolled back. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(JobChunk.Key key) {
            super("the lease on chunk " + key.seq() + " of job " + key.jobId() + " was taken over", null, false, false);
        }
    }

    /** An item of {@link #applyAll} was refused (at {@code position} in its list): the transaction rolls back. */
    static final class ItemFailed extends RuntimeException {
        private final int position;

        ItemFailed(int position, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.position = position;
        }

        int position() {
            return position;
        }
    }

    /**
     * Applies {@code operations} (items of the chunk, the first of them at {@code first} in the job) in one
     * transaction with their results, and the chunk's progress and the job's counts. With {@code lastRefused}, the
     * last operation is not applied but recorded as failed for that reason (learnt when a transaction that applied it
     * rolled back). An item that throws rolls everything back and is named by {@link ItemFailed}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void applyAll(JobChunk.Key key, String instance, Duration lease, List<Operation> operations, int first,
                         RosterException lastRefused) {
        hold(key, instance, lease);
        int applied = lastRefused == null ? operations.size() : operations.size() - 1;
        List<JsonObject> results = new ArrayList<>(operations.size());
        for (int i = 0; i < applied; ) {
            int end = i;
            while (end < applied && operations.get(end) instanceof Operation.Create) {
                end++;
            }
            if (end > i) {
                List<Operation> creates = operations.subList(i, end);
                List<Provisioning.Outcome> outcomes = writes.createWithin(creates.stream()
                        .map(op -> ((Operation.Create) op).user()).toList());
                for (int k = 0; k < creates.size(); k++) {
                    results.add(result(first + i + k, creates.get(k), outcomes.get(k)));
                }
                i = end;
            } else {
                try {
                    results.add(apply(first + i, operations.get(i)));
                } catch (RuntimeException refused) {
                    throw new ItemFailed(i, refused);
                }
                i++;
            }
        }
        if (lastRefused != null) {
            results.add(failed(first + applied, operations.get(applied), lastRefused));
        }
        record(key, instance, results);
    }

    /** Applies one item of a chunk redone item by item, with its result, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void applyOne(JobChunk.Key key, String instance, Duration lease, Operation operation, int index) {
        hold(key, instance, lease);
        record(key, instance, List.of(apply(index, operation)));
    }

    /** Records that an item failed (its own transaction rolled back, so it changed nothing). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refuseOne(JobChunk.Key key, String instance, Duration lease, Operation operation, int index,
                          RosterException reason) {
        record(hold(key, instance, lease), instance, List.of(failed(index, operation, reason)));
    }

    /** Ends a job that cannot go on, with the reason; its items applied stay applied. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(String jobId, String why) {
        Job job = em.find(Job.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job != null && Job.Status.OPEN.contains(job.status())) {
            job.finish(Job.Status.FAILED, why);
        }
    }

    private JobChunk.Key hold(JobChunk.Key key, String instance, Duration lease) {
        int held = em.createNamedQuery(JobChunk.HOLD).setParameter("until", Clock.now().plus(lease))
                .setParameter("job", key.jobId()).setParameter("seq", key.seq())
                .setParameter("pending", JobChunk.PENDING).setParameter("me", instance).executeUpdate();
        if (held != 1) {
            throw new LeaseLost(key);
        }
        return key;
    }

    /**
     * Writes a run's results, and counts it in its chunk and its job; the chunk is done with its last item. The job's
     * row is locked first: inserting the results takes a key-share lock on it (their foreign key), and two instances
     * that each held that lock and then asked for the row's update lock would deadlock.
     */
    private void record(JobChunk.Key key, String instance, List<JsonObject> results) {
        Job job = em.find(Job.class, key.jobId(), LockModeType.PESSIMISTIC_WRITE);
        int failedNow = (int) results.stream().filter(r -> r.containsKey("error")).count();
        int succeededNow = results.size() - failedNow;
        Object[] progress = em.createNamedQuery(JobChunk.PROGRESS, Object[].class).setParameter("job", key.jobId())
                .setParameter("seq", key.seq()).getSingleResult();
        boolean done = (Integer) progress[0] + results.size() >= (Integer) progress[1];
        em.persist(new JobResults(key.jobId(), results.get(0).getInt("index"), results.size(), failedNow,
                instance, "[" + results.stream().map(JsonObject::toString).collect(Collectors.joining(",")) + "]"));
        em.createNamedQuery(JobChunk.ADVANCE).setParameter("items", results.size())
                .setParameter("succeeded", succeededNow).setParameter("failed", failedNow)
                .setParameter("status", done ? JobChunk.DONE : JobChunk.PENDING).setParameter("job", key.jobId())
                .setParameter("seq", key.seq()).executeUpdate();
        job.counted(results.size(), succeededNow, failedNow, done);
    }

    /** Applies one operation within the caller's transaction; a refusal throws. */
    private JsonObject apply(int index, Operation operation) {
        if (operation instanceof Operation.Create create) {
            return result(index, operation, writes.createWithin(List.of(create.user())).get(0));
        }
        if (operation instanceof Operation.Put put) {
            Users.Saved saved = writes.put(put.username(), put.command(), null);
            return succeeded(index, operation, saved.created() ? 201 : 200, saved.user().id());
        }
        if (operation instanceof Operation.Deprovision deprovision) {
            writes.deprovision(deprovision.username());
            return succeeded(index, operation, 204, null);
        }
        if (operation instanceof Operation.GrantPrivilege grant) {
            return succeeded(index, operation, 201, privileges.grant(grant.username(), grant.grant()).id());
        }
        if (operation instanceof Operation.Revoke revoke) {
            privileges.revokeById(revoke.privilege());
            return succeeded(index, operation, 204, null);
        }
        if (operation instanceof Operation.Membership member) {
            return membership(index, member);
        }
        return failed(index, operation, ((Operation.Unreadable) operation).reason());
    }

    private JsonObject membership(int index, Operation.Membership member) {
        if (member.join()) {
            boolean added = member.group() ? groups.addMember(member.containerId(), member.username())
                    : organizations.addMember(member.containerId(), member.username());
            return succeeded(index, member, added ? 201 : 200, null);
        }
        if (member.group()) {
            groups.removeMember(member.containerId(), member.username());
        } else {
            organizations.removeMember(member.containerId(), member.username());
        }
        return succeeded(index, member, 204, null);
    }

    private JsonObject result(int index, Operation operation, Provisioning.Outcome outcome) {
        return outcome instanceof Provisioning.Refused refused ? failed(index, operation, refused.reason())
                : succeeded(index, operation, 201, ((Provisioning.Created) outcome).id());
    }

    private static JsonObjectBuilder base(int index, Operation operation) {
        JsonObjectBuilder result = Json.createObjectBuilder().add("index", index);
        if (operation.op() != null) {
            result.add("op", operation.op());
        }
        if (operation.key() != null) {
            result.add("key", operation.key());
        }
        return result;
    }

    private static JsonObject succeeded(int index, Operation operation, int status, String id) {
        JsonObjectBuilder result = base(index, operation).add("outcome", "succeeded").add("status", status);
        if (id != null) {
            result.add("id", id);
        }
        return result.build();
    }

    private JsonObject failed(int index, Operation operation, RosterException reason) {
        return base(index, operation).add("outcome", "failed").add("status", reason.status())
                .add("error", Protocol.NATIVE.renderer().body(reason, PATH, requestId.value())).build();
    }
}
