package dev.roster.audit.boundary;

import static dev.roster.platform.JsonValues.JSON;

import dev.roster.audit.control.AuditLog;
import dev.roster.audit.entity.AuditEvent;
import dev.roster.caller.Caller;
import dev.roster.caller.Roles;
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
            + "and what changed; never a secret.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "AuditEventPage")))
    public Page<EventView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return audit.ofTenant(caller.tenant().id(), PageRequest.of(page, size)).map(EventView::from);
    }
}
