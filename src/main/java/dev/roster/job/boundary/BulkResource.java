package dev.roster.job.boundary;

import dev.roster.caller.Roles;
import dev.roster.job.control.JobRunner;
import dev.roster.job.control.Jobs;
import dev.roster.job.entity.Job;
import dev.roster.platform.JsonItems;
import dev.roster.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /bulk}: a job of up to {@link #MAX_ITEMS} operations (JSON) or user rows (CSV), written whole before
 * the 202 and applied in the background.
 */
@RequestScoped
@Path("v1/provisioning/bulk")
@Tag(ref = "Bulk jobs")
public class BulkResource {

    public static final int MAX_ITEMS = 100_000;
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    public static final String CSV = "text/csv";
    /** When a client should look at a new job first, in seconds. */
    static final int RETRY_AFTER = 2;
    static final String EXAMPLE = "{\"operations\": [{\"op\": \"create\", \"user\": {\"username\": \"ada\", "
            + "\"email\": \"ada@example.com\", \"firstName\": \"Ada\", \"tenantUserPrivileges\": [{\"role\": "
            + "\"USER\"}]}, \"groups\": []}, {\"op\": \"grant\", \"username\": \"ada\", \"privilege\": {\"role\": "
            + "\"TEAM_LEADER\", \"activeUntil\": \"2027-01-01T00:00:00Z\"}}, {\"op\": \"deprovision\", "
            + "\"username\": \"grace\"}]}";

    @Inject
    Jobs jobs;

    @Inject
    JobRunner runner;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "submitBulkJob", summary = "Submit a bulk job of operations", description = "Role: "
            + "ADMINISTRATOR; service `bulk`. Up to 100,000 operations and 64 MiB. The job and every item are stored "
            + "before the 202; the items are applied in the background, 500 to a transaction, each with the rules, "
            + "audit event and counters of the single request it stands for. Watch it at `Location`; an item that "
            + "fails does not stop the others. Send `Idempotency-Key` to make a retry safe.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BulkRequest"),
            examples = @ExampleObject(name = "three operations", value = EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Accepted: the job, queued",
            content = @Content(schema = @Schema(ref = "Job")))
    @APIResponse(responseCode = "400", description = "The body is not `{\"operations\": [...]}` of 1 to 100,000 items",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "The body is larger than 64 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response submit(InputStream body) {
        return accepted(jobs.submit("json", each -> JsonItems.read(body, MAX_BYTES, "operations", MAX_ITEMS, each)));
    }

    @POST
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "importUsersCsv", summary = "Import users from a CSV", description = "Role: "
            + "ADMINISTRATOR; service `bulk`. UTF-8, RFC 4180, a header row naming the columns, up to 100,000 rows and "
            + "64 MiB; each row creates a user, as a `create` operation. Columns: `username` (required), `email`, "
            + "`firstName`, `lastName`, `timeZone`, `country`, `zipCode`, `avatar`, `gender`, `birthYear`, `hint`, "
            + "`manager`, `password`, `status`, `identityProviderId`, `orgUserId`, `companyName`, `dept`, "
            + "`companyContactPhone`, `worknumber`, `street`, `suiteNo`, `city`, `zip`, `state`, `canCreateBot`, "
            + "`isDeveloper` (the user's fields), `roles` (role names or ids separated by `;`, granted for the whole "
            + "tenant), `groups` (group ids separated by `;`) and `invite` (`true`: the activation e-mail is sent and "
            + "the user is INVITED until it accepts). An empty cell leaves a field unset. A row that cannot be read "
            + "fails on its own; a header with an unknown column refuses the file.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type =
            org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING), examples = @ExampleObject(
            name = "two users", value = "username,email,firstName,lastName,roles,groups\n"
            + "ada,ada@example.com,Ada,Lovelace,USER,\ngrace,grace@example.com,Grace,Hopper,USER;TEAM_LEADER,\n")))
    @APIResponse(responseCode = "202", description = "Accepted: the job, queued",
            content = @Content(schema = @Schema(ref = "Job")))
    @APIResponse(responseCode = "400", description = "No header row, an unknown column, or no row",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "The body is larger than 64 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response importCsv(InputStream body) {
        return accepted(jobs.submit("csv", each -> CsvUsers.read(body, MAX_BYTES, MAX_ITEMS, each)));
    }

    private Response accepted(Job job) {
        runner.wake();
        return Response.accepted(JobView.of(job))
                .location(uriInfo.getBaseUriBuilder().path("v1/provisioning/jobs").path(job.id()).build())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER).build();
    }
}
