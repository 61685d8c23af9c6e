package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A thin HTTP client for Roster's API, with the fixtures the system tests share. */
public final class Api {

    public static final String OPERATOR = env("ROSTER_BOOTSTRAP_ADMIN_USERNAME", "operator");
    public static final String OPERATOR_PASSWORD = env("ROSTER_BOOTSTRAP_ADMIN_PASSWORD", "it-operator-secret-1");
    public static final String PASSWORD = "correct-horse-battery";

    /** HTTP/1.1, as integrations speak to Roster over plain HTTP (no h2c upgrade). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private String operatorToken;

    public Api(URL base) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
    }

    /** An answer: status, headers and body. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public List<JsonObject> content() {
            return json().getJsonArray("content").getValuesAs(JsonObject.class);
        }

        public List<String> usernames() {
            return content().stream().map(u -> u.getString("username")).toList();
        }

        /** Asserts the status, showing the body when it differs. */
        public Answer expect(int expected) {
            assertEquals(expected, status, () -> "HTTP " + status + ": " + body);
            return this;
        }
    }

    /** A request under construction. */
    public final class Call {
        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call as(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call tenant(String label) {
            return header("X-Tenant", label);
        }

        public Call header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        public Call json(String json) {
            header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(json);
            return this;
        }

        /** A body as it is, with the given {@code Content-Type} (none when null). */
        public Call body(String contentType, String text) {
            if (contentType != null) {
                header("Content-Type", contentType);
            }
            body = HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        public Call json(JsonObject json) {
            return json(json.toString());
        }

        public Call form(Map<String, String> fields) {
            header("Content-Type", "application/x-www-form-urlencoded");
            body = HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
            return this;
        }

        public Answer send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .method(method, body);
            if (!headers.isEmpty()) {
                request.headers(headers.toArray(String[]::new));
            }
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                ApiContract.check(base, method, path, response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null), response.body());
                return new Answer(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    /** {@code POST /api/v1/provisioning/token} with a password grant. */
    public Answer login(String username, String password, String tenant) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", username);
        form.put("password", password);
        if (tenant != null) {
            form.put("tenant", tenant);
        }
        return post("/api/v1/provisioning/token").form(form).send();
    }

    public String token(String username, String password, String tenant) {
        return login(username, password, tenant).expect(200).json().getString("access_token");
    }

    public String operator() {
        if (operatorToken == null) {
            operatorToken = token(OPERATOR, OPERATOR_PASSWORD, null);
        }
        return operatorToken;
    }

    /** Creates a tenant with a fresh label and returns the label. */
    public String newTenant() {
        String label = "t-" + UUID.randomUUID().toString().substring(0, 12);
        post("/api/v1/tenants").as(operator()).json("{\"label\":\"" + label + "\",\"name\":\"Tenant " + label + "\"}")
                .send().expect(201);
        return label;
    }

    /** Creates (or updates) a user through the operator. */
    public Answer putUser(String tenant, String username, String json) {
        return put("/api/v1/provisioning/users/" + username).as(operator()).tenant(tenant).json(json).send();
    }

    /** Creates a user holding {@code role} (with a password and an optional manager) and returns its token. */
    public String member(String tenant, String username, String role, String manager) {
        String json = "{\"email\":\"" + username + "@example.com\",\"password\":\"" + PASSWORD + "\""
                + (manager == null ? "" : ",\"manager\":\"" + manager + "\"")
                + ",\"tenantUserPrivileges\":[{\"role\":\"" + role + "\"}]}";
        putUser(tenant, username, json).expect(201);
        return token(username, PASSWORD, tenant);
    }

    /** Creates a user with a privilege and no password. */
    public void plainMember(String tenant, String username, String role, String manager) {
        String json = "{\"email\":\"" + username + "@example.com\""
                + (manager == null ? "" : ",\"manager\":\"" + manager + "\"")
                + (role == null ? "" : ",\"tenantUserPrivileges\":[{\"role\":\"" + role + "\"}]") + "}";
        putUser(tenant, username, json).expect(201);
    }

    /**
     * The value of one series on {@code /metrics} (Prometheus text format), such as
     * {@code metric("roster_listing_pages_total", "start", "position")}; 0 while the series does not exist yet.
     */
    public double metric(String name, String... labels) {
        String body = get("/metrics").header("Accept", "text/plain").send().expect(200).body();
        for (String line : body.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < labels.length; i += 2) {
                matches &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (matches) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    public static JsonArray array(String json) {
        return Json.createReader(new StringReader(json)).readArray();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
