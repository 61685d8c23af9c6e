package dev.roster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.it.Api;
import dev.roster.it.RosterIT;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark in smoke mode, as CI runs it: against the shared Roster of the system tests (the harness starts
 * its own Roster the same way, {@code RosterProcess}, when no {@code bench.url} is given), a small tenant seeded
 * through the API, every workload at concurrency 1 and 4 for a few requests each. It checks that every answer was
 * right (status and content); it never judges speed.
 */
class BenchmarkSmokeIT extends RosterIT {

    @TempDir
    Path work;

    @Test
    void everyWorkloadAnswersCorrectly() throws Exception {
        Map<String, String> options = Map.of("bench.smoke", "true", "bench.users", "150",
                "bench.work", work.toString(), "bench.smoke-requests", "10", "bench.url", base.toString(),
                "bench.operator", Api.OPERATOR, "bench.operator-password", Api.OPERATOR_PASSWORD,
                "bench.tenant", api.newTenant());
        List<Load.Result> results = new Benchmark(Benchmark.Options.from(options::get)).run();
        assertEquals(9 * 2, results.size(), "nine workloads at two concurrencies");
        for (Load.Result result : results) {
            assertEquals(0, result.errors(), result.workload() + " c=" + result.concurrency() + ": " + result.firstError());
            assertEquals(10L * result.concurrency(), result.requests(), result.workload());
        }
        assertTrue(results.stream().allMatch(r -> r.latencies().length == r.requests()));
    }
}
