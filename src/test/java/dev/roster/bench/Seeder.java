package dev.roster.bench;

import dev.roster.bench.Benchmark.LineSink;
import dev.roster.bench.Benchmark.Options;
import dev.roster.bench.Benchmark.Setup;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fills the benchmark tenant with users through {@code PUT /users/{username}}, each with its privilege and its
 * manager in one request. The hierarchy is a tree with eight reports per manager, numbered level by level, so
 * user {@code i} reports to {@code (i - 1) / 8}: the administrator {@code u0000000} at the top, MANAGEMENT on
 * the next two levels, TEAM_LEADER above the leaves, and USER (one in a hundred INTERNAL_AUDITING) at the
 * leaves; every tenth leaf is a contractor whose privilege ends in two years.
 */
final class Seeder {

    static final String ADMIN_PASSWORD = "benchmark-admin-password";
    static final int FAN_OUT = 8;
    static final String[] FIRST = {"Anna", "Bjorn", "Carla", "Dmitri", "Elin", "Farid", "Greta", "Hiro", "Ines",
        "Jonas", "Kari", "Luis", "Maja", "Nils", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera",
        "Wei", "Ximena", "Yusuf", "Zoe", "Arni", "Birta", "Hannes", "Sigrun"};
    static final String[] LAST = {"Andersen", "Berg", "Costa", "Dahl", "Eriksen", "Fischer", "Gunnarsson", "Hansen",
        "Ibrahim", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Olsen", "Petrov", "Quist", "Rossi", "Silva",
        "Tanaka", "Ulfsdottir", "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Magnusson", "Novak", "Okafor", "Park",
        "Reyes", "Stefansdottir", "Thorsen", "Usman", "Vasquez", "Wagner", "Young", "Zielinski", "Haraldsson", "Lund"};

    /** The seeded tenant: how many users, and how fast they were created (0 when seeded by an earlier run). */
    record Seeded(int users, double seedRate) {

        /**
         * A user without reports, for a worker's request number: workers number their requests apart
         * (worker + k * workers), so no two workers write the same user at the same time, as no two integrations
         * would.
         */
        int leafAt(long sequence) {
            int first = (users + FAN_OUT - 2) / FAN_OUT;
            return first + (int) (sequence % (users - first));
        }
    }

    private final URI base;
    private final Setup setup;
    private final Options options;
    private final LineSink log;

    Seeder(URI base, Setup setup, Options options, LineSink log) {
        this.base = base;
        this.setup = setup;
        this.options = options;
        this.log = log;
    }

    static String username(int i) {
        return String.format(Locale.ROOT, "u%07d", i);
    }

    static int managerOf(int i) {
        return (i - 1) / FAN_OUT;
    }

    static String email(int i, String tenant) {
        return (FIRST[i % FIRST.length] + "." + LAST[(i / 7) % LAST.length] + "." + i).toLowerCase(Locale.ROOT)
                + "@" + tenant + ".example";
    }

    static String userJson(String username, String email, String first, String last, String role, String manager,
                           String password, String activeUntil) {
        return "{\"email\":\"" + email + "\",\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\","
                + "\"country\":\"ISL\",\"timeZone\":\"Atlantic/Reykjavik\","
                + (manager == null ? "" : "\"manager\":\"" + manager + "\",")
                + (password == null ? "" : "\"password\":\"" + password + "\",")
                + "\"tenantUserPrivileges\":[{\"role\":\"" + role + "\",\"activeFrom\":\"2020-01-01T00:00:00Z\","
                + "\"activeUntil\":" + (activeUntil == null ? "null" : "\"" + activeUntil + "\"") + "}]}";
    }

    Seeded seed(ServerStats server) throws Exception {
        int users = options.users();
        try (Wire wire = new Wire(base)) {
            if (wire.send("GET", Benchmark.USERS + "/" + username(users - 1), setup.bearer(), null).status() == 200) {
                log.line("tenant %s already holds the %,d seeded users", setup.tenant(), users);
                return new Seeded(users, 0);
            }
        }
        String until = Instant.now().plus(730, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        long begin = System.nanoTime();
        int levelStart = 1;
        long lastReport = begin;
        while (levelStart < users) {
            int levelEnd = (int) Math.min(users, (long) levelStart * FAN_OUT + 1);
            int depth = depth(levelStart);
            seedLevel(levelStart, levelEnd, depth, until);
            levelStart = levelEnd;
            if (System.nanoTime() - lastReport > 10e9 || levelStart >= users) {
                lastReport = System.nanoTime();
                System.out.printf(Locale.ROOT, "seeded %,d of %,d users (%,.0f/s)%n", levelStart, users,
                        levelStart / ((lastReport - begin) / 1e9));
            }
        }
        double rate = (users - 1) / ((System.nanoTime() - begin) / 1e9);
        return new Seeded(users, rate);
    }

    private static int depth(int i) {
        int depth = 0;
        for (long start = 0; start <= i; start = start * FAN_OUT + 1) {
            depth++;
        }
        return depth - 1;
    }

    private void seedLevel(int from, int to, int depth, String until) throws InterruptedException {
        AtomicLong next = new AtomicLong(from);
        AtomicReference<String> failure = new AtomicReference<>();
        Thread[] workers = new Thread[options.seedConcurrency()];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> {
                try (Wire wire = new Wire(base)) {
                    for (long i = next.getAndIncrement(); i < to && failure.get() == null; i = next.getAndIncrement()) {
                        Wire.Answer answer = wire.send("PUT", Benchmark.USERS + "/" + username((int) i),
                                setup.bearer(), body((int) i, depth, until));
                        if (answer.status() != 201 && answer.status() != 200) {
                            failure.compareAndSet(null, username((int) i) + ": " + answer.status() + " " + answer.body());
                        }
                        if (i % 50_000 == 0) {
                            setup.refreshToken(); // a long seed outlives a token
                        }
                    }
                } catch (IOException e) {
                    failure.compareAndSet(null, e.toString());
                }
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("seeding failed: " + failure.get());
        }
    }

    private String body(int i, int depth, String until) {
        boolean leaf = (long) i * FAN_OUT + 1 >= options.users();
        String role = !leaf ? (depth <= 2 ? "MANAGEMENT" : "TEAM_LEADER") : i % 100 == 0 ? "INTERNAL_AUDITING" : "USER";
        return userJson(username(i), email(i, setup.tenant()), FIRST[i % FIRST.length], LAST[(i / 7) % LAST.length],
                role, username(managerOf(i)), null, leaf && i % 10 == 3 ? until : null);
    }
}
