package dev.roster.invitation.boundary;

import dev.roster.caller.Roles;
import dev.roster.invitation.control.InviteCommand;
import dev.roster.invitation.control.Invitations;
import dev.roster.mail.control.Mailer;
import dev.roster.platform.JsonInput;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.Problem;
import dev.roster.problem.ErrorAnswers;
import dev.roster.problem.RosterException;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Invitations of the tenant's users by e-mail (service {@code invitations}). */
@RequestScoped
@Path("v1/provisioning/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Invitations")
public class InvitationsResource {

    static final String PATH = "/api/v1/provisioning/invitations";
    static final int MAX_USERS = 1000;
    static final int ANY = 65_536;
    static final Set<String> USER_FIELDS = Set.of("email", "username", "firstName", "lastName", "roles",
            "organizationIds", "identityProviderId", "expiresAt");
    static final String EXAMPLE = "{\"users\": [{\"email\": \"jane@cooori.example\", \"firstName\": \"Jane\", "
            + "\"lastName\": \"Doe\", \"roles\": [\"USER\", \"Help Desk Agent\"], \"organizationIds\": []}]}";

    @Inject
    Invitations invitations;

    @Inject
    Mailer mailer;

    @Inject
    ErrorAnswers errors;

    /** What became of one user of an invitation request, at its index. */
    @JsonbPropertyOrder({"index", "email", "outcome", "userId", "invitationId", "error"})
    public record Result(int index, @Nullable String email, String outcome, @JsonbNillable(false) String userId,
                         @JsonbNillable(false) String invitationId, @JsonbNillable(false) JsonObject error) {
    }

    /** The answer to an invitation request: one result per user, in the order sent. */
    public record Results(List<Result> results) {
    }

    @POST
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "inviteUsers", summary = "Invite users by e-mail", description = "Role: ADMINISTRATOR. "
            + "Up to 1,000 users in one call, each in a transaction of its own: one that fails never stops the others. "
            + "A new address becomes an INVITED user with an invitation e-mail (its link works for "
            + "`roster.invitations.expiry-hours`); an address that belongs to a user already adds that user to the "
            + "organizations named (`existing`). `roles` name the tenant's roles by id or name, granted when the "
            + "invitation is accepted; `username` defaults to the e-mail address; `expiresAt` may end an invitation "
            + "sooner.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InvitationRequest"),
            examples = @ExampleObject(name = "invite", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "One result per user: `invited`, `existing` or `failed` (with "
            + "`error`, a problem document)", content = @Content(schema = @Schema(ref = "InvitationResults")))
    public Results invite(JsonObject body) {
        List<Item> items = read(body);
        List<InviteCommand> valid = items.stream().filter(i -> i.invalid() == null).map(Item::command).toList();
        Iterator<Invitations.Outcome> outcomes = invitations.invite(valid).iterator();
        List<Result> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Invitations.Outcome outcome = item.invalid() != null ? new Invitations.Failed(item.invalid())
                    : outcomes.next();
            results.add(result(i, item.email(), outcome));
        }
        return new Results(results);
    }

    @GET
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listInvitations", summary = "List invitations", description = "Roles: ADMINISTRATOR, "
            + "INTERNAL_AUDITING. Newest first; `status` keeps those pending, accepted, expired or revoked.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "InvitationPage")))
    public Page<InvitationView> list(@QueryParam("status") String status, @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        return invitations.list(PageRequest.of(page, size), status).map(d -> InvitationView.of(d, null));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getInvitation", summary = "Read an invitation", description = "Roles: ADMINISTRATOR, "
            + "INTERNAL_AUDITING. With `delivery`: the state of its newest e-mail (`pending` while waiting or "
            + "retrying, with `attempts`, `nextAttemptAt` and `lastError`; `sent`).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(ref = "Invitation")))
    public InvitationView get(@PathParam("id") String id) {
        return InvitationView.of(invitations.get(id), null);
    }

    @POST
    @Path("{id}/resend")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "resendInvitation", summary = "Send an invitation again", description = "Role: "
            + "ADMINISTRATOR. A new token and expiry, and a new e-mail; the old link stops working. Without an SMTP "
            + "server (`roster.mail.host`) the answer carries `acceptLink`, for the administrator to pass on. No body.")
    @APIResponse(responseCode = "200", description = "Sent again",
            content = @Content(schema = @Schema(ref = "Invitation")))
    @APIResponse(responseCode = "409", description = "The invitation was accepted or revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public InvitationView resend(@PathParam("id") String id) {
        Invitations.Invited sent = invitations.resend(id);
        return InvitationView.of(invitations.get(sent.invitation().id()),
                mailer.configured() ? null : invitations.link(sent.token()));
    }

    @DELETE
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "revokeInvitation", summary = "Revoke an invitation", description = "Role: "
            + "ADMINISTRATOR. Its link stops working; the user stays INVITED.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "409", description = "The invitation was accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response revoke(@PathParam("id") String id) {
        invitations.revoke(id);
        return Response.noContent().build();
    }

    private Result result(int index, String email, Invitations.Outcome outcome) {
        if (outcome instanceof Invitations.Invited invited) {
            return new Result(index, email, "invited", invited.user().id(), invited.invitation().id(), null);
        }
        if (outcome instanceof Invitations.Existing existing) {
            return new Result(index, email, "existing", existing.user().id(), null, null);
        }
        return new Result(index, email, "failed", null, null, problem(((Invitations.Failed) outcome).reason()));
    }

    /** One user of the request: its command, or why it cannot be read. */
    record Item(String email, InviteCommand command, RosterException invalid) {
    }

    /** The request's users, each read on its own: a user that cannot be read fails alone. */
    static List<Item> read(JsonObject body) {
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!field.equals("users")) {
                in.fail(field, "is not a field of an invitation request; send {\"users\": [...]}");
            }
        }
        in.check();
        if (!(body.get("users") instanceof JsonArray users) || users.isEmpty()) {
            throw new InvalidInput("users", "must be an array of the users to invite");
        }
        if (users.size() > MAX_USERS) {
            throw new InvalidInput("users", "at most " + MAX_USERS + " users per call");
        }
        List<Item> items = new ArrayList<>(users.size());
        for (JsonValue user : users) {
            items.add(user instanceof JsonObject object ? user(object)
                    : new Item(null, null, new InvalidInput("users[]", "must be an object")));
        }
        return items;
    }

    private static Item user(JsonObject object) {
        JsonInput user = JsonInput.of(object);
        for (String field : user.fields()) {
            if (!USER_FIELDS.contains(field)) {
                user.fail(field, "is not a field of an invited user; fields are "
                        + String.join(", ", USER_FIELDS.stream().sorted().toList()));
            }
        }
        InviteCommand command = new InviteCommand(user.string("email", ANY), user.string("username", ANY),
                user.string("firstName", ANY), user.string("lastName", ANY), user.strings("roles", 50, ANY),
                user.strings("organizationIds", 100, ANY), user.string("identityProviderId", ANY),
                user.has("expiresAt") ? user.instant("expiresAt") : null);
        try {
            user.check();
            return new Item(command.email(), command, null);
        } catch (InvalidInput invalid) {
            return new Item(command.email(), null, invalid);
        }
    }

    private JsonObject problem(RosterException failure) {
        ErrorAnswers.Answer answer = errors.answer(PATH, failure);
        return Json.createReader(new StringReader(new String(answer.body(), StandardCharsets.UTF_8))).readObject();
    }
}
