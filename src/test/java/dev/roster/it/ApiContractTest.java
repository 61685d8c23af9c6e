package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract check itself: it must catch an undeclared status and a body its schema refuses. */
class ApiContractTest {

    private static final OpenApiInteractionValidator DOCUMENT = OpenApiInteractionValidator
            .createForInlineApiSpecification("""
                    {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/api/things/{id}": {
                      "get": {"parameters": [{"name": "id", "in": "path", "required": true,
                        "schema": {"type": "string"}}], "responses": {
                        "200": {"description": "a thing", "content": {"application/json": {"schema": {
                          "type": "object", "required": ["id"], "properties": {
                            "id": {"type": "string"}, "note": {"type": "string", "nullable": true}}}}}},
                        "404": {"description": "none", "content": {"application/problem+json": {"schema": {
                          "type": "object"}}}}}}}}}
                    """).build();

    @Test
    void aBodyThatFitsItsSchemaPasses() {
        assertEquals(List.of(), ApiContract.violations(DOCUMENT, "GET", "/api/things/1?x=y", 200, "application/json",
                "{\"id\": \"1\", \"note\": null}"));
    }

    @Test
    void aMissingRequiredFieldOrAWrongTypeFails() {
        assertTrue(ApiContract.violations(DOCUMENT, "GET", "/api/things/1", 200, "application/json",
                "{\"note\": \"x\"}").stream().anyMatch(v -> v.contains("id")));
        assertTrue(ApiContract.violations(DOCUMENT, "GET", "/api/things/1", 200, "application/json",
                "{\"id\": 1}").stream().anyMatch(v -> v.contains("schema")));
    }

    @Test
    void anUndeclaredStatusOrMediaTypeFails() {
        assertTrue(ApiContract.violations(DOCUMENT, "GET", "/api/things/1", 409, "application/problem+json", "{}")
                .stream().anyMatch(v -> v.contains("status.unknown")));
        assertTrue(ApiContract.violations(DOCUMENT, "GET", "/api/things/1", 404, "text/html", "<p>no</p>")
                .stream().anyMatch(v -> v.contains("contentType")));
    }

    @Test
    void unknownPathsMayAnswerNotFoundOrUnauthorizedButNothingElse() {
        assertEquals(List.of(), ApiContract.violations(DOCUMENT, "GET", "/api/nothing", 404, "application/json", "{}"));
        assertEquals(List.of(), ApiContract.violations(DOCUMENT, "GET", "/api/nothing", 401, "application/json", "{}"));
        assertTrue(!ApiContract.violations(DOCUMENT, "GET", "/api/nothing", 200, "application/json", "{}").isEmpty());
        assertTrue(ApiContract.outside("GET", "/metrics"));
        assertFalse(ApiContract.outside("POST", "/scim/provision-user"));
    }
}
