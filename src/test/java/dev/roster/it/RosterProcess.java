package dev.roster.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro process running the packaged WAR as the README tells an operator to start it: {@code java
 * <Roster's JVM options> -jar payara-micro.jar --deploy roster.war --port P --nohazelcast --disablephonehome
 * --logproperties src/main/payara/logging.properties --postbootcommandfile src/main/payara/post-boot-commands.asadmin}:
 * the options of the README's run command ({@code mvn -DskipTests package exec:exec@run}) and nothing else. Or,
 * with {@link #startByRunScript}, the run command's own script, {@code src/main/payara/run.sh}, with its root folder.
 */
public record RosterProcess(Process process, Path logFile, int port, long startupMillis) implements AutoCloseable {

    /** Where {@link #freePort} looks: below 32768, where Linux starts handing out the ports of outgoing connections. */
    static final int PORTS_FROM = 20_000;
    static final int PORTS_TO = 32_000;

    /**
     * A port free now, below the range the kernel gives outgoing connections: a port from that range (what
     * {@code new ServerSocket(0)} answers) was once taken by one of the tests' own client connections between this
     * check and Payara's bind, and Roster never started ("GrizzlyProxy is NULL").
     */
    static int freePort() {
        for (int tries = 0; tries < 200; tries++) {
            int port = ThreadLocalRandom.current().nextInt(PORTS_FROM, PORTS_TO);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between " + PORTS_FROM + " and " + PORTS_TO);
    }

    /**
     * Starts Roster on a free port with its data in {@code data} and waits until {@code /health} is UP. No
     * {@code ROSTER_*} variable of the calling environment is passed on, so Roster runs with its production
     * defaults but for what {@code env} sets.
     */
    public static RosterProcess start(Path work, Path data, Map<String, String> env) throws Exception {
        return start(work, data, env, direct());
    }

    /** Payara could not bind the port it was given ("GrizzlyProxy is NULL"): someone else holds it. */
    static final class PortTaken extends IllegalStateException {
        PortTaken(String message) {
            super(message);
        }
    }

    /**
     * Starts Roster as the run command does, through {@code src/main/payara/run.sh} with its Payara Micro root
     * folder in {@code root}, on a free port with its data in {@code data}, and waits until {@code /health} is UP.
     */
    public static RosterProcess startByRunScript(Path work, Path root, Path data, Map<String, String> env)
            throws Exception {
        return start(work, data, env, runScript(root, "PORT"));
    }

    /** {@link #startByRunScript} on a given port, which may still be taken when this is called. */
    static RosterProcess startByRunScript(Path work, Path root, Path data, Map<String, String> env, int port)
            throws Exception {
        return start(work, data, env, runScript(root, "PORT"), port);
    }

    /** The run command's script ({@code src/main/payara/run.sh}) with its arguments, for Roster on {@code port}. */
    static List<String> runScript(Path root, String port) {
        List<String> command = new ArrayList<>(List.of("bash", new File("src/main/payara/run.sh").getAbsolutePath(),
                java(), payaraMicroJar(), war(), root.toAbsolutePath().toString(), port,
                String.join(" ", jvmOptions())));
        command.addAll(payaraOptions());
        return command;
    }

    /** The README's {@code java … -jar payara-micro.jar …} line, with {@code PORT} for the port. */
    private static List<String> direct() {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", payaraMicroJar(), "--deploy", war(), "--port", "PORT", "--nohazelcast",
                "--disablephonehome"));
        command.addAll(payaraOptions());
        return command;
    }

    private static RosterProcess start(Path work, Path data, Map<String, String> env, List<String> command)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return start(work, data, env, command, freePort());
            } catch (PortTaken taken) { // another process bound the port between freePort() and Payara's bind
                if (attempt == 3) {
                    throw taken;
                }
            }
        }
    }

    /** Runs {@code command} with its argument {@code PORT} replaced by {@code port}. */
    private static RosterProcess start(Path work, Path data, Map<String, String> env, List<String> command,
            int port) throws Exception {
        Files.createDirectories(work);
        Path log = Files.createTempFile(work, "payara", ".log");
        List<String> resolved = command.stream()
                .map(argument -> argument.equals("PORT") ? Integer.toString(port) : argument).toList();
        ProcessBuilder builder = new ProcessBuilder(resolved).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ROSTER_"));
        builder.environment().put("ROSTER_DATA_DIR", data.toAbsolutePath().toString());
        builder.environment().putAll(env);
        long begin = System.nanoTime();
        Process process = builder.start();
        awaitHealthy(process, log, port);
        return new RosterProcess(process, log, port, (System.nanoTime() - begin) / 1_000_000);
    }

    public URL url() throws IOException {
        return new URL("http://localhost:" + port + "/");
    }

    public long pid() {
        return process.pid();
    }

    public String log() throws IOException {
        return Files.readString(logFile);
    }

    private static void awaitHealthy(Process process, Path log, int port) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        Api api = new Api(new URL("http://localhost:" + port + "/"));
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited: " + Files.readString(log));
            }
            try {
                if (api.get("/health").send().body().contains("\"UP\"")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            if (Files.readString(log).contains("GrizzlyProxy is NULL")) {
                process.destroyForcibly();
                process.waitFor(60, TimeUnit.SECONDS);
                throw new PortTaken("Payara Micro could not bind port " + port + ": " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Roster did not become healthy: " + Files.readString(log));
    }

    /** Ends the process at once, as {@code kill -9} does: no shutdown of any kind runs. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String war() {
        return new File(System.getProperty("roster.war", "target/roster.war")).getAbsolutePath();
    }

    /** The run command's logging properties and post-boot commands. */
    private static List<String> payaraOptions() {
        return List.of("--logproperties", new File(System.getProperty("roster.logging.properties",
                "src/main/payara/logging.properties")).getAbsolutePath(), "--postbootcommandfile",
                new File(System.getProperty("roster.post-boot-commands", "src/main/payara/post-boot-commands.asadmin"))
                        .getAbsolutePath());
    }

    /** Roster's JVM options, as the pom gives them to the run command ({@code roster.jvm.options}). */
    public static List<String> jvmOptions() {
        String options = System.getProperty("roster.jvm.options", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private static String payaraMicroJar() {
        String configured = System.getProperty("roster.payara.jar");
        if (configured != null && new File(configured).isFile()) {
            return configured;
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (new File(entry).getName().startsWith("payara-micro-")) {
                return entry;
            }
        }
        throw new IllegalStateException("payara-micro is not on the test class path");
    }
}
