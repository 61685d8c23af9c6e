package dev.roster.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The last step of {@code mvn verify}: counts the unit tests (Surefire's reports) and the system tests (Failsafe's)
 * that ran, prints both, and fails the build when any test was skipped: a skipped test proves nothing.
 * {@code .ci/run} also fails when no system test ran.
 */
public final class TestTally {

    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");

    record Tally(int tests, int skipped, int failed) {
        Tally plus(Tally other) {
            return new Tally(tests + other.tests, skipped + other.skipped, failed + other.failed);
        }
    }

    private TestTally() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "target");
        Tally unit = tally(target.resolve("surefire-reports"));
        Tally derby = tally(target.resolve("failsafe-reports"));
        Tally postgresql = tally(target.resolve("failsafe-reports-postgresql"));
        Tally system = derby.plus(postgresql);
        System.out.printf("Tests run: %d unit tests (Surefire), %d system tests (Failsafe, over HTTP against real"
                + " Payara Micro: %d on Derby, %d on PostgreSQL); %d skipped, %d failed%n", unit.tests(), system.tests(),
                derby.tests(), postgresql.tests(), unit.skipped() + system.skipped(), unit.failed() + system.failed());
        if (unit.skipped() + system.skipped() > 0) {
            throw new IllegalStateException((unit.skipped() + system.skipped()) + " tests were skipped; a skipped"
                    + " test proves nothing: make it run or delete it");
        }
    }

    /** The sum over every {@code TEST-*.xml} report in {@code reports}; nothing when the folder is absent. */
    static Tally tally(Path reports) throws IOException {
        Tally sum = new Tally(0, 0, 0);
        if (!Files.isDirectory(reports)) {
            return sum;
        }
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                Matcher suite = SUITE.matcher(Files.readString(file));
                if (suite.find()) {
                    String head = suite.group();
                    sum = sum.plus(new Tally(attribute(head, "tests"), attribute(head, "skipped"),
                            attribute(head, "failures") + attribute(head, "errors")));
                }
            }
        }
        return sum;
    }

    private static int attribute(String element, String name) {
        Matcher value = Pattern.compile("\\s" + name + "=\"(\\d+)\"").matcher(element);
        return value.find() ? Integer.parseInt(value.group(1)) : 0;
    }
}
