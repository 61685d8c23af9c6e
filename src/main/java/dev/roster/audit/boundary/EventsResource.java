package dev.roster.audit.boundary;

import static dev.roster.platform.JsonValues.JSON;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.entity.AuditEvent;
import dev.roster.caller.Caller;
import dev.roster.caller.Roles;
import dev.roster.platform.Checks;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's audit trail. */
@RequestScoped
@Path("v1/provisioning/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "Audit events")
public class EventsResource {

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /** One audit event; {@code changes} maps each changed field to {@code {from, to}} (secrets: {@code {changed}}). */
    @JsonbPropertyOrder({"id", "occurredAt", "actor", "action", "targetType", "targetId", "target", "requestId",
            "changes"})
    public record EventView(String id, Instant occurredAt, @Nullable String actor, String action,
                            @Nullable String targetType, @Nullable String targetId, @Nullable String target,
                            @Nullable String requestId, @Nullable JsonObject changes) {
        static EventView from(AuditEvent event) {
            JsonObject changes = event.changes() == null ? null
                    : JSON.createReader(new StringReader(event.changes())).readObject();
            return new EventView(event.id(), event.occurredAt(), event.actor(), event.action(), event.targetType(),
                    event.targetId(), event.target(), event.requestId(), changes);
        }
    }

    @GET
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listEvents", summary = "List the tenant's audit events", description = "Roles: ADMINISTRATOR, INTERNAL_AUDITING. "
            + "Newest first. Every change in the tenant is here: who, what, which target, when, in which request, "
            + "and what changed; never a secret. Narrowed by `action` (an action such as `user.created`, or the start "
            + "of one ending in a dot, such as `user.`), `actor` and `target` (names, exactly), and `from` and "
            + "`until` (RFC 3339 instants; `until` excluded).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "AuditEventPage")))
    public Page<EventView> list(@QueryParam("page") String page, @QueryParam("size") String size,
                                @QueryParam("action") String action, @QueryParam("actor") String actor,
                                @QueryParam("target") String target, @QueryParam("from") String from,
                                @QueryParam("until") String until) {
        Checks checks = new Checks();
        AuditLog.Filter filter = new AuditLog.Filter(text(checks, "action", action), text(checks, "actor", actor),
                text(checks, "target", target), instant(checks, "from", from), instant(checks, "until", until));
        checks.done();
        return audit.ofTenant(caller.tenant().id(), PageRequest.of(page, size), filter).map(EventView::from);
    }

    private static String text(Checks checks, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > AuditLog.Filter.MAX) {
            checks.fail(name, "must be at most " + AuditLog.Filter.MAX + " characters long");
            return null;
        }
        return value.strip();
    }

    private static Instant instant(Checks checks, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            checks.fail(name, "is not an instant such as 2026-11-30T12:00:00Z");
            return null;
        }
    }
}
