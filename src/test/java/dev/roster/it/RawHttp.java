package dev.roster.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** An HTTP/1.1 request over a plain socket, for what Java's HTTP client hides, such as the status line. */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and {@code body}. */
    static String statusLine(URL base, String head, String body) {
        return response(base, head, body).lines().findFirst().orElse("");
    }

    /** The whole answer, status line, headers and body, as text. */
    static String response(URL base, String head, String body) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            String request = head + "\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nContent-Length: "
                    + payload.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(payload);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
