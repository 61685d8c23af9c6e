package dev.roster.problem;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * A {@code @Transactional} method whose commit fails (two requests changed the same row at once, say) throws a
 * {@link TransactionalException}. Jersey maps that type with a mapper of its own, which rethrows whatever is not
 * a {@code WebApplicationException}, so the caller got a bare 500. This mapper, for the same type, is the
 * application's and is chosen instead (PrivilegesIT races 60 grants to one user to prove it); it hands the exception to
 * {@link ProblemMapper}, the one policy, which finds the cause: a lost update is 409.
 */
@Provider
public class TransactionalProblemMapper implements ExceptionMapper<TransactionalException> {

    @Context
    Providers providers;

    @Override
    public Response toResponse(TransactionalException thrown) {
        return providers.getExceptionMapper(Throwable.class).toResponse(thrown);
    }
}
