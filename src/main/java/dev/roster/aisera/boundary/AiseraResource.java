package dev.roster.aisera.boundary;

import dev.roster.caller.Roles;
import dev.roster.platform.JsonInput;
import dev.roster.platform.Value;
import dev.roster.privilege.control.Privileges;
import dev.roster.privilege.control.RoleCatalog;
import dev.roster.privilege.entity.Privilege;
import dev.roster.provisioning.control.Provisioning;
import dev.roster.user.control.UserCommand;
import dev.roster.user.control.Users;
import dev.roster.user.entity.User;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Aisera's three calls (seed 000). The document shows no answers: each success answers the user in the document's
 * field names ({@link AiseraUser}); each failure the small error object of every Aisera path ({@code status},
 * {@code error}, {@code message}, {@code requestId}).
 */
@RequestScoped
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Aisera")
public class AiseraResource {

    static final Set<String> FIELDS = Set.of("username", "firstName", "lastName", "email", "password", "role",
            "roles");
    static final int ANY = 65_536;
    static final int MAX_ROLES = 50;
    static final String PROVISION_EXAMPLE = "{\"username\": \"platform.user\", \"firstName\": \"Platform\", "
            + "\"lastName\": \"User\", \"email\": \"platform_user@company.com\", \"password\": \"*********\", "
            + "\"role\": \"Administrator\"}";
    static final String UPDATE_EXAMPLE = "{\"username\": \"platform user\", \"firstName\": \"Platform\", "
            + "\"lastName\": \"User\", \"password\": \"**********\", "
            + "\"roles\": [\"Help Desk Agent\", \"IT Specialist\"]}";
    static final String ROLES = "Role: ADMINISTRATOR. Send `Authorization` (Basic, with `X-Tenant`, or Bearer) and "
            + "`x-app-token` together, both for the same user. ";

    @Inject
    Provisioning provisioning;

    @Inject
    Privileges privileges;

    @Inject
    RoleCatalog roles;

    /** A user in the field names of seed 000's bodies; {@code roles} are its tenant-wide roles' display names. */
    @JsonbPropertyOrder({"id", "username", "email", "firstName", "lastName", "roles", "status"})
    public record AiseraUser(String id, String username, String email, @Nullable String firstName,
                             @Nullable String lastName, List<String> roles, String status) {
    }

