package dev.roster.problem;

import dev.roster.platform.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way Roster answers a failure: in the shape of the protocol the request was for ({@link Protocol}),
 * with the failure's own headers and {@code X-Request-Id}. The exception mapper, the authentication mechanism,
 * the service gate and the container's error page all answer through here.
 */
@ApplicationScoped
public class ErrorAnswers {

    @Inject
    RequestId requestId;

    /** An answer ready to send. */
    public record Answer(int status, String mediaType, byte[] body, Map<String, String> headers) {

        public Response response() {
            Response.ResponseBuilder builder = Response.status(status, reason(status)).type(mediaType).entity(body);
            headers.forEach(builder::header);
            return builder.build();
        }

        public void write(HttpServletResponse response) throws IOException {
            response.setStatus(status);
            if (status == 429) {
                StatusLine.set(response, status);
            }
            headers.forEach(response::setHeader);
            response.setContentType(mediaType);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        }
    }

    /** The answer to {@code failure} of a request for {@code path}. */
    public Answer answer(String path, RosterException failure) {
        String id = requestId.value();
        ErrorRenderer renderer = Protocol.of(path).renderer();
        Map<String, String> headers = new LinkedHashMap<>(failure.headers());
        headers.put(RequestId.HEADER, id);
        return new Answer(failure.status(), renderer.mediaType(),
                renderer.body(failure, path, id).toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The reason phrase for a status, also for those the HTTP layer does not know (429 is not "CUSTOM"). */
    static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (status == 422) {
            return "Unprocessable Content";
        }
        return known != null ? known.getReasonPhrase() : status >= 500 ? "Server Error" : "Client Error";
    }
}
