package dev.roster.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Echoes the request id on every answer of the API, errors included. */
@Provider
public class RequestIdFilter implements ContainerResponseFilter {

    @Inject
    RequestId requestId;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestId.HEADER, requestId.value());
    }
}
