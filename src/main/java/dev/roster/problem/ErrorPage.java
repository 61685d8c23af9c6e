package dev.roster.problem;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The container's error page (see {@code web.xml}): whatever fails outside the JAX-RS mappers still answers in
 * the shape of its protocol ({@link ErrorAnswers}), never an HTML page with exception details.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** What the container's own files answer to; it refuses any other method with 403, which is really a 405. */
    static final List<String> READS = List.of("GET", "HEAD", "OPTIONS");

    @Inject
    transient ErrorAnswers answers;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Map<String, String> headers = Map.of();
        if (status == 403 && !READS.contains(request.getMethod())) { // the static files refuse writes
            status = 405;
            headers = Map.of("Allow", String.join(", ", READS));
        }
        String detail = switch (status) {
            case 404 -> "there is nothing at this address";
            case 405 -> "the method " + request.getMethod() + " is not allowed here";
            default -> status >= 500 ? "Roster could not complete the request; it was not applied if it was a change"
                    : "the request was refused";
        };
        response.reset();
        answers.answer(uri == null ? null : uri.toString(),
                new HttpFailure(status, ErrorAnswers.reason(status), detail, headers)).write(response);
    }
}
