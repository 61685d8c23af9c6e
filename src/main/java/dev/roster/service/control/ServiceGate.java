package dev.roster.service.control;

import static dev.roster.platform.JsonValues.JSON;

import dev.roster.platform.RequestId;
import dev.roster.problem.Problem;
import dev.roster.security.Caller;
import dev.roster.service.entity.Service;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Closes a switched-off service to the tenant's credentials: such a call is answered 403 naming the service,
 * before it reaches the service. Runs after authentication; the platform operator is never shut out.
 */
@WebFilter("/*")
public class ServiceGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    Caller caller;

    @Inject
    Services services;

    @Inject
    RequestId requestId;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Service> service = Service.of(request.getRequestURI());
        String tenantId = service.isPresent() ? caller.credentialTenantId() : null;
        if (tenantId != null && !services.enabled(tenantId, service.get())) {
            byte[] body = JSON.createObjectBuilder()
                    .add("type", Problem.type("service-switched-off"))
                    .add("title", "Service switched off")
                    .add("status", 403)
                    .add("detail", "the service " + service.get().id() + " is switched off for this tenant; the "
                            + "platform operator switches it on")
                    .add("instance", request.getRequestURI())
                    .add("requestId", requestId.value())
                    .build().toString().getBytes(StandardCharsets.UTF_8);
            response.setStatus(403);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setHeader(RequestId.HEADER, requestId.value());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }
}
