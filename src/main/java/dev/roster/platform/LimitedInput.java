package dev.roster.platform;

import dev.roster.problem.PayloadTooLarge;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that counts what is read and refuses (413) to go past its limit. */
public final class LimitedInput extends FilterInputStream {

    /**
     * How much of an oversized body, as a multiple of the limit, is read and discarded so that the client, still
     * sending, can read the 413.
     */
    static final long DRAIN_FACTOR = 16;

    private final long limit;
    private long count;

    public LimitedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) throws IOException {
        count += n;
        if (count > limit) {
            byte[] discard = new byte[8192];
            long drained = count;
            for (int read; drained < DRAIN_FACTOR * limit && (read = in.read(discard)) > 0; ) {
                drained += read;
            }
            throw new PayloadTooLarge(limit);
        }
    }
}
