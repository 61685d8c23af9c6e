package dev.roster.operations;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log's format, {@code roster.log.format}: {@code text} (Payara's one-record-per-block format, the default) or
 * {@code json}, one JSON object per line with {@code time}, {@code level}, {@code logger}, {@code thread},
 * {@code message}, the stack trace as {@code exception} when there is one, and the access line's fields
 * ({@link Exchanges}) as members of their own. It applies to every record from Roster's start on: Payara's own
 * included, since it is the process's console handler that is set; a line some library prints on standard output
 * or error becomes a record of logger {@code stdout} or {@code stderr}.
 */
public final class LogFormat {

    public static final String KEY = "roster.log.format";

    private LogFormat() {
    }

    /** Sets the format named (null is the default); an unknown name fails the start, naming the ones there are. */
    public static void apply(String format) {
        String name = format == null || format.isBlank() ? "text" : format.strip().toLowerCase(Locale.ROOT);
        switch (name) {
            case "text" -> {
            }
            case "json" -> {
                JsonLines json = new JsonLines();
                for (Handler handler : Logger.getLogger("").getHandlers()) {
                    handler.setFormatter(json);
                }
                System.setOut(new PrintStream(new Wrapped(System.out, "stdout", json), true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(new Wrapped(System.err, "stderr", json), true, StandardCharsets.UTF_8));
            }
            default -> throw new IllegalArgumentException(KEY + " is '" + format + "'; it may be text or json");
        }
    }

    /** A standard stream whose every line becomes a JSON record: nothing breaks the one-object-per-line rule. */
    static final class Wrapped extends OutputStream {
        private final PrintStream target;
        private final String name;
        private final JsonLines json;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Wrapped(PrintStream target, String name, JsonLines json) {
            this.target = target;
            this.name = name;
            this.json = json;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else {
                line.write(b);
            }
        }

        private void flushLine() {
            String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
            line.reset();
            if (!text.isEmpty()) {
                LogRecord record = new LogRecord(Level.INFO, text);
                record.setLoggerName(name);
                target.print(json.format(record));
                target.flush();
            }
        }
    }

    /** One JSON object per record, on one line. */
    static final class JsonLines extends Formatter {

        @Override
        public String format(LogRecord record) {
            JsonObjectBuilder line = Json.createObjectBuilder()
                    .add("time", Instant.ofEpochMilli(record.getMillis()).toString())
                    .add("level", record.getLevel().getName())
                    .add("logger", record.getLoggerName() == null ? "" : record.getLoggerName())
                    .add("thread", Thread.currentThread().getName())
                    .add("message", formatMessage(record));
            if (record.getParameters() != null && record.getParameters().length == 1
                    && record.getParameters()[0] instanceof Map<?, ?> fields) {
                fields.forEach((name, value) -> add(line, String.valueOf(name), value));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.add("exception", trace.toString());
            }
            return line.build().toString() + System.lineSeparator();
        }

        private static void add(JsonObjectBuilder line, String name, Object value) {
            if (value instanceof Integer number) {
                line.add(name, number);
            } else if (value instanceof Long number) {
                line.add(name, number);
            } else if (value instanceof Double number) {
                line.add(name, number);
            } else if (value == null) {
                line.addNull(name);
            } else {
                line.add(name, value.toString());
            }
        }
    }
}
