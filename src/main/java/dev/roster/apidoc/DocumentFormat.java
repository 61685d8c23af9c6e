package dev.roster.apidoc;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * {@code /openapi} in YAML as {@code application/yaml}, or in JSON when {@code Accept} asks for JSON (or
 * {@code ?format=json}). Payara's document endpoint labels its YAML {@code text/plain} and refuses an
 * {@code Accept: application/yaml} with 406; this filter asks it for what it calls YAML and labels the answer.
 */
@WebFilter(urlPatterns = {"/openapi", "/openapi/"}, asyncSupported = true)
public class DocumentFormat extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String YAML = "application/yaml";
    /** What Payara calls YAML. */
    private static final String PAYARA_YAML = "text/plain";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (wantsJson(request)) {
            chain.doFilter(request, response);
        } else {
            chain.doFilter(new AcceptYaml(request), new LabelledYaml(response));
        }
    }

    static boolean wantsJson(HttpServletRequest request) {
        String format = request.getParameter("format");
        if (format != null) {
            return format.equalsIgnoreCase("json");
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("json")
                && !accept.toLowerCase(Locale.ROOT).contains("yaml");
    }

    private static final class AcceptYaml extends HttpServletRequestWrapper {
        AcceptYaml(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? PAYARA_YAML : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(PAYARA_YAML))
                    : super.getHeaders(name);
        }
    }

    private static final class LabelledYaml extends HttpServletResponseWrapper {
        LabelledYaml(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(label(type));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Content-Type".equalsIgnoreCase(name) ? label(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Content-Type".equalsIgnoreCase(name) ? label(value) : value);
        }

        private static String label(String type) {
            return type != null && type.startsWith(PAYARA_YAML) ? YAML + ";charset=UTF-8" : type;
        }
    }
}
