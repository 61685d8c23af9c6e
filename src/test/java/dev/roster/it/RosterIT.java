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
 * Base of the black-box system tests: they talk HTTP to the packaged roster.war, unchanged, on the one real Payara
 * Micro that Arquillian starts for the whole run ({@link dev.roster.it.shared.SharedRosterContainer}), with the
 * settings and the operator's credentials the build gives it ({@code ROSTER_*} in Failsafe's environment). Every
 * test makes its own tenant, so tests share nothing and run in any order, alone or together.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class RosterIT {

    @ArquillianResource
    protected URL base;

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
