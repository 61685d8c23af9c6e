/**
 * Roster's one error contract. Controls throw the few protocol-neutral exceptions of this package
 * ({@link dev.roster.problem.InvalidInput}, {@link dev.roster.problem.NotFound}, {@link dev.roster.problem.Conflict},
 * {@link dev.roster.problem.Forbidden}, {@link dev.roster.problem.PreconditionFailed},
 * {@link dev.roster.problem.TooManyRequests}, …); {@link dev.roster.problem.ErrorAnswers} writes each in the shape
 * of the request's {@link dev.roster.problem.Protocol}, one {@link dev.roster.problem.ErrorRenderer} per protocol:
 * RFC 9457 problems on the native API, RFC 6749 errors on the token endpoint, RFC 7644 errors under
 * {@code /scim/v2}, and the Aisera and Kore.ai shapes on their paths. A body never carries a stack trace, a secret
 * or another tenant's data; an unexpected failure is logged with its request id and answered with a generic 500.
 */
package dev.roster.problem;
