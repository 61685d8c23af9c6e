package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi} as issue 14 asks for it: served as YAML or JSON, complete for the findings the issue lists, and
 * equal to the committed {@code docs/openapi.yaml} that the build generates its Java client from (GeneratedClientIT).
 * Whether every answer fits the document is checked on every answer of the suite ({@link ApiContract}).
 */
class ApiDocumentIT extends RosterIT {

    static final Path COMMITTED = Path.of("docs/openapi.yaml");
    static final Path SERVED = Path.of("target/openapi.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDocumentIsYamlByDefaultAndJsonOnRequest() throws IOException {
        Api.Answer yaml = api.get("/openapi").send().expect(200);
        assertTrue(yaml.header("Content-Type").startsWith("application/yaml"), yaml.header("Content-Type"));
        Api.Answer asked = api.get("/openapi").header("Accept", "application/yaml").send().expect(200);
        assertTrue(asked.header("Content-Type").startsWith("application/yaml"), asked.header("Content-Type"));
        Api.Answer json = api.get("/openapi").header("Accept", "application/json").send().expect(200);
        assertTrue(json.header("Content-Type").startsWith("application/json"), json.header("Content-Type"));
        assertEquals(YAML.readTree(yaml.body()), JSON.readTree(json.body()), "the same document in both formats");
    }

    @Test
    void theApiPageIsSwaggerUiOnThisRostersDocument() {
        Api.Answer page = api.get("/openapi/ui").send().expect(200);
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        Matcher assets = Pattern.compile("(?:href|src)=\"(/[^\"]+)\"").matcher(page.body());
        List<String> found = new ArrayList<>();
        while (assets.find()) {
            found.add(assets.group(1));
            assertEquals(200, api.get(assets.group(1)).send().status(), assets.group(1));
        }
        assertTrue(found.stream().anyMatch(a -> a.matches("/webjars/swagger-ui/[0-9.]+/swagger-ui-bundle\\.js")),
                found::toString);
        assertTrue(found.contains("/openapi/ui/api-page.js"), found::toString);
        String script = api.get("/openapi/ui/api-page.js").send().expect(200).body();
        assertTrue(script.contains("url: \"/openapi?format=json\""), "the page shows this Roster's document");
        api.get("/openapi/ui/elsewhere").send().expect(404);
    }

