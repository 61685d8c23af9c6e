package dev.roster.operations;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Times every request that reaches the application and records its outcome ({@link Exchanges}); answers browsers'
 * cross-origin preflights and marks answers to listed origins ({@link Cors}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class EdgeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Exchanges exchanges;

    @Inject
    transient Cors cors;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        exchanges.begin(request);
        try {
            if (!cors.preflight(request, response)) {
                cors.allow(request, response);
                chain.doFilter(request, response);
            }
        } finally {
            exchanges.finish(request, response.getStatus());
        }
    }
}
