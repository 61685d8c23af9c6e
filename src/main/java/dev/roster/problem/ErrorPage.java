package dev.roster.problem;

import static dev.roster.platform.JsonValues.JSON;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's error page (see {@code web.xml}): whatever fails outside the JAX-RS mappers still answers a
 * problem document, never an HTML page with exception details.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = switch (status) {
            case 404 -> "there is nothing at this address";
            case 405 -> "the method is not allowed here";
            default -> status >= 500 ? "Roster could not complete the request; it was not applied if it was a change"
                    : "the request was refused";
        };
        byte[] body = JSON.createObjectBuilder().add("type", Problem.type("http-" + status)).add("title",
                        status >= 500 ? "Internal error" : "Error").add("status", status).add("detail", detail)
                .add("instance", uri == null ? "" : uri.toString()).build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
