package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Service endpoints: the seed's fields, secrets encrypted and never returned, the type catalog, bad input. */
class ServiceEndpointsIT extends RosterIT {

    static final String PATH = "/api/v1/provisioning/service-endpoints";

    String tenant;
    String admin;
    String password;
    String vhost;

    @BeforeEach
    void tenantWithAnAdministrator() {
        tenant = api.newTenant();
        admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
        password = "mq-secret-" + UUID.randomUUID();
        vhost = "vhost-" + UUID.randomUUID();
    }

    /** The seed's example, with a real URL and real secrets in place of its placeholders. */
    String seed() {
        return """
                {
                    "endpointTypeId": 1,
                    "url": "amqps://mq.cooori.example",
                    "userName": "admin",
                    "password": "%1$s",
                    "provUserName": "admin",
                    "provPassword": "%1$s-prov",
                    "provPort": null,
                    "apiKey": "",
                    "messageHandler": "",
                    "exchange": "from-cooori",
                    "binding": "#",
                    "active": true,
                    "durable": true,
                    "vhost": "%2$s",
                    "activeFrom": "2014-09-09T13:36:07Z",
                    "activeUntil": "2016-09-09T13:36:08Z"
                }""".formatted(password, vhost);
    }

    @Test
    void theSeedsEndpointIsRegisteredWithEveryFieldAndNoSecretComesBack() {
        Api.Answer added = api.post(PATH).as(admin).json(seed()).send().expect(201);
        JsonObject endpoint = added.json();
        assertFalse(added.body().contains(password));
        assertTrue(endpoint.getBoolean("passwordSet"));
        assertTrue(endpoint.getBoolean("provPasswordSet"));
        assertFalse(endpoint.getBoolean("apiKeySet"), "the seed's empty apiKey is none");
        assertFalse(endpoint.containsKey("password") || endpoint.containsKey("provPassword") || endpoint.containsKey("apiKey"));
        assertEquals(1, endpoint.getInt("endpointTypeId"));
        assertEquals("amqps://mq.cooori.example", endpoint.getString("url"));
        assertEquals("admin", endpoint.getString("userName"));
        assertEquals("admin", endpoint.getString("provUserName"));
        assertTrue(endpoint.isNull("provPort"));
        assertEquals("from-cooori", endpoint.getString("exchange"));
        assertEquals("#", endpoint.getString("binding"));
        assertTrue(endpoint.getBoolean("active"));
        assertTrue(endpoint.getBoolean("durable"));
        assertEquals(vhost, endpoint.getString("vhost"));
        assertEquals("2014-09-09T13:36:07Z", endpoint.getString("activeFrom"));
        assertEquals("2016-09-09T13:36:08Z", endpoint.getString("activeUntil"));
        String adminId = api.get("/api/v1/provisioning/users/admin").as(admin).send().json().getString("id");
        assertEquals(adminId, endpoint.getString("registeredByUserId"), "set by the server");
        assertTrue(endpoint.containsKey("registeredDate") && endpoint.containsKey("tenantId"));
        JsonObject type = endpoint.getJsonObject("endpointType");
        assertEquals(List.of("id", "name", "label", "internal", "shortDescription"), List.copyOf(type.keySet()));
        assertEquals("MQ_INCOMING", type.getString("label"));
        assertEquals("Incoming MQ", type.getString("name"));
        assertFalse(type.getBoolean("internal"));

        String id = endpoint.getString("id");
        for (Api.Answer read : List.of(api.get(PATH + "/" + id).as(admin).send().expect(200),
                api.get(PATH).as(admin).send().expect(200), api.get("/api/v1/provisioning/details").as(admin).send(),
                api.get("/api/v1/provisioning/events?size=200").as(admin).send())) {
            assertFalse(read.body().contains(password), "no answer holds the secret");
        }
        assertEquals(id, api.get("/api/v1/provisioning/details").as(admin).send().json().getJsonArray("tenantEndpoints")
                .getJsonObject(0).getString("id"));
    }

    @Test
    void theDatabaseHoldsNoSecretInClear() throws IOException, SQLException {
        api.post(PATH).as(admin).json(seed()).send().expect(201);
        assertTrue(StoredData.contains(vhost), "the scan sees what the database wrote (the vhost, which is not secret)");
        assertFalse(StoredData.contains(password), "the password is not in the database in clear");
    }

    @Test
    void aPutKeepsASecretItLeavesOutAndClearsOneItSendsAsNull() {
        String id = api.post(PATH).as(admin).json(seed()).send().expect(201).json().getString("id");
        JsonObject read = api.get(PATH + "/" + id).as(admin).send().json();
        JsonObject kept = api.put(PATH + "/" + id).as(admin).json(read).send().expect(200).json();
        assertTrue(kept.getBoolean("passwordSet"), "sending back what a GET returned keeps the secrets");
        JsonObject renamed = api.put(PATH + "/" + id).as(admin).json("{\"exchange\":\"to-cooori\",\"provPort\":\"5671\"}")
                .send().expect(200).json();
        assertEquals("to-cooori", renamed.getString("exchange"));
        assertEquals(5671, renamed.getInt("provPort"));
        assertTrue(renamed.getBoolean("passwordSet"));
        JsonObject cleared = api.put(PATH + "/" + id).as(admin).json("{\"password\":null,\"apiKey\":\"k-1\"}").send()
                .expect(200).json();
        assertFalse(cleared.getBoolean("passwordSet"));
        assertTrue(cleared.getBoolean("apiKeySet"));
        assertTrue(cleared.getBoolean("provPasswordSet"));
        api.delete(PATH + "/" + id).as(admin).send().expect(204);
        api.get(PATH + "/" + id).as(admin).send().expect(404);
    }

