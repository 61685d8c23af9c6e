package dev.roster.it;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the system tests: each class deploys the packaged roster.war, unchanged, into its own real Payara
 * Micro and talks HTTP to it. The data folder and the operator's credentials come from the environment that
 * Maven Failsafe gives the Payara process ({@code ROSTER_DATA_DIR}, {@code ROSTER_BOOTSTRAP_ADMIN_*}). Every
 * test makes its own tenant, so tests share nothing and run in any order.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class RosterIT {

    @ArquillianResource
    URL base;

    protected Api api;

    @Deployment(testable = false)
    public static WebArchive roster() {
        String war = System.getProperty("roster.war", "target/roster.war");
        return ShrinkWrap.create(ZipImporter.class, "roster.war").importFrom(new File(war)).as(WebArchive.class);
    }

    @BeforeEach
    void connect() {
        api = new Api(base);
    }
}
