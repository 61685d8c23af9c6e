package dev.roster.platform;

import java.util.List;

/**
 * A condition on a feature's records in no protocol's shape: comparisons of named fields joined by and, or and not.
 * A protocol's boundary reads its own filter language into it (SCIM's {@code filter}); the feature's control knows
 * which column or subquery each field is ({@link CriteriaSql}). Values are a {@code String}, {@code Boolean},
 * {@code Number} or {@code java.time.Instant}, as the field takes.
 */
public sealed interface Criteria {

    /** How a field compares with a value: SCIM's operators (RFC 7644 section 3.4.2.2), which every store can run. */
    enum Op { EQ, NE, CONTAINS, STARTS_WITH, ENDS_WITH, GT, GE, LT, LE, PRESENT }

    /** {@code field op value}; {@code value} is null for {@link Op#PRESENT}. */
    record Compare(String field, Op op, Object value) implements Criteria {
    }

    /** Every part holds. */
    record All(List<Criteria> parts) implements Criteria {
    }

    /** At least one part holds. */
    record Any(List<Criteria> parts) implements Criteria {
    }

    record Not(Criteria part) implements Criteria {
    }

    /** Holds for every record. */
    record Everything() implements Criteria {
    }
}
