package dev.roster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The server process's CPU time and resident memory, read from the operating system (Linux {@code /proc}). */
final class ServerStats {

    /** CPU time used so far, and the resident set size when read. */
    record Sample(long cpuNanos, long rssKib) {
    }

    /** What a run cost the server: CPU seconds and the largest resident set seen while it ran. */
    record Usage(double cpuSeconds, long peakRssMib) {

        static final Usage UNKNOWN = new Usage(Double.NaN, -1);
    }

    private final Optional<ProcessHandle> process;
    private long peakKib;

    private ServerStats(Optional<ProcessHandle> process) {
        this.process = process;
    }

    static ServerStats of(long pid) {
        return new ServerStats(pid > 0 ? ProcessHandle.of(pid) : Optional.empty());
    }

    boolean known() {
        return process.isPresent();
    }

    Sample sample() {
        peakKib = 0;
        long rss = status("VmRSS:");
        peakKib = rss;
        return new Sample(cpuNanos(), rss);
    }

    void sampleMemory() {
        peakKib = Math.max(peakKib, status("VmRSS:"));
    }

    Usage since(Sample before) {
        if (process.isEmpty()) {
            return Usage.UNKNOWN;
        }
        sampleMemory();
        return new Usage((cpuNanos() - before.cpuNanos()) / 1e9, peakKib / 1024);
    }

    /** The largest resident set the process has had since it started ({@code VmHWM}), in MiB. */
    long lifetimePeakRssMib() {
        return status("VmHWM:") / 1024;
    }

    private long cpuNanos() {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    private long status(String field) {
        if (process.isEmpty()) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.get().pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has ended or this is not Linux
        }
        return -1;
    }
}
