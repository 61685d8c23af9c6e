/**
 * The native API's one error contract: RFC 9457 {@code application/problem+json}.
 *
 * <p>Controls throw the few unchecked exceptions of this package ({@link dev.roster.problem.InvalidInput},
 * {@link dev.roster.problem.NotFound}, {@link dev.roster.problem.Conflict}, ...); the mappers here turn those,
 * the JAX-RS and JSON exceptions and database races into problems. A body never carries a stack trace,
 * a secret or another tenant's data; an unexpected failure is logged with its request id and answered with
 * a generic 500.
 */
package dev.roster.problem;
