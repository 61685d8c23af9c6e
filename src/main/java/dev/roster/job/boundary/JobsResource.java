package dev.roster.job.boundary;

import dev.roster.caller.Roles;
import dev.roster.job.control.Jobs;
import dev.roster.platform.Page;
import dev.roster.platform.PageRequest;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's bulk jobs: their progress, their per-item results, and cancelling one. */
@RequestScoped
@Path("v1/provisioning/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "Bulk jobs")
public class JobsResource {

    @Inject
    Jobs jobs;

    @GET
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listJobs", summary = "The tenant's bulk jobs, newest first", description = "Roles: "
            + "ADMINISTRATOR, INTERNAL_AUDITING; service `bulk`.")
    @APIResponse(responseCode = "200", description = "A page of jobs",
            content = @Content(schema = @Schema(ref = "JobPage")))
    public Page<JobView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return jobs.list(PageRequest.of(page, size)).map(JobView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getJob", summary = "A bulk job's status and counts", description = "Roles: "
            + "ADMINISTRATOR, INTERNAL_AUDITING. `status` is queued, running, succeeded (every item applied, whether "
            + "it succeeded or failed), failed (the job stopped: `error` says why; the items applied stay applied) "
            + "or cancelled. `rate` is items applied per second.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(ref = "Job")))
    @APIResponse(responseCode = "404", description = "No such job in this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public JobView get(@PathParam("id") String id) {
        return JobView.of(jobs.get(id));
    }

    @GET
    @Path("{id}/results")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTERNAL_AUDITING, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listJobResults", summary = "A page of a job's per-item results, in item order",
            description = "Roles: ADMINISTRATOR, INTERNAL_AUDITING. Each result gives the item's `index` (from 0), "
            + "its `key` (the username, or the privilege), its `op`, its `outcome` (succeeded or failed), the "
            + "`status` the single request would have answered, the `id` of what it created, and for a failure "
            + "the `error` as a problem document. `status=failed` or `status=succeeded` lists only those.")
    @APIResponse(responseCode = "200", description = "A page of results",
            content = @Content(schema = @Schema(ref = "JobResultPage")))
    @APIResponse(responseCode = "400", description = "`status` is not failed or succeeded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such job in this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Page<JobResult> results(@PathParam("id") String id, @QueryParam("status") String status,
                                    @QueryParam("page") String page, @QueryParam("size") String size) {
        Jobs.Outcomes which = Jobs.Outcomes.ALL;
        if (status != null) {
            switch (status.strip().toLowerCase(Locale.ROOT)) {
                case "failed" -> which = Jobs.Outcomes.FAILED;
                case "succeeded" -> which = Jobs.Outcomes.SUCCEEDED;
                default -> throw new InvalidInput("status", "must be failed or succeeded");
            }
        }
        return jobs.results(id, which, PageRequest.of(page, size)).map(JobResult::of);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "cancelJob", summary = "Cancel a bulk job", description = "Role: ADMINISTRATOR. No "
            + "chunk starts after this; the one being applied finishes, and the items applied stay applied. "
            + "Cancelling a job that ended changes nothing. Answers the job.")
    @APIResponse(responseCode = "200", description = "The job, cancelled (or as it ended)",
            content = @Content(schema = @Schema(ref = "Job")))
    @APIResponse(responseCode = "404", description = "No such job in this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public JobView cancel(@PathParam("id") String id) {
        return JobView.of(jobs.cancel(id));
    }
}
