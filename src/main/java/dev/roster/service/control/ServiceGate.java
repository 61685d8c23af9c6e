package dev.roster.service.control;

import dev.roster.caller.Caller;
import dev.roster.problem.ErrorAnswers;
import dev.roster.problem.ServiceSwitchedOff;
import dev.roster.service.entity.Service;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
    ErrorAnswers errors;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Service> service = Service.of(request.getRequestURI());
        String tenantId = service.isPresent() ? caller.credentialTenantId() : null;
        if (tenantId != null && !services.enabled(tenantId, service.get())) {
            errors.answer(request.getRequestURI(), new ServiceSwitchedOff(service.get().id())).write(response);
            return;
        }
        chain.doFilter(request, response);
    }
}
