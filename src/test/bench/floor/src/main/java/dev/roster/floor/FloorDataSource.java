package dev.roster.floor;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** Embedded Derby in {@code floor-db} under the working folder, pooled as Roster's is (statement cache of 64). */
@ApplicationScoped
@DataSourceDefinition(
        name = FloorDataSource.JNDI_NAME,
        className = "org.apache.derby.jdbc.EmbeddedDataSource",
        databaseName = "floor-db",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "createDatabase=create",
                "fish.payara.is-connection-validation-required=false",
                "fish.payara.statement-cache-size=64",
                "fish.payara.statement-cache-type= "
        })
public class FloorDataSource {
    static final String JNDI_NAME = "java:app/jdbc/floor";
}
