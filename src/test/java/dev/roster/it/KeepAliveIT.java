package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every answer keeps a keep-alive connection open, lists included (issue 20): an HTTP/1.0 client asking for
 * keep-alive (as {@code ab -k} does) can only keep a connection whose answer says its length, since HTTP/1.0 has no
 * chunked bodies. Two requests go over one socket; the first is a list of more than 8 KiB.
 */
class KeepAliveIT extends RosterIT {

    @Test
    void aLongListAnswersWithItsLengthAndKeepsTheConnection() throws IOException {
        String tenant = api.newTenant();
        String admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        for (int i = 0; i < 40; i++) {
            api.putUser(tenant, "keeper" + i, "{\"email\":\"keeper" + i + "@example.com\",\"firstName\":\"Keeper\","
                    + "\"lastName\":\"Number " + i + "\",\"tenantUserPrivileges\":[{\"role\":\"USER\"}]}").expect(201);
        }
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String first = exchange(socket, "/api/v1/provisioning/users?size=200", admin);
            assertTrue(first.length() > 8192, "a list longer than Jersey's default buffer: " + first.length());
            String second = exchange(socket, "/api/v1/provisioning/users/keeper7", admin);
            assertTrue(second.contains("\"username\":\"keeper7\""), second);
        }
    }

    /** One HTTP/1.0 keep-alive exchange on {@code socket}; the answer must say its length and keep the connection. */
    private String exchange(Socket socket, String path, String token) throws IOException {
        String request = "GET " + path + " HTTP/1.0\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nConnection: keep-alive\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        String head = head(in);
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        String lower = head.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("\r\nconnection: keep-alive"), "the connection is kept:\n" + head);
        int at = lower.indexOf("\r\ncontent-length:");
        assertTrue(at >= 0, "the answer says its length:\n" + head);
        int length = Integer.parseInt(head.substring(at + 17, head.indexOf("\r\n", at + 2)).strip());
        byte[] body = in.readNBytes(length);
        assertEquals(length, body.length);
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
