package dev.roster.health;

import dev.roster.platform.RosterDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health}: Roster is up when its database answers. */
@Readiness
@Liveness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    @Resource(lookup = RosterDataSource.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return HealthCheckResponse.named("database").status(valid)
                    .withData("product", connection.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getSQLState() == null
                    ? "unreachable" : "SQLState " + e.getSQLState()).build();
        }
    }
}