    /** 003 Service Endpoint Fields: {@code endpointType} is a Map; it names the type by its id or its label. */
    @Test
    void theSeedsEndpointTypeMapNamesTheTypeByIdOrByLabel() {
        for (String named : new String[] {"{\"label\":\"MQ_INCOMING\"}", "{\"id\":1}", "{\"label\":\"mq_incoming\"}"}) {
            JsonObject added = api.post(PATH).as(admin).json("{\"endpointType\":" + named
                    + ",\"url\":\"amqps://mq.example\"}").send().expect(201).json();
            assertEquals(1, added.getInt("endpointTypeId"), named);
            assertEquals("MQ_INCOMING", added.getJsonObject("endpointType").getString("label"), named);
        }
        field(api.post(PATH).as(admin).json("{\"endpointType\":{\"label\":\"TELEPATHY\"},\"url\":\"amqps://mq.example\"}")
                .send(), "endpointType.label");
        field(api.post(PATH).as(admin).json("{\"endpointType\":{\"id\":1},\"endpointTypeId\":2,"
                + "\"url\":\"amqps://mq.example\"}").send(), "endpointType");
        field(api.post(PATH).as(admin).json("{\"endpointType\":\"MQ_INCOMING\",\"url\":\"amqps://mq.example\"}").send(),
                "endpointType");
    }

    @Test
    void theCatalogListsTheTypes() {
        JsonObject type = Api.array(api.get("/api/v1/provisioning/endpoint-types").as(admin).send().expect(200).body())
                .getJsonObject(0);
        assertEquals(1, type.getInt("id"));
        assertEquals("MQ_INCOMING", type.getString("label"));
        assertTrue(type.getString("shortDescription").startsWith("Events from Customer"));
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        field(api.post(PATH).as(admin).json("{\"endpointTypeId\":1}").send(), "url");
        field(api.post(PATH).as(admin).json("{\"url\":\"amqps://mq.example\"}").send(), "endpointTypeId");
        field(api.post(PATH).as(admin).json("{\"endpointTypeId\":99,\"url\":\"amqps://mq.example\"}").send(), "endpointTypeId");
        field(api.post(PATH).as(admin).json("{\"endpointTypeId\":1,\"url\":\"http://mq.example\"}").send(), "url");
        field(api.post(PATH).as(admin).json("{\"endpointTypeId\":1,\"url\":\"amqps://\"}").send(), "url");
        field(api.post(PATH).as(admin).json("{\"endpointTypeId\":1,\"url\":\"{server.url}\"}").send(), "url");
        field(api.post(PATH).as(admin).json("{\"endpointTypeId\":1,\"url\":\"amqps://mq.example\",\"provPort\":70000}")
                .send(), "provPort");
        field(api.post(PATH).as(admin).json("{\"endpointTypeId\":1,\"url\":\"amqps://mq.example\",\"active\":\"yes\"}")
                .send(), "active");
        field(api.post(PATH).as(admin).json("{\"endpointTypeId\":1,\"url\":\"amqps://mq.example\","
                + "\"activeFrom\":\"2020-02-01T00:00:00Z\",\"activeUntil\":\"2020-01-01T00:00:00Z\"}").send(), "activeUntil");
        field(api.post(PATH).as(admin).json("{\"endpointTypeId\":1,\"url\":\"amqps://mq.example\",\"colour\":\"red\"}")
                .send(), "colour");
        field(api.post(PATH).as(admin).json("{\"endpointTypeId\":1,\"url\":\"amqps://mq.example\",\"vhost\":\""
                + "v".repeat(201) + "\"}").send(), "vhost");
        assertEquals(0, api.get(PATH).as(admin).send().json().getInt("totalElements"));
    }

    @Test
    void anotherTenantAndReadersCannotChangeEndpoints() {
        String id = api.post(PATH).as(admin).json(seed()).send().expect(201).json().getString("id");
        String other = api.member(api.newTenant(), "admin", "ADMINISTRATOR", null);
        api.get(PATH + "/" + id).as(other).send().expect(404);
        api.put(PATH + "/" + id).as(other).json("{\"exchange\":\"x\"}").send().expect(404);
        api.delete(PATH + "/" + id).as(other).send().expect(404);
        assertEquals(0, api.get(PATH).as(other).send().json().getInt("totalElements"));
        String auditor = api.member(tenant, "auditor", "INTERNAL_AUDITING", null);
        api.get(PATH + "/" + id).as(auditor).send().expect(200);
        api.put(PATH + "/" + id).as(auditor).json("{\"exchange\":\"x\"}").send().expect(403);
        api.get(PATH).as(api.member(tenant, "user", "USER", null)).send().expect(403);
    }

    private static void field(Api.Answer answer, String field) {
        answer.expect(400);
        assertEquals(field, answer.json().getJsonArray("errors").getJsonObject(0).getString("field"), answer.body());
    }
}
