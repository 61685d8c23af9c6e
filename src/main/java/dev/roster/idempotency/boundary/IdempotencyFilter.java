package dev.roster.idempotency.boundary;

import dev.roster.caller.Caller;
import dev.roster.idempotency.control.IdempotencyRecords;
import dev.roster.idempotency.entity.IdempotencyRecord;
import dev.roster.platform.JsonConfig;
import dev.roster.problem.Conflict;
import dev.roster.problem.ErrorAnswers;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.PayloadTooLarge;
import dev.roster.problem.ProblemMapper;
import dev.roster.problem.RosterException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on every POST, PUT, PATCH and DELETE of the API and the protocol paths
 * (draft-ietf-httpapi-idempotency-key-header). The first request with a key claims it, then runs in a transaction
 * this filter begins; its answer (status, the headers that matter, body) is stored in that same transaction, so the
 * answer commits exactly when the request's changes do. A retry with the same key and the same request (method, path,
 * {@code X-Tenant}, body) gets that answer again, and nothing happens a second time. A retry while the first still
 * runs is a 409, the same key for another request a 422. An answer of 5xx is not stored, so a retry runs again. Keys
 * belong to the caller in its tenant. Runs after authentication and authorization: a refused request claims no key.
 * (Work a request does in transactions of its own, as Kore.ai's chunks of users, commits on its own.)
 */
@Provider
@Priority(Priorities.USER + 100)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    /** Set on a replayed answer. */
    public static final String REPLAYED = "Idempotent-Replayed";
    static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** A key: an sf-string's characters, optionally in its quotes (the draft's form) or bare. */
    static final Pattern KEY = Pattern.compile("[\\x20-\\x7E&&[^\"\\\\]]{1,255}");
    /** The headers of an answer that are stored with it and replayed. */
    static final List<String> KEPT = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG,
            HttpHeaders.RETRY_AFTER, HttpHeaders.LAST_MODIFIED);
    /** A body up to this size is fingerprinted in memory; a larger one through a temporary file. */
    static final int IN_MEMORY = 1024 * 1024;
    /** The largest body any write takes (a bulk job's). */
    static final long MAX_BODY = 64L * 1024 * 1024;
    static final String CLAIMED = IdempotencyFilter.class.getName() + ".claimed";
    static final String SPOOL = IdempotencyFilter.class.getName() + ".spool";


    @Inject
    Caller caller;

    @Inject
    IdempotencyRecords records;

    @Inject
    UserTransaction transactions;

    @Inject
    ErrorAnswers errors;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String given = request.getHeaderString(HEADER);
        if (given == null || !METHODS.contains(request.getMethod()) || !caller.authenticated()) {
            return;
        }
        String key = given.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInput(HEADER, "must be 1 to 255 printable ASCII characters without quotes or "
                    + "backslashes, such as a UUID");
        }
        MessageDigest digest = sha256();
        digest.update((request.getMethod() + "\n" + request.getUriInfo().getRequestUri().getRawPath() + "?"
                + nullToEmpty(request.getUriInfo().getRequestUri().getRawQuery()) + "\n"
                + nullToEmpty(request.getHeaderString(Caller.TENANT_HEADER)) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        request.setEntityStream(fingerprinted(request, digest));
        String tenant = caller.credentialTenantId();
        IdempotencyRecord.Key claim = new IdempotencyRecord.Key(tenant == null ? IdempotencyRecord.PLATFORM : tenant,
                caller.id(), key);
        Optional<IdempotencyRecord> done = records.claim(claim, HexFormat.of().formatHex(digest.digest()));
        if (done.isPresent()) {
            request.abortWith(replay(done.get()));
            return;
        }
        request.setProperty(CLAIMED, claim);
        try {
            transactions.begin();
        } catch (NotSupportedException | SystemException e) {
            records.release(claim);
            throw new IllegalStateException("cannot begin the request's transaction", e);
        }
    }

    /** Reads the body through the digest, and hands back a stream that reads it again for the resource. */
    private InputStream fingerprinted(ContainerRequestContext request, MessageDigest digest) throws IOException {
        InputStream body = request.getEntityStream();
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        byte[] buffer = new byte[65_536];
        int read;
        while (memory.size() <= IN_MEMORY && (read = body.read(buffer)) != -1) {
            memory.write(buffer, 0, read);
            digest.update(buffer, 0, read);
        }
        if (memory.size() <= IN_MEMORY) {
            return new ByteArrayInputStream(memory.toByteArray());
        }
        Path spool = Files.createTempFile("roster-idempotent-", ".body");
        request.setProperty(SPOOL, spool);
        long size = memory.size();
        try (OutputStream out = Files.newOutputStream(spool, StandardOpenOption.WRITE)) {
            memory.writeTo(out);
            while ((read = body.read(buffer)) != -1) {
                size += read;
                if (size > MAX_BODY) {
                    throw new PayloadTooLarge(MAX_BODY);
                }
                out.write(buffer, 0, read);
                digest.update(buffer, 0, read);
            }
        }
        return Files.newInputStream(spool);
    }

    private static Response replay(IdempotencyRecord record) {
        Response.ResponseBuilder answer = Response.status(record.status()).header(REPLAYED, "true");
        if (record.headers() != null) {
            for (String line : record.headers().split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    answer.header(line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
        }
        if (record.body() != null && !record.body().isEmpty()) {
            answer.entity(record.body().getBytes(StandardCharsets.UTF_8));
        }
        return answer.build();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        deleteSpool(request);
        IdempotencyRecord.Key claim = (IdempotencyRecord.Key) request.getProperty(CLAIMED);
        if (claim == null) {
            return;
        }
        request.removeProperty(CLAIMED);
        try {
            if (response.getStatus() >= 500) {
                rollback();
                records.release(claim);
                return;
            }
            byte[] body = response.hasEntity() ? serialized(response) : null;
            if (body != null) { // what is sent is exactly what is stored
                response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
            }
            String text = body == null ? null : new String(body, StandardCharsets.UTF_8);
            if (transactions.getStatus() == Status.STATUS_ACTIVE) {
                records.completeWithin(claim, response.getStatus(), headers(response), text);
                commit(request, response, claim);
            } else if (response.getStatus() < 400) { // a lost race marked it for rollback after all
                rollback();
                records.release(claim);
                refuse(request, response, new Conflict("the change collided with another request at the same "
                        + "moment and was not made; retry"));
            } else { // refused: nothing was changed, and the refusal is the answer
                rollback();
                records.complete(claim, response.getStatus(), headers(response), text);
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        } finally {
            rollback(); // never leave a transaction on the thread
        }
    }

    private void commit(ContainerRequestContext request, ContainerResponseContext response,
                        IdempotencyRecord.Key claim) throws SystemException {
        try {
            transactions.commit();
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException e) {
            records.release(claim);
            RosterException explained = ProblemMapper.explain(e);
            refuse(request, response, explained != null ? explained : new Conflict("the change could not be "
                    + "committed and was not made; retry"));
        }
    }

    /** Replaces the answer with a refusal, in the protocol's shape. */
    private void refuse(ContainerRequestContext request, ContainerResponseContext response, RosterException failure) {
        ErrorAnswers.Answer answer = errors.answer(request.getUriInfo().getRequestUri().getRawPath(), failure);
        response.setStatus(answer.status());
        response.getHeaders().remove(HttpHeaders.LOCATION);
        response.getHeaders().remove(HttpHeaders.ETAG);
        answer.headers().forEach(response.getHeaders()::putSingle);
        response.setEntity(answer.body(), null, MediaType.valueOf(answer.mediaType()));
    }

    private void rollback() {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        } catch (SystemException | IllegalStateException e) {
            throw new IllegalStateException("cannot end the request's transaction", e);
        }
    }

    /** The answer's body as it goes on the wire: JSON, as every answer of the API is written. */
    private static byte[] serialized(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (entity instanceof JsonValue json) {
            return json.toString().getBytes(StandardCharsets.UTF_8);
        }
        return JsonConfig.jsonb().toJson(entity, response.getEntityType()).getBytes(StandardCharsets.UTF_8);
    }

    private static String headers(ContainerResponseContext response) {
        StringBuilder headers = new StringBuilder();
        for (String name : KEPT) {
            String value = name.equals(HttpHeaders.CONTENT_TYPE) && response.getMediaType() != null
                    ? response.getMediaType().toString() : response.getHeaderString(name);
            if (value != null && !value.isEmpty()) {
                headers.append(name).append(": ").append(value).append('\n');
            }
        }
        return headers.toString();
    }

    private static void deleteSpool(ContainerRequestContext request) {
        if (request.getProperty(SPOOL) instanceof Path spool) {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
