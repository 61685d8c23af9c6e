package dev.roster.scim.boundary;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import dev.roster.platform.Criteria;
import dev.roster.problem.InvalidInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SCIM {@code filter} (RFC 7644 section 3.4.2.2), parsed by the kept SCIM library, as a {@link Criteria} on the
 * fields of Roster's users or groups: the control turns that into SQL. Roster keeps one e-mail address (the
 * {@code work} one, and primary), a work, a mobile and a fax number, and one work address; a value filter on those
 * ({@code emails[type eq "work"]}) picks them by type.
 */
final class ScimFilter {

    static final int MAX_LENGTH = 4096;
    /** The paths as written, by the map of fields they are in (declared first: the maps below fill it). */
    private static final Map<Map<String, String>, List<String>> NAMES = new IdentityHashMap<>();
    /** SCIM's attributes (lower case, an extension's under {@code enterprise:}) and Roster's fields. */
    static final Map<String, String> USER_FIELDS = lower(Map.ofEntries(Map.entry("userName", "username"),
            Map.entry("id", "id"), Map.entry("externalId", "externalId"), Map.entry("displayName", "displayName"),
            Map.entry("nickName", "nickName"), Map.entry("title", "title"), Map.entry("userType", "userType"),
            Map.entry("preferredLanguage", "preferredLanguage"), Map.entry("locale", "locale"),
            Map.entry("timezone", "timeZone"), Map.entry("active", "active"), Map.entry("name.givenName", "firstName"),
            Map.entry("name.familyName", "lastName"), Map.entry("name.middleName", "middleName"),
            Map.entry("name.honorificPrefix", "honorificPrefix"), Map.entry("name.honorificSuffix", "honorificSuffix"),
            Map.entry("emails", "email"), Map.entry("emails.value", "email"), Map.entry("groups", "groups"),
            Map.entry("groups.value", "groups"), Map.entry("roles", "roles"), Map.entry("roles.value", "roles"),
            Map.entry("meta.created", "createdAt"), Map.entry("meta.lastModified", "updatedAt"),
            Map.entry("enterprise:employeeNumber", "employeeNumber"), Map.entry("enterprise:costCenter", "costCenter"),
            Map.entry("enterprise:organization", "companyName"), Map.entry("enterprise:division", "division"),
            Map.entry("enterprise:department", "dept"), Map.entry("enterprise:manager", "manager"),
            Map.entry("enterprise:manager.value", "manager"), Map.entry("addresses.streetAddress", "street"),
            Map.entry("addresses.locality", "city"), Map.entry("addresses.region", "state"),
            Map.entry("addresses.postalCode", "zip"), Map.entry("addresses.country", "country")));
    static final Map<String, String> GROUP_FIELDS = lower(Map.of("displayName", "displayName", "externalId",
            "externalId", "id", "id", "members", "members", "members.value", "members", "meta.created", "createdAt",
            "meta.lastModified", "updatedAt"));
    /** The phone numbers Roster keeps, by SCIM type. */
    static final Map<String, String> PHONES = Map.of("work", "worknumber", "mobile", "mobile", "fax", "fax");
    /** Attributes whose every value has this type or primary flag: the one e-mail address, the one address. */
    static final Map<String, Object> CONSTANTS = Map.of("emails.type", "work", "emails.primary", true,
            "addresses.type", "work", "addresses.primary", true);
    static final Set<String> TIMES = Set.of("createdAt", "updatedAt");

    /** {@code attr[filter].sub op value}, which Entra ID sends, as RFC 7644's {@code attr[filter and sub op value]}. */
    private static final Pattern VALUE_PATH = Pattern.compile(
            "(\\w+)\\[([^\\]\"]*(?:\"(?:[^\"\\\\]|\\\\.)*\"[^\\]\"]*)*)\\]\\.(\\w+)\\s+"
                    + "(?i:(eq|ne|co|sw|ew|gt|ge|lt|le)\\s+"
                    + "(\"(?:[^\"\\\\]|\\\\.)*\"|true|false|null|[-0-9.eE+]+)|(pr))");

    /** The fields by the attribute's path in lower case; the path as written is kept for messages. */
    private final Map<String, String> fields;

    private ScimFilter(Map<String, String> fields) {
        this.fields = fields;
    }

    /** {@code fields} by their path in lower case, the paths as written kept in {@link #NAMES}. */
    private static Map<String, String> lower(Map<String, String> fields) {
        Map<String, String> lower = new HashMap<>();
        fields.forEach((path, field) -> lower.put(path.toLowerCase(Locale.ROOT), field));
        Map<String, String> copy = Map.copyOf(lower);
        NAMES.put(copy, fields.keySet().stream().map(p -> p.replace("enterprise:", ScimJson.ENTERPRISE + ":"))
                .toList());
        return copy;
    }

    static Criteria users(String filter) {
        return new ScimFilter(USER_FIELDS).criteria(filter);
    }

    static Criteria groups(String filter) {
        return new ScimFilter(GROUP_FIELDS).criteria(filter);
    }

