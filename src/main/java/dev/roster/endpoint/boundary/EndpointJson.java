package dev.roster.endpoint.boundary;

import dev.roster.endpoint.control.EndpointCommand;
import dev.roster.endpoint.entity.EndpointType;
import dev.roster.platform.JsonInput;
import dev.roster.platform.Value;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Set;

/**
 * Reads the native API's service endpoint body (003 Service Endpoints) into an {@link EndpointCommand}. The type is
 * named by {@code endpointTypeId}, or by the seed's {@code endpointType} map with its {@code id} or {@code label}
 * (as a client sends back what it read); {@code provPort} is a number or a string of digits (the seed types it as
 * a string). Read-only fields of the representation are ignored; others are refused.
 */
final class EndpointJson {

    static final Set<String> WRITABLE = Set.of("endpointTypeId", "endpointType", "url", "userName", "password",
            "provUserName", "provPassword", "provPort", "apiKey", "messageHandler", "exchange", "binding", "active",
            "durable", "vhost", "activeFrom", "activeUntil");
    static final Set<String> READ_ONLY = Set.of("id", "tenantId", "registeredByUserId", "registeredDate",
            "passwordSet", "provPasswordSet", "apiKeySet");
    static final int ANY = 65_536;

    private EndpointJson() {
    }

    static EndpointCommand read(JsonObject body) {
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!WRITABLE.contains(field) && !READ_ONLY.contains(field)) {
                in.fail(field, "is not a field of a service endpoint; writable fields are "
                        + String.join(", ", WRITABLE.stream().sorted().toList()));
            }
        }
        Value<Integer> type = namedType(in, body);
        EndpointCommand command = new EndpointCommand(type, in.text("url", ANY), in.text("userName", ANY),
                in.text("password", ANY), in.text("provUserName", ANY), in.text("provPassword", ANY), port(body),
                in.text("apiKey", ANY), in.text("messageHandler", ANY), in.text("exchange", ANY),
                in.text("binding", ANY), in.flag("active"), in.flag("durable"), in.text("vhost", ANY),
                instant(in, "activeFrom"), instant(in, "activeUntil"));
        in.check();
        return command;
    }

    /** The type by {@code endpointTypeId} or the seed's {@code endpointType} map; errors name the field. */
    private static Value<Integer> namedType(JsonInput in, JsonObject body) {
        Value<Integer> byId = in.whole("endpointTypeId");
        JsonValue named = body.get("endpointType");
        if (named == null || named.getValueType() == JsonValue.ValueType.NULL) {
            return byId;
        }
        Integer byMap = null;
        if (!(named instanceof JsonObject map)) {
            in.fail("endpointType", "must be an object naming the type by id or label");
        } else if (map.get("id") instanceof JsonNumber id && id.isIntegral()) {
            byMap = id.intValue();
        } else if (map.get("label") instanceof JsonString label) {
            byMap = EndpointType.byLabel(label.getString()).map(EndpointType::id).orElse(null);
            if (byMap == null) {
                in.fail("endpointType.label", "is not in the catalog at GET /api/v1/provisioning/endpoint-types");
            }
        } else {
            in.fail("endpointType", "names the type by its id (a number) or its label (such as MQ_INCOMING)");
        }
        if (byId.isSet() && byMap != null && !byId.value().equals(byMap)) {
            in.fail("endpointType", "names another type than endpointTypeId");
        }
        return byId.present() ? byId : byMap == null ? Value.absent() : Value.of(byMap);
    }

    private static Value<Integer> port(JsonObject body) {
        if (!body.containsKey("provPort")) {
            return Value.absent();
        }
        JsonValue value = body.get("provPort");
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return Value.of(null);
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.longValue() > 0 && number.longValue() < 100_000 ? Value.of(number.intValue())
                    : Value.invalid("must be a port number from 1 to 65535");
        }
        if (value instanceof JsonString text && text.getString().matches("\\d{1,5}")) {
            return Value.of(Integer.parseInt(text.getString()));
        }
        return Value.invalid("must be a port number from 1 to 65535");
    }

    private static Value<Instant> instant(JsonInput in, String name) {
        return in.has(name) ? Value.of(in.instant(name)) : Value.absent();
    }
}
