package dev.roster.bench;

import dev.roster.bench.Load.Call;
import dev.roster.bench.Load.Result;
import dev.roster.bench.Load.Workload;
import dev.roster.it.Api;
import dev.roster.it.RosterProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Roster's benchmark: starts Roster (or takes the URL of a running one), seeds a tenant through the API, runs
 * every workload at each concurrency and prints a Markdown table. In smoke mode it runs a few hundred requests
 * and fails unless every answer was correct; it never judges speed.
 *
 * <p>Options are system properties, listed in {@link Options}; {@code mvn -Pbench verify} passes them on.
 */
public final class Benchmark {

    static final String TOKEN = "/api/v1/provisioning/token";
    static final String USERS = "/api/v1/provisioning/users";

    private final Options options;
    private final StringBuilder report = new StringBuilder();

    Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.fromSystemProperties();
        List<Result> results = new Benchmark(options).run();
        long failed = results.stream().filter(r -> r.errors() > 0).count();
        if (options.smoke() && failed > 0) {
            System.exit(1);
        }
    }

    /** Runs the whole benchmark and returns every result; the report goes to standard output and a file. */
    List<Result> run() throws Exception {
        RosterProcess started = null;
        try {
            URI base;
            long pid = options.pid();
            if (options.url().isEmpty()) {
                Map<String, String> env = new java.util.HashMap<>(Map.of(
                        "ROSTER_BOOTSTRAP_ADMIN_USERNAME", options.operator(),
                        "ROSTER_BOOTSTRAP_ADMIN_PASSWORD", options.operatorPassword()));
                if (!options.dbUrl().isEmpty()) { // PostgreSQL instead of the embedded Derby
                    env.put("ROSTER_DB_URL", options.dbUrl());
                    env.put("ROSTER_DB_USER", options.dbUser());
                    env.put("ROSTER_DB_PASSWORD", options.dbPassword());
                }
                started = RosterProcess.start(options.work(), options.data(), env);
                base = started.url().toURI();
                pid = started.pid();
                line("Roster started in %,d ms (java %s -jar payara-micro.jar --deploy roster.war --nohazelcast --disablephonehome, data in %s)",
                        started.startupMillis(), String.join(" ", RosterProcess.jvmOptions()), options.data());
                line("Database: %s", options.dbUrl().isEmpty() ? "embedded Derby in the data folder" : options.dbUrl());
            } else {
                base = URI.create(options.url());
            }
            ServerStats server = ServerStats.of(pid);
            Setup setup = Setup.prepare(new Api(base.toURL()), options, this::line);
            Seeder.Seeded seeded = new Seeder(base, setup, options, this::line).seed(server);
            List<Result> results = new ArrayList<>();
            Load load = new Load(base);
            List<Workload> workloads = workloads(setup, seeded);
            if (!options.smoke()) { // the JIT compiles what every workload runs before any is measured
                int most = options.concurrency().stream().max(Integer::compare).orElse(1);
                line("Warming up: each workload for %s s at concurrency %d", options.warmup(), most);
                for (Workload workload : workloads) {
                    setup.refreshToken();
                    load.warm(workload, most, options.warmup());
                }
            }
            for (Workload workload : workloads) {
                for (int concurrency : options.concurrency()) {
                    setup.refreshToken();
                    Result result = load.run(workload, concurrency, options.smoke() ? 0 : options.warmup(),
                            options.seconds(), options.smoke() ? options.smokeRequests() : 0, server);
                    results.add(result);
                    System.out.println(format(result));
                    if (result.firstError() != null) {
                        System.out.println("    first error: " + result.firstError());
                    }
                }
            }
            report(results, started, server, seeded);
            return results;
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    /** The workloads of the issue, in its order, over the seeded tenant. */
    List<Workload> workloads(Setup setup, Seeder.Seeded seeded) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        int users = seeded.users();
        List<Workload> all = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong created = new java.util.concurrent.atomic.AtomicLong();
        all.add(new Workload("create user", n -> {
            String username = "c" + run + "-" + created.getAndIncrement();
            return new Call("PUT", USERS + "/" + username, setup.bearer(), Seeder.userJson(username,
                    username + "@" + setup.tenant() + ".example", Seeder.FIRST[n.random().nextInt(Seeder.FIRST.length)],
                    Seeder.LAST[n.random().nextInt(Seeder.LAST.length)], "USER",
                    Seeder.username(Seeder.managerOf(1 + n.random().nextInt(users - 1))), null, null),
                    201, "\"username\":\"" + username + "\"");
        }));
        all.add(new Workload("read user", n -> {
            String username = Seeder.username(n.random().nextInt(users));
            return new Call("GET", USERS + "/" + username, setup.bearer(), null, 200, "\"username\":\"" + username + "\"");
        }));
        all.add(new Workload("q search (e-mail)", n -> {
            int i = 1 + n.random().nextInt(users - 1);
            return new Call("GET", USERS + "?q=" + encode(Seeder.email(i, setup.tenant())), setup.bearer(), null, 200,
                    "\"username\":\"" + Seeder.username(i) + "\"");
        }));
        all.add(new Workload("list page 0", n -> new Call("GET", USERS + "?page=0&size=25", setup.bearer(), null, 200,
                "\"content\":[{\"id\":")));
        boolean deepExists = users >= 100_025; // users the create workload added sort first ("c…"), so any name
        all.add(new Workload("list page 4000", n -> new Call("GET", USERS + "?page=4000&size=25", setup.bearer(), null,
                200, deepExists ? "\"content\":[{\"id\":" : "\"page\":4000")));
        all.add(new Workload("grant privilege", n -> {
            int i = seeded.leafAt(n.sequence()); // concurrent grants to one user race; the loser gets 409
            String until = Instant.now().plus(30 + n.random().nextInt(700), ChronoUnit.DAYS)
                    .truncatedTo(ChronoUnit.SECONDS).toString();
            return new Call("PUT", USERS + "/" + Seeder.username(i) + "/privilege", setup.bearer(),
                    "{\"role\":\"USER\",\"activeFrom\":\"2020-01-01T00:00:00Z\",\"activeUntil\":\"" + until + "\"}",
                    200, "\"activeUntil\":\"" + until + "\"");
        }));
        all.add(new Workload("list audit events", n -> new Call("GET", "/api/v1/provisioning/events?page=0&size=20",
                setup.bearer(), null, 200, "\"content\":[{")));
        all.add(new Workload("token (API key)", n -> new Call("POST", TOKEN, Map.of("Content-Type",
                "application/x-www-form-urlencoded"), "grant_type=client_credentials&client_secret=" + encode(setup.apiKey()),
                200, "\"access_token\":")));
        all.add(new Workload("read user (x-app-token)", n -> {
            String username = Seeder.username(n.random().nextInt(users));
            return new Call("GET", USERS + "/" + username, Map.of("x-app-token", setup.apiKey()), null, 200,
                    "\"username\":\"" + username + "\"");
        }));
        return all.stream().filter(w -> options.only().isEmpty() || options.only().stream()
                .anyMatch(o -> w.name().toLowerCase(Locale.ROOT).contains(o))).toList();
    }

    private void report(List<Result> results, RosterProcess started, ServerStats server, Seeder.Seeded seeded)
            throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("| workload | concurrency | requests | errors | requests/s | p50 ms | p95 ms | p99 ms | server CPU s "
                + "| server peak RSS MiB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %,d | %d | %,.0f | %.2f | %.2f | %.2f | %.1f | %s |%n",
                    r.workload(), r.concurrency(), r.requests(), r.errors(), r.perSecond(), r.percentileMillis(50),
                    r.percentileMillis(95), r.percentileMillis(99), r.usage().cpuSeconds(),
                    r.usage().peakRssMib() < 0 ? "?" : Long.toString(r.usage().peakRssMib())));
        }
        StringBuilder out = new StringBuilder();
        out.append("## ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(options.smoke() ? " (smoke)" : "")
                .append("\n\n").append(Machine.describe()).append("\n");
        out.append("- command: `").append(options.command()).append("`\n");
        out.append("- tenant: ").append(String.format(Locale.ROOT, "%,d", seeded.users())).append(" seeded users")
                .append(seeded.seedRate() > 0 ? String.format(Locale.ROOT, " (seeded now at %,.0f users/s through "
                        + "`PUT /users/{username}`, concurrency %d)", seeded.seedRate(), options.seedConcurrency())
                        : " (seeded earlier)").append('\n');
        if (started != null) {
            out.append(String.format(Locale.ROOT, "- start-up to a healthy `/health`: %,d ms%n", started.startupMillis()));
        }
        if (server.known()) {
            out.append(String.format(Locale.ROOT, "- server peak RSS over the whole run (VmHWM): %,d MiB%n",
                    server.lifetimePeakRssMib()));
        }
        out.append(String.format(Locale.ROOT, "- each workload: %s at each concurrency%n%n", options.smoke()
                ? options.smokeRequests() + " requests per worker" : "one warm-up pass over all workloads first ("
                + options.warmup() + " s each), then " + options.warmup() + " s warm-up and " + options.seconds()
                + " s measured"));
        out.append(report).append('\n').append(table);
        System.out.println();
        System.out.println(out);
        Files.createDirectories(options.work());
        Path file = options.work().resolve("benchmark-report.md");
        Files.writeString(file, out.toString());
        System.out.println("The report is also in " + file);
    }

    private static String format(Result r) {
        return String.format(Locale.ROOT, "%-26s c=%d  %,8d requests  %,9.0f/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms"
                        + "  errors %d  cpu %.1f s  rss %d MiB", r.workload(), r.concurrency(), r.requests(), r.perSecond(),
                r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99), r.errors(),
                r.usage().cpuSeconds(), r.usage().peakRssMib());
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append("- ").append(text).append('\n');
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The options, each a system property {@code bench.*}. */
    record Options(String url, long pid, int users, List<Integer> concurrency, int seedConcurrency, double warmup,
                   double seconds, boolean smoke, int smokeRequests, String tenantLabel, Path data, Path work,
                   String operator, String operatorPassword, List<String> only, String dbUrl, String dbUser,
                   String dbPassword) {

        static Options fromSystemProperties() {
            return from(System.getProperties()::getProperty);
        }

        /** Reads each option {@code bench.*} through {@code lookup}, which answers null for an option not set. */
        static Options from(java.util.function.UnaryOperator<String> lookup) {
            java.util.function.BinaryOperator<String> get = (key, fallback) -> {
                String value = lookup.apply("bench." + key);
                return value == null || value.isBlank() ? fallback : value.strip();
            };
            boolean smoke = Boolean.parseBoolean(get.apply("smoke", "false"));
            int users = Integer.parseInt(get.apply("users", smoke ? "200" : "100000"));
            Path work = Path.of(get.apply("work", "target/bench"));
            return new Options(get.apply("url", ""), Long.parseLong(get.apply("pid", "-1")), users,
                    list(get.apply("concurrency", "1,4")).stream().map(Integer::valueOf).toList(),
                    Integer.parseInt(get.apply("seed-concurrency", "4")),
                    Double.parseDouble(get.apply("warmup", "10")), Double.parseDouble(get.apply("seconds", "10")),
                    smoke, Integer.parseInt(get.apply("smoke-requests", "15")), get.apply("tenant", "bench-" + users),
                    Path.of(get.apply("data", work.resolve("data-" + users).toString())), work,
                    get.apply("operator", "admin"), get.apply("operator-password", "bench-operator-password"),
                    list(get.apply("only", "").toLowerCase(Locale.ROOT)), get.apply("db-url", ""),
                    get.apply("db-user", ""), get.apply("db-password", ""));
        }

        String command() {
            StringBuilder command = new StringBuilder("mvn -Pbench verify");
            System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("bench.")
                    && !n.equals("bench.operator-password") && !n.equals("bench.db-password")).sorted()
                    .forEach(n -> command.append(" -D").append(n).append('=').append(System.getProperty(n)));
            return command.toString();
        }

        private static List<String> list(String csv) {
            return csv.isBlank() ? List.of() : List.of(csv.split("\\s*,\\s*"));
        }
    }

    /** The tenant, its administrator's credentials, and a fresh token for each run. */
    static final class Setup {
        private final Api api;
        private final String tenant;
        private final String apiKey;
        private volatile Map<String, String> bearer;

        private Setup(Api api, String tenant, String apiKey) {
            this.api = api;
            this.tenant = tenant;
            this.apiKey = apiKey;
        }

        static Setup prepare(Api api, Options options, LineSink log) {
            String operatorToken = api.token(options.operator(), options.operatorPassword(), null);
            String tenant = options.tenantLabel();
            if (api.get("/api/v1/tenants/" + tenant).as(operatorToken).send().status() == 404) {
                api.post("/api/v1/tenants").as(operatorToken).json("{\"label\":\"" + tenant + "\",\"name\":\"Benchmark "
                        + tenant + "\"}").send().expect(201);
                log.line("created tenant %s", tenant);
            }
            Api.Answer admin = api.get(USERS + "/" + Seeder.username(0)).as(operatorToken).tenant(tenant).send();
            if (admin.status() == 404) {
                api.put(USERS + "/" + Seeder.username(0)).as(operatorToken).tenant(tenant).json(Seeder.userJson(
                        Seeder.username(0), Seeder.email(0, tenant), "Ada", "Root", "ADMINISTRATOR", null,
                        Seeder.ADMIN_PASSWORD, null))
                        .send().expect(201);
            }
            Setup setup = new Setup(api, tenant, null);
            setup.refreshToken();
            String key = api.post("/api/v1/provisioning/api-keys").as(setup.token()).json("{\"name\":\"benchmark "
                    + Instant.now() + "\"}").send().expect(201).json().getString("apiToken");
            Setup ready = new Setup(api, tenant, key);
            ready.refreshToken();
            return ready;
        }

        void refreshToken() {
            bearer = Map.of("Authorization", "Bearer " + api.token(Seeder.username(0), Seeder.ADMIN_PASSWORD, tenant),
                    "Content-Type", "application/json");
        }

        String token() {
            return bearer.get("Authorization").substring("Bearer ".length());
        }

        Map<String, String> bearer() {
            return bearer;
        }

        String tenant() {
            return tenant;
        }

        String apiKey() {
            return apiKey;
        }
    }

    @FunctionalInterface
    interface LineSink {
        void line(String format, Object... args);
    }

    /** The machine the benchmark ran on, for the report. */
    static final class Machine {
        static String describe() {
            String cpu = "?";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
            } catch (IOException ignored) {
                // not Linux
            }
            return String.format(Locale.ROOT, "- machine: %d cores (%s), %,d MiB RAM, %s %s; load generator and Roster "
                            + "on the same cores%n- Java: %s%n- Roster commit: %s%n",
                    Runtime.getRuntime().availableProcessors(), cpu, totalMemoryMib(), System.getProperty("os.name"),
                    System.getProperty("os.version"), System.getProperty("java.vm.version"), commit());
        }

        private static long totalMemoryMib() {
            try {
                return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                        .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(-1L);
            } catch (IOException e) {
                return -1;
            }
        }

        private static String commit() {
            try {
                Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
                String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                return git.waitFor() == 0 ? out : "unknown";
            } catch (IOException | InterruptedException e) {
                return "unknown";
            }
        }
    }
}
