package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script behind the README's run command ({@code src/main/payara/run.sh}): Payara Micro from a root folder it
 * keeps, with a class-data-sharing archive made by a training start the first time. It owns its Roster processes:
 * what it tests is how a start begins, twice on one root folder.
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
        }
        try (RosterProcess second = RosterProcess.startByRunScript(work, root, data, operator)) {
            assertFalse(second.log().contains(TRAINING), second.log());
            assertDeployedOnce(second);
            assertTrue(mapsTheArchive(second, root));
            Api api = new Api(second.url());
            api.get("/api/v1/tenants/" + tenant).as(api.operator()).send().expect(200);
        }
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
