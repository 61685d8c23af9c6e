package dev.roster.operations;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Times every request that reaches the application and records its outcome ({@link Exchanges}). */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AccessLog extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Exchanges exchanges;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        exchanges.begin(request);
        try {
            chain.doFilter(request, response);
        } finally {
            exchanges.finish(request, response.getStatus());
        }
    }
}