    /** The field of a user's SCIM attribute path (for {@code sortBy}), or null. */
    static String userField(String path) {
        return path == null ? null : USER_FIELDS.get(key(path));
    }

    static String groupField(String path) {
        return path == null ? null : GROUP_FIELDS.get(key(path));
    }

    private Criteria criteria(String filter) {
        if (filter == null || filter.isBlank()) {
            return new Criteria.Everything();
        }
        if (filter.length() > MAX_LENGTH) {
            throw InvalidInput.filter("is longer than " + MAX_LENGTH + " characters");
        }
        try {
            return Filter.fromString(rewrite(filter)).visit(new Translator(), "");
        } catch (ScimException e) {
            throw InvalidInput.filter(ScimFilter.plain(e.getMessage()));
        }
    }

    /** The parser's message without what Jackson adds about where its own input came from. */
    static String plain(String message) {
        if (message == null) {
            return "cannot be parsed";
        }
        String text = message.lines().findFirst().orElse(message);
        int source = text.indexOf(" (start marker");
        return source < 0 ? text : text.substring(0, source);
    }

    /** Entra ID's {@code emails[type eq "work"].value eq "x"} as {@code emails[type eq "work" and value eq "x"]}. */
    static String rewrite(String filter) {
        boolean[] quoted = quoted(filter);
        Matcher matcher = VALUE_PATH.matcher(filter);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int from = 0; from < filter.length() && matcher.find(from); ) {
            if (quoted[matcher.start()]) { // text inside a quoted value that only looks like a value path
                from = matcher.start() + 1;
                continue;
            }
            String condition = matcher.group(6) != null ? matcher.group(3) + " pr"
                    : matcher.group(3) + " " + matcher.group(4) + " " + matcher.group(5);
            out.append(filter, copied, matcher.start()).append(matcher.group(1)).append("[(").append(matcher.group(2))
                    .append(") and ").append(condition).append(']');
            copied = matcher.end();
            from = matcher.end();
        }
        return out.append(filter.substring(copied)).toString();
    }

    /** Which characters of a filter are inside a quoted string (RFC 7159 escapes included). */
    private static boolean[] quoted(String filter) {
        boolean[] inside = new boolean[filter.length()];
        boolean open = false;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            inside[i] = open;
            if (open && c == '\\') {
                if (i + 1 < filter.length()) {
                    inside[++i] = true;
                }
            } else if (c == '"') {
                open = !open;
            }
        }
        return inside;
    }

    /** A path as a lower-case key: the core schemas' URNs dropped, the enterprise one as {@code enterprise:}. */
    static String key(String path) {
        String lower = path.strip().toLowerCase(Locale.ROOT);
        for (String core : List.of(ScimJson.USER_SCHEMA, ScimJson.GROUP_SCHEMA)) {
            String urn = core.toLowerCase(Locale.ROOT) + ":";
            if (lower.startsWith(urn)) {
                return lower.substring(urn.length());
            }
        }
        String enterprise = ScimJson.ENTERPRISE.toLowerCase(Locale.ROOT) + ":";
        return lower.startsWith(enterprise) ? "enterprise:" + lower.substring(enterprise.length()) : lower;
    }

    private static String key(Path path, String prefix) {
        StringBuilder key = new StringBuilder(prefix);
        if (path.getSchemaUrn() != null) {
            key.append(path.getSchemaUrn()).append(':');
        }
        for (int i = 0; i < path.size(); i++) {
            key.append(i == 0 ? "" : ".").append(path.getElement(i).getAttribute());
        }
        return key(key.toString());
    }

    /** The filter's tree as criteria; the parameter is the multi-valued attribute a value filter is inside. */
    private final class Translator implements FilterVisitor<Criteria, String> {

        /** Inside {@code phoneNumbers[type eq "…" and …]}: the type the value filter picked. */
        private String phoneType;

        @Override
        public Criteria visit(EqualFilter filter, String within) {
            return compare(filter.getAttributePath(), within, Criteria.Op.EQ, filter.getComparisonValue());
        }

        @Override
        public Criteria visit(NotEqualFilter filter, String within) {
            return compare(filter.getAttributePath(), within, Criteria.Op.NE, filter.getComparisonValue());
        }

        @Override
        public Criteria visit(ContainsFilter filter, String within) {
            return compare(filter.getAttributePath(), within, Criteria.Op.CONTAINS, filter.getComparisonValue());
        }

        @Override
        public Criteria visit(StartsWithFilter filter, String within) {
            return compare(filter.getAttributePath(), within, Criteria.Op.STARTS_WITH, filter.getComparisonValue());
        }

        @Override
        public Criteria visit(EndsWithFilter filter, String within) {
            return compare(filter.getAttributePath(), within, Criteria.Op.ENDS_WITH, filter.getComparisonValue());
        }

        @Override
        public Criteria visit(PresentFilter filter, String within) {
            return compare(filter.getAttributePath(), within, Criteria.Op.PRESENT, null);
        }

        @Override
        public Criteria visit(GreaterThanFilter filter, String within) {
            return compare(filter.getAttributePath(), within, Criteria.Op.GT, filter.getComparisonValue());
        }

        @Override
        public Criteria visit(GreaterThanOrEqualFilter filter, String within) {
            return compare(filter.getAttributePath(), within, Criteria.Op.GE, filter.getComparisonValue());
        }

        @Override
        public Criteria visit(LessThanFilter filter, String within) {
            return compare(filter.getAttributePath(), within, Criteria.Op.LT, filter.getComparisonValue());
        }

        @Override
        public Criteria visit(LessThanOrEqualFilter filter, String within) {
            return compare(filter.getAttributePath(), within, Criteria.Op.LE, filter.getComparisonValue());
        }
        @Override
        public Criteria visit(AndFilter filter, String within) throws ScimException {
            return new Criteria.All(parts(filter.getCombinedFilters(), within));
        }

        @Override
        public Criteria visit(OrFilter filter, String within) throws ScimException {
            return new Criteria.Any(parts(filter.getCombinedFilters(), within));
        }

        @Override
        public Criteria visit(NotFilter filter, String within) throws ScimException {
            return new Criteria.Not(filter.getInvertedFilter().visit(this, within));
        }

        @Override
        public Criteria visit(ComplexValueFilter filter, String within) throws ScimException {
            if (!within.isEmpty()) {
                throw InvalidInput.filter("a value filter cannot hold another one");
            }
            String attribute = key(filter.getAttributePath(), "");
            phoneType = attribute.equals("phonenumbers") ? typeOf(filter.getValueFilter()) : null;
            try {
                return filter.getValueFilter().visit(this, attribute + ".");
            } finally {
                phoneType = null;
            }
        }

        private List<Criteria> parts(List<Filter> filters, String within) throws ScimException {
            List<Criteria> parts = new ArrayList<>();
            for (Filter part : filters) {
                parts.add(part.visit(this, within));
            }
            return parts;
        }

        private Criteria compare(Path path, String within, Criteria.Op op, ValueNode node) {
            String key = key(path, within);
            Object value = value(node);
            if (CONSTANTS.containsKey(key)) {
                return constant(CONSTANTS.get(key), op, value);
            }
            if (key.startsWith("phonenumbers.")) {
                return phone(key, op, value);
            }
            String field = fields.get(key);
            if (field == null) {
                throw InvalidInput.filter("cannot filter by " + path + "; attributes that can be filtered are "
                        + String.join(", ", NAMES.get(fields).stream().sorted().toList()));
            }
            if (TIMES.contains(field) && value instanceof String text) {
                value = ScimJson.instant(text, path.toString());
            }
            if (field.equals("active") && value instanceof String text) {
                value = ScimJson.flag(ScimJson.NODES.textNode(text), "filter");
            }
            return new Criteria.Compare(field, op, value);
        }

        private Criteria phone(String key, Criteria.Op op, Object value) {
            if (key.equals("phonenumbers.type")) {
                return phoneType == null ? constant(null, op, value) : constant(phoneType, op, value);
            }
            if (!key.equals("phonenumbers.value")) {
                throw InvalidInput.filter("phone numbers are filtered by value and type");
            }
            if (phoneType != null) {
                String field = PHONES.get(phoneType);
                return field == null ? nothing() : new Criteria.Compare(field, op, value);
            }
            List<Criteria> any = new ArrayList<>();
            PHONES.values().stream().sorted().forEach(field -> any.add(new Criteria.Compare(field, op, value)));
            return new Criteria.Any(any);
        }
    }

    /** The type a value filter of phone numbers picks at its top ({@code type eq "work" and …}), or null. */
    private static String typeOf(Filter filter) {
        List<Filter> terms = filter.isCombiningFilter() && filter instanceof AndFilter ? filter.getCombinedFilters()
                : List.of(filter);
        for (Filter term : terms) {
            if (term instanceof EqualFilter equal && equal.getAttributePath().size() == 1
                    && equal.getAttributePath().getElement(0).getAttribute().equalsIgnoreCase("type")
                    && equal.getComparisonValue() != null && equal.getComparisonValue().isTextual()) {
                return equal.getComparisonValue().asText().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static Object value(ValueNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return node.asText();
    }

    /** A comparison with a value every record has (or, for {@code null}, none has). */
    private static Criteria constant(Object held, Criteria.Op op, Object value) {
        boolean holds;
        String text = held == null ? null : held.toString().toLowerCase(Locale.ROOT);
        String wanted = value == null ? null : value.toString().toLowerCase(Locale.ROOT);
        holds = switch (op) {
            case PRESENT -> held != null;
            case EQ -> text != null && text.equals(wanted);
            case NE -> text == null || !text.equals(wanted);
            case CONTAINS -> text != null && wanted != null && text.contains(wanted);
            case STARTS_WITH -> text != null && wanted != null && text.startsWith(wanted);
            case ENDS_WITH -> text != null && wanted != null && text.endsWith(wanted);
            default -> throw InvalidInput.filter("type and primary compare with eq, ne, co, sw, ew and pr");
        };
        return holds ? new Criteria.Everything() : nothing();
    }

    private static Criteria nothing() {
        return new Criteria.Not(new Criteria.Everything());
    }
}
