package dev.roster.token.boundary;

import dev.roster.problem.HttpFailure;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * A request without a {@code Content-Type}, or with a wildcard one ({@code *}{@code /*}, {@code application/*}),
 * matches a form method but its {@code @FormParam}s cannot be read: it is refused with 415 naming the form type
 * before they are.
 */
@Provider
@FormBody
public class FormBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type) || type.isWildcardType()
                || type.isWildcardSubtype()) {
            throw new HttpFailure(415, "Unsupported Media Type", "send the body as "
                    + MediaType.APPLICATION_FORM_URLENCODED + (type == null ? ", with that Content-Type" : ", not "
                    + type.getType() + "/" + type.getSubtype()));
        }
    }
}
