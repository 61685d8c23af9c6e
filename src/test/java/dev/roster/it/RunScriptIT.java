package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script behind the README's run command ({@code src/main/payara/run.sh}): Payara Micro from a root folder it
 * keeps, with a class-data-sharing archive made by a training start the first time, and a start that waits for its
 * port. It owns its Roster processes: what it tests is how a start begins, twice on one root folder.
 */
class RunScriptIT {

    static final String TRAINING = "making a class-data-sharing archive";

    @TempDir
    Path work;

    @Test
    void aLaterStartMapsTheArchiveAndDeploysTheWarOnceOnTheSameData() throws Exception {
        Path root = work.resolve("payara-root");
        Path data = work.resolve("data");
        Map<String, String> operator = Map.of("ROSTER_BOOTSTRAP_ADMIN_USERNAME", Api.OPERATOR,
                "ROSTER_BOOTSTRAP_ADMIN_PASSWORD", Api.OPERATOR_PASSWORD);
        String tenant;
        try (RosterProcess first = RosterProcess.startByRunScript(work, root, data, operator)) {
            assertTrue(first.log().contains(TRAINING), first.log());
            assertTrue(Files.size(root.resolve("payara-classes.jsa")) > 10_000_000, "the archive is made");
            assertFalse(Files.exists(root.resolve("training-data")), "the training's database is gone");
            assertDeployedOnce(first);
            assertTrue(mapsTheArchive(first, root), "the first start after training maps the archive");
            tenant = new Api(first.url()).newTenant();
            assertRefusesTheTakenPort(root, work.resolve("refused-data"), first);
        }
        try (RosterProcess second = startOnceThePortIsFree(root, data, operator)) {
            assertTrue(second.log().contains("port " + second.port() + " is in use; waiting"), second.log());
            assertFalse(second.log().contains(TRAINING), second.log());
            assertDeployedOnce(second);
            assertTrue(mapsTheArchive(second, root));
            Api api = new Api(second.url());
            api.get("/api/v1/tenants/" + tenant).as(api.operator()).send().expect(200);
        }
    }

    /**
     * A start on a port that another process holds for a few seconds more (an instance still stopping, say) waits
     * for it, then starts there.
     */
    private RosterProcess startOnceThePortIsFree(Path root, Path data, Map<String, String> env) throws Exception {
        ServerSocket holder = new ServerSocket(RosterProcess.freePort());
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            later.schedule(() -> {
                holder.close();
                return null;
            }, 5, TimeUnit.SECONDS);
            return RosterProcess.startByRunScript(work, root, data, env, holder.getLocalPort());
        } finally {
            later.shutdown();
            holder.close();
        }
    }

    /**
     * A start on a port another process holds ends with status 1 and says why (Payara Micro would fail on the bind
     * with a stack trace, or run without an HTTP listener); the holder keeps serving.
     */
    private static void assertRefusesTheTakenPort(Path root, Path data, RosterProcess holder) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(RosterProcess.runScript(root, Integer.toString(holder.port())))
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("ROSTER_"));
        builder.environment().put("ROSTER_DATA_DIR", data.toAbsolutePath().toString());
        builder.environment().put("ROSTER_PORT_WAIT_SECONDS", "2");
        builder.redirectOutput(data.resolveSibling("refused.log").toFile());
        Process refused = builder.start();
        try {
            assertTrue(refused.waitFor(60, TimeUnit.SECONDS), "the start on a taken port ends");
        } finally {
            refused.destroyForcibly().waitFor();
        }
        String output = Files.readString(data.resolveSibling("refused.log"));
        assertEquals(1, refused.exitValue(), output);
        assertTrue(output.contains("port " + holder.port() + " is still in use by another process; not starting"),
                output);
        assertFalse(Files.exists(data), "nothing was started on its data folder");
        Api api = new Api(holder.url());
        api.get("/health").send().expect(200);
    }

    /**
     * Payara Micro keeps the WAR an earlier start deployed in its root folder's configuration; were it left there,
     * a start would deploy it, then {@code --deploy}'s WAR again over it, which cannot boot Derby while the first
     * deployment holds it.
     */
    private static void assertDeployedOnce(RosterProcess roster) throws IOException {
        String log = roster.log();
        assertEquals(1, Pattern.compile("Roster \\S+ started on port " + roster.port()).matcher(log).results().count(),
                log);
    }

    /** Whether the JVM has the archive mapped into its memory (Linux's {@code /proc/<pid>/maps}). */
    private static boolean mapsTheArchive(RosterProcess roster, Path root) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(roster.pid()), "maps"))
                .contains(root.resolve("payara-classes.jsa").toAbsolutePath().toString());
    }
}
