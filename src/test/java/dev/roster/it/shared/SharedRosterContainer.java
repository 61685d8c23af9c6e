package dev.roster.it.shared;

import dev.roster.it.RosterProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * The one Roster every black-box system test talks to: the packaged WAR on one Payara Micro process, started as
 * the README's run command starts it ({@link RosterProcess}) when Arquillian starts its containers, before the
 * first system test, and stopped when Arquillian stops them, after the last one, whether tests failed or not (and
 * by a shutdown hook if the test JVM is ended first).
 *
 * <p>Arquillian starts containers once per test run and deploys once per test class. Payara Micro's own
 * connector starts a new Payara Micro process for every deployment (about 80 s each on two busy cores); here a
 * deployment only checks that it is the packaged WAR and hands over the running instance's address. Tests stay
 * independent by making their own tenant.
 *
 * <p>The instance's data folder ({@code roster.it.data}) is emptied before the start, and its settings are the
 * {@code ROSTER_*} variables the build gives the test JVM (Failsafe's {@code environmentVariables} in
 * {@code pom.xml}); its log is in {@code roster.it.work}.
 */
public class SharedRosterContainer implements DeployableContainer<SharedRosterConfiguration> {

    private RosterProcess roster;
    private Thread shutdownHook;

    @Override
    public Class<SharedRosterConfiguration> getConfigurationClass() {
        return SharedRosterConfiguration.class;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public void start() throws LifecycleException {
        Path data = Path.of(System.getProperty("roster.it.data", "target/it-data"));
        Path work = Path.of(System.getProperty("roster.it.work", "target/it-work"));
        try {
            deleteRecursively(data);
            Map<String, String> settings = settings();
            SharedRoster.mail = SharedRoster.startMail();
            settings.put("ROSTER_MAIL_HOST", "127.0.0.1");
            settings.put("ROSTER_MAIL_PORT", Integer.toString(SharedRoster.mail.getSmtp().getPort()));
            settings.put("ROSTER_MAIL_FROM", SharedRoster.MAIL_FROM);
            roster = RosterProcess.start(work, data, settings);
        } catch (Exception e) {
            throw new LifecycleException("the shared Roster did not start: " + e.getMessage(), e);
        }
        System.setProperty(SharedRoster.LOG_PROPERTY, roster.logFile().toAbsolutePath().toString());
        shutdownHook = new Thread(roster::kill, "stop shared Roster");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        System.out.printf("Shared Roster started in %.1f s on port %d (log: %s)%n", roster.startupMillis() / 1000.0,
                roster.port(), roster.logFile().toAbsolutePath());
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (!"roster.war".equals(archive.getName())) {
            throw new DeploymentException("the shared Roster runs the packaged roster.war, not " + archive.getName());
        }
        return new ProtocolMetaData().addContext(new HTTPContext("localhost", roster.port()));
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // the shared instance serves every test class; it stops with the container
    }

    @Override
    public void stop() throws LifecycleException {
        if (roster == null) {
            return;
        }
        try {
            roster.close();
            SharedRoster.mail.stop();
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LifecycleException("interrupted while stopping the shared Roster", e);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; the hook stops the process
        }
    }

    /** Every {@code ROSTER_*} variable the build set for the test JVM. */
    private static Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("ROSTER_")) {
                settings.put(name, value);
            }
        });
        return settings;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
