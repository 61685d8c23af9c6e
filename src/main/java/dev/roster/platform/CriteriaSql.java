package dev.roster.platform;

import dev.roster.problem.InvalidInput;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link Criteria} as a SQL condition with {@code ?} parameters, over the columns a feature names for its fields.
 * Every comparison is two-valued (a field without a value neither equals nor contains anything, and is not equal to
 * anything), so that {@code not} means what it says where a column is NULL.
 */
public final class CriteriaSql {

    /** The SQL of one field: how it compares with a value, adding the parameters it uses. */
    public interface Column {
        String compare(Criteria.Op op, Object value, List<Object> parameters);
    }

    private final Map<String, Column> columns;
    private final List<Object> parameters = new ArrayList<>();

    private CriteriaSql(Map<String, Column> columns) {
        this.columns = columns;
    }

    /** The condition and its parameters. */
    public record Where(String sql, List<Object> parameters) {
    }

    /** {@code criteria} over {@code columns}; a field without a column is a 400 that names the fields there are. */
    public static Where of(Criteria criteria, Map<String, Column> columns) {
        CriteriaSql sql = new CriteriaSql(columns);
        String condition = sql.condition(criteria);
        return new Where(condition, List.copyOf(sql.parameters));
    }

    /** Binds positional parameters ({@code ?1}, {@code ?2}, … of a native query) in order. */
    public static Query bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    private String condition(Criteria criteria) {
        if (criteria instanceof Criteria.Compare compare) {
            Column column = columns.get(compare.field());
            if (column == null) {
                throw InvalidInput.filter("cannot compare " + compare.field() + "; fields that can be "
                        + "compared are " + String.join(", ", columns.keySet().stream().sorted().toList()));
            }
            return column.compare(compare.op(), compare.value(), parameters);
        }
        if (criteria instanceof Criteria.All all) {
            return join(all.parts(), " AND ");
        }
        if (criteria instanceof Criteria.Any any) {
            return join(any.parts(), " OR ");
        }
        if (criteria instanceof Criteria.Not not) {
            return "NOT (" + condition(not.part()) + ")";
        }
        return "1 = 1";
    }

    private String join(List<Criteria> parts, String operator) {
        StringBuilder sql = new StringBuilder("(");
        for (Criteria part : parts) {
            sql.append(sql.length() == 1 ? "" : operator).append(condition(part));
        }
        return sql.append(')').toString();
    }

    /**
     * A text column. {@code lowerCase}: the column holds the value in lower case (an indexed copy), so the value is
     * compared in lower case too; otherwise {@code caseExact} says whether case counts ({@code LOWER} on both sides
     * when it does not).
     */
    public static Column text(String column, boolean lowerCase, boolean caseExact) {
        return (op, value, parameters) -> {
            if (op == Criteria.Op.PRESENT) {
                return "(" + column + " IS NOT NULL AND " + column + " <> '')";
            }
            if (!(value instanceof String text)) {
                throw InvalidInput.filter("compares a text with " + describe(value) + "; put the value in "
                        + "double quotes");
            }
            String expression = lowerCase || caseExact ? column : "LOWER(" + column + ")";
            String operand = lowerCase || !caseExact ? text.toLowerCase(Locale.ROOT) : text;
            return switch (op) {
                case CONTAINS -> like(column, expression, "%" + escape(operand) + "%", parameters);
                case STARTS_WITH -> like(column, expression, escape(operand) + "%", parameters);
                case ENDS_WITH -> like(column, expression, "%" + escape(operand), parameters);
                default -> ordered(column, expression, op, operand, parameters);
            };
        };
    }

    /** A timestamp column. */
    public static Column time(String column) {
        return (op, value, parameters) -> {
            if (op == Criteria.Op.PRESENT) {
                return "(" + column + " IS NOT NULL)";
            }
            if (!(value instanceof Instant instant)) {
                throw InvalidInput.filter("compares a date and time with " + describe(value)
                        + "; write it as in RFC 3339, such as \"2026-11-30T12:00:00Z\"");
            }
            if (op == Criteria.Op.CONTAINS || op == Criteria.Op.STARTS_WITH || op == Criteria.Op.ENDS_WITH) {
                throw InvalidInput.filter("co, sw and ew compare texts, not dates and times");
            }
            return ordered(column, column, op, Timestamp.from(instant), parameters);
        };
    }

    /** A condition that holds for a true value: {@code eq true}, {@code eq false}, {@code ne …} and {@code pr}. */
    public static Column flag(String whenTrue) {
        return (op, value, parameters) -> {
            if (op == Criteria.Op.PRESENT) {
                return "1 = 1";
            }
            if (!(value instanceof Boolean flag) || (op != Criteria.Op.EQ && op != Criteria.Op.NE)) {
                throw InvalidInput.filter("compares a boolean: use eq or ne with true or false");
            }
            return flag == (op == Criteria.Op.EQ) ? "(" + whenTrue + ")" : "NOT (" + whenTrue + ")";
        };
    }

    /**
     * A value held in another table: {@code eq} (and {@code ne}) as {@code EXISTS} of {@code subquery}, whose one
     * {@code ?} takes the value; {@code pr} as {@code EXISTS} of {@code any}.
     */
    public static Column exists(String subquery, String any) {
        return (op, value, parameters) -> {
            if (op == Criteria.Op.PRESENT) {
                return "EXISTS (" + any + ")";
            }
            if (!(value instanceof String text) || (op != Criteria.Op.EQ && op != Criteria.Op.NE)) {
                throw InvalidInput.filter("compares ids: use eq or ne with a quoted id");
            }
            parameters.add(text);
            return (op == Criteria.Op.EQ ? "" : "NOT ") + "EXISTS (" + subquery + ")";
        };
    }

    private static String like(String column, String expression, String pattern, List<Object> parameters) {
        parameters.add(pattern);
        return "(" + column + " IS NOT NULL AND " + expression + " LIKE ? ESCAPE '\\')";
    }

    private static String ordered(String column, String expression, Criteria.Op op, Object operand,
                                  List<Object> parameters) {
        parameters.add(operand);
        String operator = switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
            default -> throw new IllegalArgumentException(op.name());
        };
        return op == Criteria.Op.NE ? "(" + column + " IS NULL OR " + expression + " <> ?)"
                : "(" + column + " IS NOT NULL AND " + expression + " " + operator + " ?)";
    }

    /** {@code text} within a LIKE pattern escaped by a backslash: its %, _ and backslashes match only themselves. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String describe(Object value) {
        return value == null ? "null" : value instanceof Boolean ? "a boolean" : value instanceof Number ? "a number"
                : value instanceof Instant ? "a date" : "a text";
    }
}
