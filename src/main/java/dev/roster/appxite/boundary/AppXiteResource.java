package dev.roster.appxite.boundary;

import dev.roster.appxite.control.AppXiteUsers;
import dev.roster.caller.Roles;
import dev.roster.directory.control.IdentityProviders;
import dev.roster.directory.control.Organizations;
import dev.roster.directory.entity.Membership;
import dev.roster.directory.entity.Organization;
import dev.roster.invitation.control.InviteCommand;
import dev.roster.invitation.control.Invitations;
import dev.roster.platform.Clock;
import dev.roster.platform.JsonInput;
import dev.roster.platform.PageRequest;
import dev.roster.privilege.control.RoleCatalog;
import dev.roster.problem.ErrorAnswers;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.RosterException;
import dev.roster.user.entity.UserStatus;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * AppXite's user management (seed 004), a thin boundary over the directory and invitation controls. The document
 * gives no paths; Roster serves its four operations under {@code /api/appxite/v1} (service {@code appxite}) in the
 * document's own PascalCase names ({@code Users}, {@code OrganizationIds}, {@code Id}). Errors are problem documents.
 */
@RequestScoped
@Path("appxite/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "AppXite")
public class AppXiteResource {

    static final String PATH = "/api/appxite/v1/users/invite";
    static final int ANY = 65_536;
    static final Set<String> USER_FIELDS = Set.of("Email", "UserName", "FirstName", "LastName", "RoleIds",
            "OrganizationIds", "IdentityProviderId");
    static final String EXAMPLE = "{\"Users\": [{\"Email\": \"jane@cooori.example\", \"FirstName\": \"Jane\", "
            + "\"LastName\": \"Doe\", \"RoleIds\": [\"USER\"], \"OrganizationIds\": "
            + "[\"5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170\", \"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\"]}]}";

    @Inject
    AppXiteUsers users;

    @Inject
    Organizations organizations;

    @Inject
    RoleCatalog roles;

    @Inject
    IdentityProviders providers;

    @Inject
    Invitations invitations;

    @Inject
    ErrorAnswers errors;

    /** A user as AppXite lists it; an empty field is {@code null}, never left out. */
    @JsonbPropertyOrder({"Id", "UserName", "Email", "FirstName", "LastName", "CreatedAt", "Accessible", "AccountState",
            "Organizations", "LastSignIn"})
    public record XUser(@JsonbProperty("Id") String id, @JsonbProperty("UserName") String userName,
                        @JsonbProperty("Email") String email,
                        @JsonbProperty(value = "FirstName", nillable = true) @Nullable String firstName,
                        @JsonbProperty(value = "LastName", nillable = true) @Nullable String lastName,
                        @JsonbProperty("CreatedAt") Instant createdAt, @JsonbProperty("Accessible") boolean accessible,
                        @JsonbProperty("AccountState") String accountState,
                        @JsonbProperty("Organizations") List<XOrganization> organizations,
                        @JsonbProperty(value = "LastSignIn", nillable = true) @Nullable Instant lastSignIn) {
    }

    /** An organization on a listed user. */
    @JsonbPropertyOrder({"Id", "Name"})
    public record XOrganization(@JsonbProperty("Id") String id, @JsonbProperty("Name") String name) {
    }

    /** A page of users. */
    @JsonbPropertyOrder({"Users", "Page", "PageSize", "TotalCount"})
    public record XUserPage(@JsonbProperty("Users") List<XUser> users, @JsonbProperty("Page") int page,
                            @JsonbProperty("PageSize") int pageSize, @JsonbProperty("TotalCount") long totalCount) {
    }

    /** A role. */
    @JsonbPropertyOrder({"Id", "Name", "Weight"})
    public record XRole(@JsonbProperty("Id") String id, @JsonbProperty("Name") String name,
                        @JsonbProperty("Weight") int weight) {
    }

    /** An identity provider. */
    @JsonbPropertyOrder({"Id", "Name", "Prefix", "Enabled"})
    public record XIdentityProvider(@JsonbProperty("Id") String id, @JsonbProperty("Name") String name,
                                    @JsonbProperty("Prefix") String prefix,
                                    @JsonbProperty("Enabled") boolean enabled) {
    }

    /** What became of one invited user: Invited, Existing (added to the organizations) or Failed. */
    @JsonbPropertyOrder({"Index", "Email", "Outcome", "UserId", "InvitationId", "Error"})
    public record XResult(@JsonbProperty("Index") int index,
                          @JsonbProperty(value = "Email", nillable = true) @Nullable String email,
                          @JsonbProperty("Outcome") String outcome,
                          @JsonbProperty("UserId") @JsonbNillable(false) String userId,
                          @JsonbProperty("InvitationId") @JsonbNillable(false) String invitationId,
                          @JsonbProperty("Error") @JsonbNillable(false) JsonObject error) {
    }

    /** The answer to an invitation: one result per user, in the order sent. */
    public record XResults(@JsonbProperty("Results") List<XResult> results) {
    }

    @GET
    @Path("users")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "appxiteListUsers", summary = "AppXite: list users", description = "Roles: "
            + "ADMINISTRATOR, INTERNAL_AUDITING. Every user of the tenant, or of one organization (`organizationId`), "
            + "by username, whatever its state unless `state` names some (comma-separated: INVITED, ACTIVE, "
            + "SUSPENDED, DEPROVISIONED). `Accessible`: the user can sign in now (ACTIVE, with a privilege effective "
            + "now). `LastSignIn`: its last sign-in with its password.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(ref = "AppXiteUserPage")))
    public XUserPage listUsers(@QueryParam("organizationId") String organizationId, @QueryParam("state") String state,
                               @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        var found = users.list(organizationId, states(state), request);
        Map<String, List<Membership>> held = users.memberships(found.content()).stream()
                .collect(Collectors.groupingBy(Membership::userId));
        Map<String, String> names = organizations.byIds(held.values().stream().flatMap(List::stream)
                .map(Membership::containerId).distinct().toList()).stream()
                .collect(Collectors.toMap(Organization::id, Organization::name));
        Instant now = Clock.now();
        return new XUserPage(found.content().stream().map(u -> new XUser(u.id(), u.username(), u.email(),
                u.firstName(), u.lastName(), u.createdAt(), u.accessibleAt(now), u.status().name(),
                held.getOrDefault(u.id(), List.of()).stream().filter(m -> names.containsKey(m.containerId()))
                        .map(m -> new XOrganization(m.containerId(), names.get(m.containerId()))).toList(),
                u.lastSignInAt())).toList(), found.page(), found.size(), found.totalElements());
    }

    @GET
    @Path("roles")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "appxiteListRoles", summary = "AppXite: list roles", description = "Roles: "
            + "ADMINISTRATOR, INTERNAL_AUDITING. The tenant's roles: the five system roles and its own, in the order "
            + "of the native roles list; an `Id` names the role in `RoleIds` of an invitation.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(ref = "AppXiteRoleList")))
    public List<XRole> listRoles() {
        return roles.list(PageRequest.of("0", "200")).content().stream()
                .map(r -> new XRole(r.id(), r.name(), r.weight())).toList();
    }

    @GET
    @Path("identity-providers")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "appxiteListIdentityProviders", summary = "AppXite: list identity providers",
            description = "Roles: ADMINISTRATOR, INTERNAL_AUDITING. The tenant's identity providers by prefix.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(ref = "AppXiteIdentityProviderList")))
    public List<XIdentityProvider> listIdentityProviders() {
        return providers.list(PageRequest.of("0", "200")).content().stream()
                .map(p -> new XIdentityProvider(p.id(), p.name(), p.prefix(), p.enabled())).toList();
    }

    @POST
    @Path("users/invite")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "appxiteInviteUsers", summary = "AppXite: invite users", description = "Role: "
            + "ADMINISTRATOR. Up to 1,000 users, each to several organizations (`OrganizationIds`), each in a "
            + "transaction of its own: Invited (a new user and an invitation e-mail), Existing (the address is a "
            + "user's already: it is added to the organizations) or Failed with the problem.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "AppXiteInviteRequest"),
            examples = @ExampleObject(name = "invite", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "One result per user",
            content = @Content(schema = @Schema(ref = "AppXiteResults")))
    public XResults invite(JsonObject body) {
        JsonInput in = JsonInput.of(body);
        for (String field : in.fields()) {
            if (!field.equals("Users")) {
                in.fail(field, "is not a field of an invitation; send {\"Users\": [...]}");
            }
        }
        in.check();
        if (!(body.get("Users") instanceof JsonArray array) || array.isEmpty() || array.size() > 1000) {
            throw new InvalidInput("Users", "must be an array of 1 to 1000 users");
        }
        List<InviteCommand> valid = new ArrayList<>();
        List<Object> items = new ArrayList<>();
        for (JsonValue value : array) {
            Object item = value instanceof JsonObject object ? command(object)
                    : new InvalidInput("Users[]", "must be an object");
            items.add(item);
            if (item instanceof InviteCommand command) {
                valid.add(command);
            }
        }
        Iterator<Invitations.Outcome> outcomes = invitations.invite(valid).iterator();
        List<XResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            Invitations.Outcome outcome = item instanceof InviteCommand ? outcomes.next()
                    : new Invitations.Failed((RosterException) item);
            String email = item instanceof InviteCommand command ? command.email() : null;
            results.add(result(i, email, outcome));
        }
        return new XResults(results);
    }

    private XResult result(int index, String email, Invitations.Outcome outcome) {
        if (outcome instanceof Invitations.Invited invited) {
            return new XResult(index, email, "Invited", invited.user().id(), invited.invitation().id(), null);
        }
        if (outcome instanceof Invitations.Existing existing) {
            return new XResult(index, email, "Existing", existing.user().id(), null, null);
        }
        ErrorAnswers.Answer answer = errors.answer(PATH, ((Invitations.Failed) outcome).reason());
        return new XResult(index, email, "Failed", null, null, Json.createReader(new StringReader(
                new String(answer.body(), StandardCharsets.UTF_8))).readObject());
    }

    /** One user of the request, or why it cannot be read. */
    private static Object command(JsonObject object) {
        JsonInput user = JsonInput.of(object);
        for (String field : user.fields()) {
            if (!USER_FIELDS.contains(field)) {
                user.fail(field, "is not a field of an invited user; fields are "
                        + String.join(", ", USER_FIELDS.stream().sorted().toList()));
            }
        }
        InviteCommand command = new InviteCommand(user.string("Email", ANY), user.string("UserName", ANY),
                user.string("FirstName", ANY), user.string("LastName", ANY), user.strings("RoleIds", 50, ANY),
                user.strings("OrganizationIds", 100, ANY), user.string("IdentityProviderId", ANY));
        try {
            user.check();
            return command;
        } catch (InvalidInput invalid) {
            return invalid;
        }
    }

    private static List<UserStatus> states(String state) {
        if (state == null || state.isBlank()) {
            return List.of(UserStatus.values());
        }
        try {
            return Arrays.stream(state.split(",")).map(s -> UserStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)))
                    .distinct().toList();
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("state", "names states among INVITED, ACTIVE, SUSPENDED, DEPROVISIONED");
        }
    }
}
