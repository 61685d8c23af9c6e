package dev.roster.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Runs one workload with a number of workers, each on its own keep-alive connection, and times every request. */
final class Load {

    /** One request and what makes its answer correct. */
    record Call(String method, String path, Map<String, String> headers, String body, int status, String mustContain) {

        String check(Wire.Answer answer) {
            if (answer.status() != status) {
                return method + " " + path + " answered " + answer.status() + " instead of " + status + ": "
                        + abbreviate(answer.body());
            }
            if (mustContain != null && !answer.body().contains(mustContain)) {
                return method + " " + path + " answered without " + mustContain + ": " + abbreviate(answer.body());
            }
            return null;
        }

        private static String abbreviate(String body) {
            return body.length() > 300 ? body.substring(0, 300) + "…" : body;
        }
    }

    /** A kind of request: given the worker's random source and a sequence number, the next call to make. */
    record Workload(String name, Function<Next, Call> next) {
    }

    record Next(ThreadLocalRandom random, long sequence, int worker) {
    }

    /** What a run measured. Latencies in nanoseconds, sorted. */
    record Result(String workload, int concurrency, long requests, long errors, double seconds, long[] latencies,
                  String firstError, ServerStats.Usage usage) {

        double perSecond() {
            return (requests - errors) / seconds;
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }
    }

    private final URI base;

    Load(URI base) {
        this.base = base;
    }

    /** Runs the workload for a while without measuring it. */
    void warm(Workload workload, int concurrency, double seconds) throws InterruptedException {
        drive(workload, concurrency, seconds, 0, null);
    }

    /**
     * Runs {@code workload} with {@code concurrency} workers, either for {@code seconds} (after {@code warmup}
     * seconds that are not recorded) or, when {@code requestsPerWorker} is positive, for exactly that many
     * requests each.
     */
    Result run(Workload workload, int concurrency, double warmup, double seconds, int requestsPerWorker,
               ServerStats server) throws InterruptedException {
        if (warmup > 0) {
            warm(workload, concurrency, warmup);
        }
        ServerStats.Sample before = server.sample();
        long start = System.nanoTime();
        Worker[] workers = drive(workload, concurrency, seconds, requestsPerWorker, server);
        double elapsed = (System.nanoTime() - start) / 1e9;
        ServerStats.Usage usage = server.since(before);
        long requests = 0;
        long errors = 0;
        String firstError = null;
        List<long[]> all = new ArrayList<>();
        for (Worker w : workers) {
            requests += w.count;
            errors += w.errors;
            firstError = firstError == null ? w.firstError : firstError;
            all.add(Arrays.copyOf(w.latencies, w.count));
        }
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(workload.name(), concurrency, requests, errors, elapsed, latencies, firstError, usage);
    }

    private Worker[] drive(Workload workload, int concurrency, double seconds, int requestsPerWorker,
                           ServerStats server) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        Worker[] workers = new Worker[concurrency];
        Thread[] threads = new Thread[concurrency];
        AtomicReference<Throwable> crash = new AtomicReference<>();
        for (int i = 0; i < concurrency; i++) {
            workers[i] = new Worker(workload, i, concurrency, deadline, requestsPerWorker);
            threads[i] = new Thread(workers[i], workload.name() + "-" + i);
            threads[i].setUncaughtExceptionHandler((t, e) -> crash.set(e));
            threads[i].start();
        }
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                thread.join(100);
                if (server != null) {
                    server.sampleMemory();
                }
            }
        }
        if (crash.get() != null) {
            throw new IllegalStateException("a load worker failed", crash.get());
        }
        return workers;
    }

    private final class Worker implements Runnable {
        final Workload workload;
        final int index;
        final int stride;
        final long deadline;
        final int limit;
        long[] latencies = new long[1 << 14];
        int count;
        long errors;
        String firstError;

        Worker(Workload workload, int index, int stride, long deadline, int limit) {
            this.workload = workload;
            this.index = index;
            this.stride = stride;
            this.deadline = deadline;
            this.limit = limit;
        }

        @Override
        public void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try (Wire wire = new Wire(base)) {
                for (long sequence = index; limit > 0 ? count < limit : System.nanoTime() < deadline;
                     sequence += stride) {
                    Call call = workload.next().apply(new Next(random, sequence, index));
                    long begin = System.nanoTime();
                    String error;
                    try {
                        error = call.check(wire.send(call.method(), call.path(), call.headers(), call.body()));
                    } catch (java.io.IOException e) {
                        error = call.method() + " " + call.path() + " failed: " + e;
                    }
                    record(System.nanoTime() - begin);
                    if (error != null) {
                        errors++;
                        firstError = firstError == null ? error : firstError;
                    }
                }
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }
}
