package dev.roster.platform;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Roster's connection pool as Payara runs it: its size, and how many of its connections are in use.
 *
 * <p>Applies {@code roster.db.pool-size} to the running connection pool. Payara builds an application's pool from the
 * integer constants of its {@code @DataSourceDefinition} and expands configuration only in its string properties,
 * of which none sets the size (Payara's {@code DataSourceDefinitionDeployer}); so at start-up, once the pool
 * exists, Roster finds it in Payara's pool manager and sets its maximum (and its steady size, when that is larger).
 * The pool manager (its table of pools) is Payara's internal API, reached reflectively like the other Payara internals Roster uses; on
 * a server without it the configured size is reported as not applied.
 */
public final class ConnectionPool {

    private static final Logger LOG = Logger.getLogger(ConnectionPool.class.getName());
    public static final int DEFAULT = 32;

    private ConnectionPool() {
    }

    /** The configured size, or the default; at least 1. */
    public static int configured() {
        String value = DataDir.setting("roster.db.pool-size");
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size < 1) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("roster.db.pool-size must be a whole number of connections, at least 1; it is "
                    + value);
        }
    }

    /** ConnectionPool's data structure of resources, which counts against a maximum of its own. */
    private static Optional<Object> structure(Object pool) {
        for (Class<?> type = pool.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field ds = type.getDeclaredField("ds");
                ds.setAccessible(true);
                return Optional.ofNullable(ds.get(pool));
            } catch (NoSuchFieldException next) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void setMaxSize(Object structure, int size) {
        try {
            Class<?> type = Class.forName("com.sun.enterprise.resource.pool.datastructure.DataStructure", true,
                    structure.getClass().getClassLoader());
            type.getMethod("setMaxSize", int.class).invoke(structure, size);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning("the pool's data structure did not take the size " + size + ": " + e);
        }
    }

    /** Connections of Roster's pool in use and free now, and its maximum; empty where Payara's pool is not reachable. */
    public record Usage(int used, int free, int max) {
    }

    public static Optional<Usage> usage() {
        try {
            ClassLoader loader = ConnectionPool.class.getClassLoader();
            Class<?> poolType = Class.forName("com.sun.enterprise.resource.pool.ResourcePool", true, loader);
            for (Map.Entry<?, ?> pool : pools(loader).entrySet()) {
                Object status = poolType.getMethod("getPoolStatus").invoke(pool.getValue());
                int used = (Integer) status.getClass().getMethod("getNumConnUsed").invoke(status);
                int free = (Integer) status.getClass().getMethod("getNumConnFree").invoke(status);
                int max = (Integer) poolType.getMethod("getMaxPoolSize").invoke(pool.getValue());
                return Optional.of(new Usage(used, free, max));
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "the pool's use is not readable here", e);
        }
        return Optional.empty();
    }

    /** Sets the size of Roster's pool; answers whether it was found and set. */
    public static boolean apply(int size) {
        if (size == DEFAULT) {
            return true; // the annotation's own size
        }
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> poolType = Class.forName("com.sun.enterprise.resource.pool.ResourcePool", true, loader);
            int set = 0;
            for (Map.Entry<?, ?> pool : pools(loader).entrySet()) {
                Object resourcePool = pool.getValue();
                Method steady = poolType.getMethod("getSteadyPoolSize");
                if ((Integer) steady.invoke(resourcePool) > size) {
                    poolType.getMethod("setSteadyPoolSize", int.class).invoke(resourcePool, size);
                }
                poolType.getMethod("setMaxPoolSize", int.class).invoke(resourcePool, size);
                structure(resourcePool).ifPresent(ds -> setMaxSize(ds, size)); // what actually bounds the pool
                set++;
                LOG.info("Connection pool " + pool.getKey() + " holds at most " + size + " connections");
            }
            if (set > 0) {
                return true;
            }
            LOG.warning("roster.db.pool-size=" + size + " is not applied: Roster's connection pool was not found");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warning("roster.db.pool-size=" + size + " is not applied on this server: " + e);
        }
        return false;
    }

    /** Roster's pools in Payara's pool manager (its table of pools, by name). */
    private static Map<?, ?> pools(ClassLoader loader) throws ReflectiveOperationException {
        Object locator = Class.forName("org.glassfish.internal.api.Globals", true, loader)
                .getMethod("getDefaultHabitat").invoke(null);
        Class<?> managerType = Class.forName("com.sun.enterprise.resource.pool.PoolManager", true, loader);
        Object manager = locator.getClass().getMethod("getService", Class.class, Annotation[].class)
                .invoke(locator, managerType, new Annotation[0]);
        Field table = manager.getClass().getDeclaredField("poolTable");
        table.setAccessible(true);
        Map<Object, Object> roster = new LinkedHashMap<>();
        ((Map<?, ?>) table.get(manager)).forEach((name, pool) -> {
            if (String.valueOf(name).contains("jdbc/roster")) {
                roster.put(name, pool);
            }
        });
        return roster;
    }
}
