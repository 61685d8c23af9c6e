package dev.roster.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one data source: embedded Derby under the data folder ({@link EmbeddedDerby}), pooled by Payara and
 * enlisted in container-managed transactions. Each pooled connection keeps its 64 most recently used prepared
 * statements: Roster runs a few dozen distinct statements, and preparing one again on every request cost about a
 * third of a read (measured: 1,600 to 2,300 reads/s). The blank cache type means "LRU"; Payara reads a missing
 * type as the class name "null" and then caches nothing (payara/Payara#6647).
 */
@ApplicationScoped
@DataSourceDefinition(
        name = RosterDataSource.JNDI_NAME,
        className = "dev.roster.platform.EmbeddedDerby",
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
