package dev.roster.problem;

import dev.roster.platform.RequestId;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one exception-mapping policy of the native API. It looks through wrappers (transaction and
 * persistence exceptions) for the cause that explains the failure; what it cannot explain is a 500
 * with a generic body, logged with the request id.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Inject
    RequestId requestId;

    @Override
    public Response toResponse(Throwable thrown) {
        RosterException known = explain(thrown);
        if (known != null) {
            LOG.log(Level.FINE, "request {0}: {1}", new Object[] {requestId.value(), known.getMessage()});
            return response(known);
        }
        if (thrown instanceof WebApplicationException web) {
            return fromJaxRs(web);
        }
        LOG.log(Level.WARNING, "request " + requestId.value() + " failed", thrown);
        Problem problem = new Problem(Problem.type("internal-error"), "Internal error", 500,
                "Roster could not complete the request; it was not applied if it was a change. Quote request id "
                        + requestId.value() + " when reporting it.", path(), requestId.value(), null, null, null);
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Finds a failure the caller can act on anywhere in the cause chain, or null. */
    static RosterException explain(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof RosterException roster) {
                return roster;
            }
            if (cause instanceof OptimisticLockException) {
                return new Conflict("the record was changed by another request at the same time; read it again "
                        + "and retry");
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return new Conflict("the change collides with an existing record (a value that must be unique "
                        + "is taken)");
            }
            if (cause instanceof JsonException || cause instanceof JsonbException) {
                return new InvalidInput("body", "is not well-formed JSON of the expected shape: "
                        + firstLine(cause.getMessage()));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private Response fromJaxRs(WebApplicationException web) {
        Response original = web.getResponse();
        int status = original.getStatus();
        String detail = switch (status) {
            case 401 -> "a credential is required: send Authorization: Bearer <token> from POST "
                    + "/api/v1/provisioning/token";
            case 403 -> "the caller's roles do not allow this";
            case 404 -> "there is no resource at " + path();
            case 405 -> "the method is not allowed here";
            case 406 -> "the API answers application/json";
            case 415 -> "send the body as application/json";
            default -> firstLine(web.getMessage());
        };
        Problem problem = new Problem(Problem.type("http-" + status), reason(original), status, detail, path(),
                requestId.value(), null, null, null);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        for (String header : new String[] {HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.ALLOW}) {
            Object value = original.getHeaders().getFirst(header);
            if (value != null) {
                builder.header(header, value);
            }
        }
        if (status == 401 && original.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE) == null) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"roster\"");
        }
        return builder.build();
    }

    private Response response(RosterException known) {
        Response.ResponseBuilder builder = Response.status(known.status()).type(Problem.MEDIA_TYPE)
                .entity(known.toProblem(path(), requestId.value()));
        if (known.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"roster\"");
        }
        if (known instanceof TooManyRequests throttled) {
            builder.header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds());
        }
        return builder.build();
    }

    private String path() {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }

    private static String reason(Response response) {
        Response.StatusType info = response.getStatusInfo();
        return info == null || info.getReasonPhrase() == null ? "Error" : info.getReasonPhrase();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
