package dev.roster.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one data source: embedded Derby under the data folder ({@link EmbeddedDerby}), pooled by Payara and
 * enlisted in container-managed transactions.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = RosterDataSource.JNDI_NAME,
        className = "dev.roster.platform.EmbeddedDerby",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=false"
        })
public class RosterDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/roster";
}
