package dev.roster.problem;

import dev.roster.platform.RequestId;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one exception-mapping policy. It looks through wrappers (transaction and persistence exceptions) for the
 * cause that explains the failure, and answers it through {@link ErrorAnswers} in the shape of the request's
 * protocol; what it cannot explain is a 500 with a generic body, logged once with the request id. A failure the
 * caller caused is logged in one line: at INFO for a conflict (two requests raced, or a rule held), else at FINE.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Inject
    RequestId requestId;

    @Inject
    ErrorAnswers answers;

    @Override
    public Response toResponse(Throwable thrown) {
        RosterException failure = explain(thrown);
        if (failure == null && thrown instanceof WebApplicationException web) {
            failure = fromJaxRs(web);
        }
        if (failure != null) {
            String line = "request " + requestId.value() + ": " + failure.status() + " " + failure.detail();
            LOG.log(failure.status() == 409 ? Level.INFO : Level.FINE, line); // a lost race is worth seeing
        } else {
            LOG.log(Level.WARNING, "request " + requestId.value() + " failed", thrown);
            failure = new InternalFailure(requestId.value());
        }
        return answers.answer(path(), failure).response();
    }

    /** Finds a failure the caller can act on anywhere in the cause chain, or null. */
    public static RosterException explain(Throwable thrown) {
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
                return Conflict.notUnique("the change collides with an existing record (a value that must be "
                        + "unique is taken)");
            }
            if (cause instanceof JsonException || cause instanceof JsonbException) {
                return InvalidInput.malformed("is not well-formed JSON of the expected shape: "
                        + firstLine(cause.getMessage()));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private RosterException fromJaxRs(WebApplicationException web) {
        Response original = web.getResponse();
        int status = original.getStatus();
        if (status == 401) { // the same kind as a credential the authentication mechanism refuses
            return new Unauthorized("a credential is required: send Authorization: Bearer <token> from POST "
                    + "/api/v1/provisioning/token, an x-app-token, or Basic");
        }
        String detail = switch (status) {
            case 403 -> "the caller's roles do not allow this";
            case 404 -> "there is no resource at " + path();
            case 405 -> "the method is not allowed here";
            case 406 -> "the API answers application/json";
            case 415 -> "send the body as " + (Protocol.of(path()) == Protocol.TOKEN
                    ? MediaType.APPLICATION_FORM_URLENCODED : MediaType.APPLICATION_JSON);
            default -> firstLine(web.getMessage());
        };
        Map<String, String> headers = new HashMap<>();
        Object allow = original.getHeaders().getFirst(HttpHeaders.ALLOW);
        if (allow != null) {
            headers.put(HttpHeaders.ALLOW, allow.toString());
        }
        return new HttpFailure(status, ErrorAnswers.reason(status), detail, headers);
    }

    private String path() {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