    @POST
    @Path("provision-user")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "aiseraProvisionUser", summary = "Aisera: provision a user", description = ROLES
            + "Creates the user (201) with `username` (the e-mail address when left out), names, `password` and its "
            + "role: `role` (one) or `roles` (several), each a role's display name in any case (`Administrator`, "
            + "`Help Desk Agent`), system or the tenant's own. Provisioning the e-mail address of a de-provisioned "
            + "user restores it (200), under its username; that of any other user is a 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AiseraUserInput"),
            examples = @ExampleObject(name = "seed 000 Provision", value = PROVISION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Provisioned",
            content = @Content(schema = @Schema(ref = "AiseraUser")))
    @APIResponse(responseCode = "200", description = "A de-provisioned user, restored",
            content = @Content(schema = @Schema(ref = "AiseraUser")))
    public Response provision(JsonObject body) {
        JsonInput in = read(body);
        String username = in.string("username", ANY);
        UserCommand fields = fields(in).withEmail(in.string("email", ANY));
        Value<List<String>> named = roles(in);
        in.check();
        String email = fields.email().value();
        Users.Saved saved = provisioning.provisionByEmail(username == null || username.isBlank() ? email : username,
                fields, in.has("roles") ? "roles" : "role", named);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(view(saved.user())).build();
    }

    @POST
    @Path("update-user/{email}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "aiseraUpdateUser", summary = "Aisera: update a user", description = ROLES
            + "The user with this e-mail address: only the fields sent change. `roles` (or `role`) replaces its "
            + "tenant-wide roles, as in the document (\"updated from Administrator to Help Desk Agent and IT "
            + "Specialist\"); roles scoped to an application stay. `email` moves the user to a new address. "
            + "`username` is accepted and ignored: Roster's usernames do not change (the document's own example "
            + "sends a different one). PUT does the same.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AiseraUserInput"),
            examples = @ExampleObject(name = "seed 000 Update", value = UPDATE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(ref = "AiseraUser")))
    public AiseraUser update(@PathParam("email") String email, JsonObject body) {
        JsonInput in = read(body);
        in.string("username", ANY); // read so that a value of the wrong type is refused; usernames never change
        UserCommand fields = fields(in);
        if (in.has("email")) {
            fields = fields.withEmail(in.string("email", ANY));
        }
        Value<List<String>> named = roles(in);
        in.check();
        return view(provisioning.updateByEmail(email, fields, in.has("roles") ? "roles" : "role", named));
    }

    @PUT
    @Path("update-user/{email}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "aiseraUpdateUserPut", summary = "Aisera: update a user (PUT)", description = ROLES
            + "The same as POST: the document names no method.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AiseraUserInput"),
            examples = @ExampleObject(name = "seed 000 Update", value = UPDATE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(ref = "AiseraUser")))
    public AiseraUser updateByPut(@PathParam("email") String email, JsonObject body) {
        return update(email, body);
    }

    @DELETE
    @Path("de-provision-user/{email}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "aiseraDeprovisionUser", summary = "Aisera: de-provision a user", description = ROLES
            + "No body. The user with this e-mail address loses every privilege and leaves the active list; its "
            + "record and history stay, and provisioning the address again restores it. Repeating it is harmless. "
            + "POST does the same.")
    @APIResponse(responseCode = "200", description = "De-provisioned",
            content = @Content(schema = @Schema(ref = "AiseraUser")))
    public AiseraUser deprovision(@PathParam("email") String email) {
        return view(provisioning.deprovisionByEmail(email));
    }

    @POST
    @Path("de-provision-user/{email}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "aiseraDeprovisionUserPost", summary = "Aisera: de-provision a user (POST)",
            description = ROLES + "The same as DELETE; a body is ignored (the document sends none).")
    @APIResponse(responseCode = "200", description = "De-provisioned",
            content = @Content(schema = @Schema(ref = "AiseraUser")))
    public AiseraUser deprovisionByPost(@PathParam("email") String email) {
        return deprovision(email);
    }

    private static JsonInput read(JsonObject body) {
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!FIELDS.contains(field)) {
                in.fail(field, "is not a field of an Aisera user; fields are "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        return in;
    }

    private static UserCommand fields(JsonInput in) {
        UserCommand fields = UserCommand.none().withNames(in.string("firstName", ANY), in.string("lastName", ANY));
        String password = in.string("password", ANY);
        return password == null ? fields : fields.withPassword(password);
    }

    /** {@code role} or {@code roles}, absent when neither is sent. */
    private static Value<List<String>> roles(JsonInput in) {
        if (in.has("role") && in.has("roles")) {
            in.fail("roles", "send role (one) or roles (several), not both");
            return Value.absent();
        }
        if (in.has("role")) {
            String role = in.requiredString("role", ANY);
            return role == null ? Value.absent() : Value.of(List.of(role));
        }
        if (in.has("roles")) {
            List<String> named = in.strings("roles", MAX_ROLES, ANY);
            return Value.of(named);
        }
        return Value.absent();
    }

    private AiseraUser view(User user) {
        List<Privilege> tenantWide = privileges.held(user).stream().filter(p -> p.scope() == null).toList();
        Map<String, String> names = roles.namesFor(user.tenantId(), tenantWide);
        return new AiseraUser(user.id(), user.username(), user.email(), user.firstName(), user.lastName(),
                tenantWide.stream().map(p -> names.getOrDefault(p.role(), p.role())).sorted(Comparator.naturalOrder())
                        .toList(), user.status().name());
    }
}
