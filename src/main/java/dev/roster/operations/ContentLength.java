package dev.roster.operations;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Sends every answer of up to {@link #LIMIT} bytes with its {@code Content-Length} rather than chunked, so that an
 * HTTP/1.0 keep-alive client (such as {@code ab -k}) keeps its connection for a list too. A longer answer goes out
 * chunked from the point it passes the limit.
 *
 * <p>Jersey can do this itself ({@code jersey.config.server.contentLength.buffer}), but it allocates a buffer of the
 * whole limit for every answer before the first byte is written: 1 MiB per request, three quarters of everything a
 * request allocated, and most of the young collections under load. This buffer grows with the answer instead; Jersey's
 * own is off ({@link dev.roster.RosterApplication#JERSEY}).
 */
@Provider
public class ContentLength implements WriterInterceptor {

    /** The longest answer that is held back to be sent with its length. */
    static final int LIMIT = 1 << 20;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        OutputStream out = context.getOutputStream();
        Held held = new Held(out, LIMIT);
        context.setOutputStream(held);
        try {
            context.proceed();
        } finally {
            context.setOutputStream(out);
        }
        if (held.holding()) {
            context.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, held.size());
            held.release();
        }
    }

    /** Holds what is written until {@code limit} bytes; past that, writes through. */
    static final class Held extends OutputStream {

        private final OutputStream out;
        private final int limit;
        private ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);

        Held(OutputStream out, int limit) {
            this.out = out;
            this.limit = limit;
        }

        boolean holding() {
            return buffer != null;
        }

        int size() {
            return buffer.size();
        }

        /** Writes what is held to the stream beneath and writes through from then on. */
        void release() throws IOException {
            if (buffer != null) {
                buffer.writeTo(out);
                buffer = null;
            }
        }

        @Override
        public void write(int b) throws IOException {
            target(1).write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target(length).write(bytes, offset, length);
        }

        /** Where {@code length} more bytes go: the buffer while they fit within the limit, else the stream beneath. */
        private OutputStream target(int length) throws IOException {
            if (buffer != null && buffer.size() + length > limit) {
                release();
            }
            return buffer != null ? buffer : out;
        }

        /** A flush while holding is left to the end: flushing would commit the answer without its length. */
        @Override
        public void flush() throws IOException {
            if (buffer == null) {
                out.flush();
            }
        }

        /** Closing is the caller's: what is held is released by {@link ContentLength} after it set the length. */
        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
