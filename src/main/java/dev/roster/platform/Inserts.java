package dev.roster.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.VersionLockingPolicy;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.sessions.AbstractRecord;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;
import org.eclipse.persistence.sessions.UnitOfWork;

/**
 * New rows, persisted through JPA one at a time, or within {@link #batched} sent to the database in JDBC batches
 * when the work is done. A bulk create (Kore.ai's 10,000 users in one call, a job's chunk) makes thousands of new
 * entities that nothing changes after the chunk: JPA's unit of work computed a change set for each, and copied it
 * at commit, which was a quarter of the CPU of such a call on Derby (docs/benchmarks.md, issue 16). Here each
 * entity's row is built by EclipseLink's own mapping of it (the same columns, converters and foreign keys as JPA
 * writes), and the rows of each table go in one prepared statement, in batches.
 *
 * <p>Rows of a {@link Combining} entity that combine are written as one row (a counter's +1 for each of thousands
 * of audit events, as one +N).
 *
 * <p>Within {@link #batched}, an entity handed to {@link #persist} is not managed: changes to it are written only
 * until the batch ends, and a query of its table in the same work does not see it. Tables are written in the order
 * their first entity was handed over, so a row comes after the rows it refers to. The batch belongs to the thread:
 * work within it must not persist rows meant for a transaction of its own ({@code REQUIRES_NEW}).
 */
@ApplicationScoped
public class Inserts {

    /** Rows per JDBC batch. */
    static final int BATCH = 500;

    /** The entities of the batch open on this thread, if one is. */
    private static final ThreadLocal<List<Object>> PENDING = new ThreadLocal<>();

    @PersistenceContext
    EntityManager em;

    /** A new entity: persisted now, or written with the batch open on this thread. */
    public void persist(Object entity) {
        List<Object> pending = PENDING.get();
        if (pending == null) {
            em.persist(entity);
        } else {
            pending.add(entity);
        }
    }

    /**
     * Does {@code work}, writing the entities it persists when it is done, in the caller's transaction. Within a
     * batch already open, the work joins it.
     */
    public <T> T batched(Supplier<T> work) {
        if (PENDING.get() != null) {
            return work.get();
        }
        List<Object> pending = new ArrayList<>();
        PENDING.set(pending);
        try {
            T result = work.get();
            write(pending);
            return result;
        } finally {
            PENDING.remove();
        }
    }

    /** An entity whose rows in one batch may be written as one row: those with the same {@link #combinesBy}. */
    public interface Combining<T extends Combining<T>> {

        /** What the row combines by; null for a row that stands alone. */
        Object combinesBy();

        /** The one row written for this row and {@code other}. */
        T combine(T other);
    }

    private void write(List<Object> entities) {
        if (entities.isEmpty()) {
            return;
        }
        AbstractSession session = (AbstractSession) em.unwrap(UnitOfWork.class);
        Connection connection = em.unwrap(Connection.class);
        Map<Class<?>, List<Object>> byClass = new LinkedHashMap<>();
        Map<Object, Integer> combined = new HashMap<>();
        for (Object entity : entities) {
            List<Object> rows = byClass.computeIfAbsent(entity.getClass(), c -> new ArrayList<>());
            Object by = entity instanceof Combining<?> combining ? combining.combinesBy() : null;
            Integer at = by == null ? null : combined.putIfAbsent(List.of(entity.getClass(), by), rows.size());
            if (at == null) {
                rows.add(entity);
            } else {
                rows.set(at, combine(rows.get(at), entity));
            }
        }
        try {
            for (Map.Entry<Class<?>, List<Object>> table : byClass.entrySet()) {
                write(session, connection, session.getDescriptor(table.getKey()), table.getValue());
            }
        } catch (SQLException e) {
            // the first failure of a batch carries the database's SQLState (a duplicate key is class 23)
            // the database's message may quote a row's values; it stays in the cause, out of any answer
            throw new PersistenceException("a batch of new rows was refused",
                    e.getNextException() != null ? e.getNextException() : e);
        }
    }

    private static void write(AbstractSession session, Connection connection, ClassDescriptor descriptor,
                              List<Object> entities) throws SQLException {
        if (descriptor.hasInheritance() || descriptor.hasMultipleTables() || descriptor.hasMultitenantPolicy()) {
            throw new IllegalStateException(descriptor.getJavaClassName() + " is not a plain table of its own");
        }
        AbstractDirectMapping version = descriptor.usesOptimisticLocking()
                && descriptor.getOptimisticLockingPolicy() instanceof VersionLockingPolicy policy
                ? policy.getVersionMapping() : null;
        Object firstVersion = version == null ? null
                : session.getPlatform().convertObject(1L, version.getAttributeClassification());
        List<DatabaseField> fields = new ArrayList<>(row(session, descriptor, entities.get(0)).keySet());
        try (PreparedStatement statement = connection.prepareStatement(insert(descriptor, fields))) {
            int batched = 0;
            for (Object entity : entities) {
                if (version != null) { // as JPA inserts a versioned row: at version 1
                    version.setAttributeValueInObject(entity, firstVersion);
                }
                Map<DatabaseField, Object> row = row(session, descriptor, entity);
                for (int i = 0; i < fields.size(); i++) {
                    statement.setObject(i + 1, row.get(fields.get(i)));
                }
                statement.addBatch();
                if (++batched % BATCH == 0) {
                    statement.executeBatch();
                }
            }
            if (batched % BATCH != 0) {
                statement.executeBatch();
            }
        }
    }

    /**
     * The entity's row as JPA would insert it ({@code ObjectBuilder.buildRow} without its record, which looks each
     * column up in a list: 15 % of this writer's time with the 40 columns of {@code users}).
     */
    private static Map<DatabaseField, Object> row(AbstractSession session, ClassDescriptor descriptor, Object entity) {
        Map<DatabaseField, Object> row = new LinkedHashMap<>();
        for (DatabaseMapping mapping : descriptor.getMappings()) {
            if (mapping instanceof AbstractDirectMapping direct) {
                if (!direct.isReadOnly() && direct.getField().isInsertable()) {
                    row.put(direct.getField(), direct.getFieldValue(direct.getAttributeValueFromObject(entity),
                            session));
                }
            } else {
                AbstractRecord columns = descriptor.getObjectBuilder().createRecord(session);
                mapping.writeFromObjectIntoRow(entity, columns, session, DatabaseMapping.WriteType.INSERT);
                for (DatabaseField field : columns.getFields()) {
                    row.put(field, columns.get(field));
                }
            }
        }
        return row;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object combine(Object row, Object other) {
        return ((Combining) row).combine((Combining) other);
    }

    private static String insert(ClassDescriptor descriptor, List<DatabaseField> fields) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(descriptor.getTableName()).append(" (");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(fields.get(i).getName());
        }
        return sql.append(") VALUES (").append("?, ".repeat(fields.size() - 1)).append("?)").toString();
    }
}
