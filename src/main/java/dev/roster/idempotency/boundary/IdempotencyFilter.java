package dev.roster.idempotency.boundary;

import dev.roster.caller.Caller;
import dev.roster.idempotency.control.IdempotencyRecords;
import dev.roster.idempotency.entity.IdempotencyRecord;
import dev.roster.problem.InvalidInput;
import dev.roster.problem.PayloadTooLarge;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
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
 * (draft-ietf-httpapi-idempotency-key-header). The first request with a key runs and its answer (status, the headers
 * that matter, body) is stored; a retry with the same key and the same request (method, path, {@code X-Tenant}, body)
 * gets that answer again, and nothing happens a second time. A retry while the first still runs is a 409, the same
 * key for another request a 422. An answer of 5xx is not stored, so a retry runs again. Keys belong to the caller in
 * its tenant. Runs after authentication and authorization: a refused request claims no key.
 */
@Provider
@Priority(Priorities.USER + 100)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

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
    static final String WRITING = IdempotencyFilter.class.getName() + ".writing";

    /** An answer whose body is being written: stored once it is. */
    record Writing(IdempotencyRecord.Key claim, int status, String headers) {
    }

    @Inject
    Caller caller;

    @Inject
    IdempotencyRecords records;

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
        } else {
            request.setProperty(CLAIMED, claim);
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
        if (response.getStatus() >= 500) {
            records.release(claim);
        } else if (!response.hasEntity()) {
            records.complete(claim, response.getStatus(), headers(response), null);
        } else { // stored once the body is written
            request.setProperty(WRITING, new Writing(claim, response.getStatus(), headers(response)));
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(WRITING) instanceof Writing writing)) {
            context.proceed();
            return;
        }
        context.removeProperty(WRITING);
        OutputStream out = context.getOutputStream();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        context.setOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                copy.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        });
        context.proceed();
        records.complete(writing.claim(), writing.status(), writing.headers(), copy.toString(StandardCharsets.UTF_8));
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
