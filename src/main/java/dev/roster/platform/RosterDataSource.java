package dev.roster.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one data source: embedded Derby under the data folder, or PostgreSQL when {@code roster.db.url} says so
 * ({@link RosterDatabase}), pooled by Payara and enlisted in container-managed transactions. The pool holds at most
 * {@code roster.db.pool-size} connections (default 32): Payara takes a pool's size only from this annotation's
 * constants, so {@link ConnectionPool} sets it on the running pool at start-up. Each pooled connection keeps its 64
 * most recently used prepared statements: Roster runs a few dozen distinct statements, and preparing one again on
 * every request cost about a third of a read (measured: 1,600 to 2,300 reads/s). The blank cache type means "LRU";
 * Payara reads a missing type as the class name "null" and then caches nothing (payara/Payara#6647).
 */
@ApplicationScoped
@DataSourceDefinition(
        name = RosterDataSource.JNDI_NAME,
        className = "dev.roster.platform.RosterDatabase",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=false",
                "fish.payara.statement-cache-size=64",
                "fish.payara.statement-cache-type= "
        })
public class RosterDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/roster";
}