    @Test
    void theCommittedDocumentIsTheOneRosterServes() throws IOException {
        String served = api.get("/openapi").send().expect(200).body();
        Files.writeString(SERVED, served, StandardCharsets.UTF_8);
        List<String> differences = new ArrayList<>();
        compare("", YAML.readTree(Files.readString(COMMITTED)), YAML.readTree(served), differences);
        if (!differences.isEmpty()) {
            fail("docs/openapi.yaml is not the document Roster serves; review " + SERVED + " and copy it over "
                    + "docs/openapi.yaml (the generated client and integrators use that file). Differences:\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(20, differences.size()))));
        }
    }

    @Test
    void everyCredentialSchemeIsDeclaredAndTheTokenEndpointsArePublic() throws IOException {
        JsonNode document = document();
        assertEquals(Set.of("bearer", "basic", "appToken", "koreAuth"),
                names(document.at("/components/securitySchemes")));
        assertEquals("x-app-token", document.at("/components/securitySchemes/appToken/name").asText());
        assertEquals("auth", document.at("/components/securitySchemes/koreAuth/name").asText());
        for (String path : List.of("/api/v1/provisioning/token", "/api/v1/provisioning/token/jwks")) {
            JsonNode operation = document.at("/paths/" + pointer(path)).elements().next();
            assertTrue(operation.get("security").get(0).isEmpty(), path + " needs no credential");
            assertTrue(!operation.at("/responses").has("401") || path.endsWith("token"), path);
        }
        JsonNode token = document.at("/paths/" + pointer("/api/v1/provisioning/token") + "/post/requestBody/content");
        assertEquals(Set.of("application/x-www-form-urlencoded"), names(token));
    }

    @Test
    void everyOperationDocumentsItsTenantHeaderItsBodyAndItsErrorsWithExamples() throws IOException {
        JsonNode document = document();
        List<String> missing = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            boolean inTenant = path.getKey().startsWith("/api/v1/provisioning/")
                    && !Set.of("token", "jwks", "searchAllTenants").contains(operation.get("operationId").asText());
            if (inTenant && !operation.toString().contains("#/components/parameters/X-Tenant")) {
                missing.add(name + ": X-Tenant");
            }
            JsonNode body = operation.get("requestBody");
            if (body != null) {
                body.get("content").fields().forEachRemaining(media -> {
                    if (!media.getValue().has("schema")) {
                        missing.add(name + ": request schema");
                    }
                    if (!media.getValue().has("examples") && !media.getValue().has("example")
                            && example(document, media.getValue().get("schema")) == null) {
                        missing.add(name + ": request example");
                    }
                });
            }
            Set<String> statuses = names(operation.get("responses"));
            boolean open = operation.has("security") && operation.get("security").get(0).isEmpty();
            for (String status : open ? List.of("406", "500") : List.of("400", "401", "403", "406", "429", "500")) {
                if (!statuses.contains(status)) {
                    missing.add(name + ": " + status);
                }
            }
            if (body != null && !(statuses.contains("413") && statuses.contains("415"))) {
                missing.add(name + ": 413 and 415");
            }
            operation.get("responses").fields().forEachRemaining(response -> {
                JsonNode answer = resolve(document, response.getValue());
                if (answer.has("content")) {
                    answer.get("content").fields().forEachRemaining(media -> {
                        if (!media.getValue().has("schema") || !media.getValue().has("example")
                                && !media.getValue().has("examples")) {
                            missing.add(name + " " + response.getKey() + ": schema and example");
                        }
                    });
                } else if (!Set.of("204", "304").contains(response.getKey())) { // no body, by definition
                    missing.add(name + " " + response.getKey() + ": no content");
                }
            });
        }));
        assertEquals(List.of(), missing);
    }

    @Test
    void fieldsThatComeBackNullAreNullableAndTheRestAreRequired() throws IOException {
        JsonNode schemas = document().at("/components/schemas");
        for (String field : List.of("User/properties/firstName", "User/properties/manager",
                "User/properties/birthYear", "ApiKey/properties/lastUsedAt", "ApiKey/properties/activeFrom",
                "Privilege/properties/activeUntil", "Tenant/properties/icon")) {
            assertTrue(schemas.at("/" + field + "/nullable").asBoolean(), field);
        }
        assertTrue(schemas.at("/User/required").toString().contains("\"username\""));
        assertTrue(!schemas.at("/ApiKey/required").toString().contains("apiToken"), "apiToken is only on a new key");
    }

    private JsonNode document() throws IOException {
        return JSON.readTree(api.get("/openapi").header("Accept", "application/json").send().expect(200).body());
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static JsonNode example(JsonNode document, JsonNode schema) {
        return schema == null ? null : resolve(document, schema).get("example");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String pointer(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    /** Where two documents differ, by JSON pointer. */
    private static void compare(String at, JsonNode committed, JsonNode served, List<String> differences) {
        if (committed.isObject() && served.isObject()) {
            Set<String> fields = new TreeSet<>(names(committed));
            fields.addAll(names(served));
            for (String field : fields) {
                if (!committed.has(field) || !served.has(field)) {
                    differences.add(at + "/" + field + (committed.has(field) ? " is no longer served" : " is new"));
                } else {
                    compare(at + "/" + field, committed.get(field), served.get(field), differences);
                }
            }
        } else if (!committed.equals(served)) {
            differences.add(at + ": " + abbreviate(committed) + " is now " + abbreviate(served));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
