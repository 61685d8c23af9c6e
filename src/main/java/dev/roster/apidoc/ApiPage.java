package dev.roster.apidoc;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The browsable API page at {@code /openapi/ui}: Swagger UI (its webjar's static files, served by the container
 * under {@code /webjars/}) showing this Roster's {@code /openapi}, with "Try it out" against the same Roster.
 * Anyone may read it, as anyone may read the document; calls made from it need a credential like any other.
 */
@WebServlet(urlPatterns = {"/openapi/ui", "/openapi/ui/*"})
public class ApiPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PAGE = page("api-page.html");
    static final String SCRIPT = page("api-page.js");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "" -> send(response, "text/html;charset=UTF-8", PAGE);
            case "/" -> response.sendRedirect("/openapi/ui");
            case "/api-page.js" -> send(response, "text/javascript;charset=UTF-8", SCRIPT);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void send(HttpServletResponse response, String type, String body) throws IOException {
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(body);
    }

    private static String page(String name) {
        try (InputStream in = ApiPage.class.getResourceAsStream(name);
             InputStream versions = ApiPage.class.getResourceAsStream("/roster-version.properties")) {
            Properties properties = new Properties();
            properties.load(versions);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{version}}", properties.getProperty("swagger-ui.version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
