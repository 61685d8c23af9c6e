package dev.roster.apidoc;

import dev.roster.problem.Protocol;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Finishes the OpenAPI document. Each resource method documents what is its own (summary, request body, its success
 * and its particular refusals); this filter adds what follows from where an operation sits, so that it is written
 * once and never forgotten:
 * <ul>
 * <li>public operations ({@link #PUBLIC}) need no credential, every other one takes any of Roster's credentials;</li>
 * <li>the {@code X-Tenant} header on the operations that act in a tenant, {@code Idempotency-Key} on every write,
 * and the shared {@code page}, {@code size} and {@code q} parameters;</li>
 * <li>every error an operation can answer, from {@code META-INF/openapi.yaml}'s shared responses: 400, 401, 403,
 * 404, 406, 409, 413, 415, 422, 429 and 500 where they apply, each with its schema and example;</li>
 * <li>examples as JSON values (the annotations can only hold text), and for every answer from
 * {@code components/examples} by schema name.</li>
 * </ul>
 * It also removes the schemas Payara's scanner makes of Java types, and the constraints it writes out from
 * annotation defaults ({@code minLength: 0}, {@code maxProperties: 0}, ...), of which some are wrong.
 */
public class ApiFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(ApiFilter.class.getName());

    /** The operations anyone may call. */
    static final Set<String> PUBLIC = Set.of("token", "jwks", "acceptInvitation");
    /** The operations outside any one tenant, or that name their tenant another way. */
    static final Set<String> NO_TENANT_HEADER = Set.of("token", "jwks", "searchAllTenants");
    /** Where every operation acts in one tenant, which the operator names with {@code X-Tenant}. */
    static final List<String> TENANT_PATHS = List.of("/api/v1/provisioning/", "/api/appxite/", "/api/public/",
            "/scim/");
    /** The error answer of the protocols with a shape of their own, one for every status. */
    static final Map<Protocol, String> OWN_ERRORS = Map.of(Protocol.AISERA, "AiseraError", Protocol.KORE, "KoreError",
            Protocol.SCIM, "ScimError");
    static final List<String> SHARED_PARAMETERS = List.of("page", "size", "q");
    /** Operations whose body is a form, and its schema; Payara describes a form as a string of any media type. */
    static final Map<String, String> FORM_BODIES = Map.of("token", "TokenRequest");
    static final String FORM = "application/x-www-form-urlencoded";
    static final String PROBLEM = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI document) {
        Components components = document.getComponents();
        removeScannedSchemas(components);
        withoutEndpointList(document);
        document.setServers(List.of(OASFactory.createServer().url("/")
                .description("this Roster (send requests to the host that served this document)")));
        Map<String, Object> examples = answerExamples(components);
        Map<String, Object> shared = sharedExamples(components);
        document.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach(
                (method, operation) -> finish(path, method, operation, examples, shared)));
    }

    private void finish(String path, PathItem.HttpMethod method, Operation operation, Map<String, Object> examples,
                        Map<String, Object> shared) {
        boolean open = PUBLIC.contains(operation.getOperationId());
        boolean inTenant = TENANT_PATHS.stream().anyMatch(path::startsWith)
                && !NO_TENANT_HEADER.contains(operation.getOperationId());
        boolean body = operation.getRequestBody() != null;
        Protocol protocol = Protocol.of(path);
        if (open) {
            operation.setSecurity(anonymous(operation.getOperationId()));
        } else if (protocol == Protocol.AISERA) {
            operation.setSecurity(List.of(requirement("basic", "appToken"), requirement("bearer", "appToken")));
        } else if (protocol == Protocol.KORE) {
            operation.setSecurity(List.of(requirement("koreAuth"), requirement("bearer")));
        } else if (protocol == Protocol.SCIM) {
            operation.setSecurity(List.of(requirement("bearer")));
        }
        String own = OWN_ERRORS.get(protocol);
        String form = FORM_BODIES.get(operation.getOperationId());
        if (form != null) {
            operation.setRequestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                    .addMediaType(FORM, OASFactory.createMediaType().schema(ApiModel.ref(form)))));
        }
        shareParameters(operation, inTenant);
        APIResponses responses = operation.getResponses();
        if (!"jwks".equals(operation.getOperationId())) {
            answer(responses, "400", "BadRequest", own);
        }
        if (!open) {
            answer(responses, "401", "Unauthorized", own);
            answer(responses, "403", "Forbidden", own);
        }
        if (path.contains("{") || inTenant) {
            answer(responses, "404", "NotFound", own);
        }
        if (method != PathItem.HttpMethod.GET && !open) {
            answer(responses, "409", "Conflict", own);
            answer(responses, "422", "IdempotencyKeyReused", own);
            List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                    : new ArrayList<>(operation.getParameters());
            parameters.add(OASFactory.createParameter().ref("Idempotency-Key"));
            operation.setParameters(parameters);
        }
        answer(responses, "406", "NotAcceptable", own);
        if (body) {
            answer(responses, "413", "PayloadTooLarge", own);
            answer(responses, "415", "UnsupportedMediaType", own);
            operation.getRequestBody().setRequired(true);
            examplesAsJson(operation.getRequestBody().getContent());
        }
        if (!"jwks".equals(operation.getOperationId())) {
            answer(responses, "429", "TooManyRequests", own);
        }
        answer(responses, "500", "InternalError", own);
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.equals("201")) {
                response.addHeader("Location", OASFactory.createHeader().description("the created resource")
                        .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
            }
            if (status.equals("202")) {
                response.addHeader("Location", OASFactory.createHeader().description("where to watch the job")
                        .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
                response.addHeader("Retry-After", OASFactory.createHeader().description("seconds before looking")
                        .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER)));
            }
            if (response.getContent() != null) {
                examplesAsJson(response.getContent());
                exampleBySchema(response.getContent(), examples);
                sharedExample(status, response.getContent(), shared);
            }
        });
    }

    /** A requirement of all these schemes together. */
    private static SecurityRequirement requirement(String... schemes) {
        SecurityRequirement requirement = OASFactory.createSecurityRequirement();
        for (String scheme : schemes) {
            requirement.addScheme(scheme);
        }
        return requirement;
    }

    /**
     * No credential needed: an empty requirement (Payara drops an empty {@code security} list, which would mean
     * the same); the token endpoint also takes an API key's client credentials in HTTP Basic.
     */
    private static List<SecurityRequirement> anonymous(String operationId) {
        List<SecurityRequirement> requirements = new ArrayList<>();
        requirements.add(OASFactory.createSecurityRequirement());
        if ("token".equals(operationId)) {
            requirements.add(OASFactory.createSecurityRequirement().addScheme("basic"));
        }
        return requirements;
    }

    /**
     * The shared parameters by reference, and {@code X-Tenant} where the operation acts in a tenant. An
     * {@code Authorization} header parameter goes: OpenAPI ignores it, the security schemes describe it.
     */
    private static void shareParameters(Operation operation, boolean inTenant) {
        List<Parameter> parameters = new ArrayList<>();
        if (inTenant) {
            parameters.add(OASFactory.createParameter().ref("X-Tenant"));
        }
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                boolean shared = parameter.getIn() == Parameter.In.QUERY
                        && SHARED_PARAMETERS.contains(parameter.getName());
                boolean header = parameter.getIn() == Parameter.In.HEADER;
                if (header && "Authorization".equalsIgnoreCase(parameter.getName())
                        || header && "X-Tenant".equals(parameter.getName()) && inTenant) {
                    continue;
                }
                boolean tenant = header && "X-Tenant".equals(parameter.getName());
                parameters.add(shared || tenant ? OASFactory.createParameter().ref(parameter.getName()) : parameter);
            }
        }
        operation.setParameters(parameters.isEmpty() ? null : parameters);
    }

    /**
     * Payara lists the application's paths in a top-level {@code endpoints} member, which OpenAPI does not allow
     * (strict parsers refuse the document). It writes the list when there is one; an empty one is left out. Payara's
     * own method, so reached reflectively.
     */
    private static void withoutEndpointList(OpenAPI document) {
        try {
            document.getClass().getMethod("setEndpoints", Map.class).invoke(document, new TreeMap<>());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "The OpenAPI document keeps Payara's endpoints member, which OpenAPI does not "
                    + "allow", e);
        }
    }

    /**
     * Adds the shared response unless the operation documents the status itself: the protocol's {@code own} error
     * answer where it has one, else the problem document answer {@code shared}.
     */
    private static void answer(APIResponses responses, String status, String shared, String own) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(own == null ? shared : own));
        }
    }

    /**
     * Example values from the annotations, which can only hold text, become JSON values; an error response that
     * names no example gets the shared response's for its status.
     */
    private static void examplesAsJson(Content content) {
        content.getMediaTypes().values().forEach(media -> {
            if (media.getExample() instanceof String text) {
                media.setExample(json(text));
            }
            if (media.getExamples() != null) {
                media.getExamples().values().forEach(example -> {
                    if (example.getValue() instanceof String text) {
                        example.setValue(json(text));
                    }
                });
            }
        });
    }

    /** A problem answer the operation documents itself, without an example, gets the shared one of its status. */
    private static void sharedExample(String status, Content content, Map<String, Object> shared) {
        MediaType problem = content.getMediaType(PROBLEM);
        if (problem != null && problem.getExample() == null
                && (problem.getExamples() == null || problem.getExamples().isEmpty()) && shared.containsKey(status)) {
            problem.setExample(shared.get(status));
        }
    }

    /** The examples of the shared error responses, by status. */
    private static Map<String, Object> sharedExamples(Components components) {
        Map<String, Object> examples = new LinkedHashMap<>();
        if (components.getResponses() != null) {
            components.getResponses().values().forEach(response -> {
                MediaType problem = response.getContent() == null ? null : response.getContent().getMediaType(PROBLEM);
                if (problem != null && problem.getExample() instanceof Map<?, ?> example
                        && example.get("status") != null) {
                    examples.put(String.valueOf(example.get("status")), example);
                }
            });
        }
        return examples;
    }

    /** An answer without an example gets the one {@code components/examples} holds for its schema. */
    private static void exampleBySchema(Content content, Map<String, Object> examples) {
        content.getMediaTypes().values().forEach(media -> {
            if (media.getSchema() != null && media.getSchema().getRef() != null && media.getExample() == null
                    && (media.getExamples() == null || media.getExamples().isEmpty())) {
                String schema = media.getSchema().getRef().substring(media.getSchema().getRef().lastIndexOf('/') + 1);
                if (examples.containsKey(schema)) {
                    media.setExample(examples.get(schema));
                }
            }
        });
    }

    /**
     * The examples of {@code components/examples} by schema name, with a page and a list of each item schema
     * derived from its example; the error responses' examples by problem schema come from the shared responses.
     */
    private static Map<String, Object> answerExamples(Components components) {
        Map<String, Object> examples = new LinkedHashMap<>();
        if (components.getExamples() != null) {
            components.getExamples().forEach((name, example) -> examples.put(name, plain(example)));
        }
        ApiModel.PAGES.forEach((page, item) -> {
            if (examples.containsKey(item)) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("content", List.of(examples.get(item)));
                value.put("page", 0);
                value.put("size", 20);
                value.put("totalElements", 1);
                value.put("totalPages", 1);
                value.put("totalExact", true);
                examples.put(page, value);
            }
        });
        ApiModel.LISTS.forEach((list, item) -> {
            if (examples.containsKey(item)) {
                examples.put(list, List.of(examples.get(item)));
            }
        });
        return examples;
    }

    private static Object plain(Example example) {
        return example.getValue() instanceof String text ? json(text) : example.getValue();
    }

    /** Text that is a JSON object or array becomes that value; other text stays text. */
    static Object json(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return text;
        }
        try {
            return plain(Json.createReader(new StringReader(trimmed)).readValue());
        } catch (JsonParsingException notJson) {
            return text;
        }
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((key, member) -> map.put(key, plain(member)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(member -> list.add(plain(member)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValue()
                    : ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    /** Keeps the schemas of {@link ApiModel} and of {@code META-INF/openapi.yaml}; drops those of scanned types. */
    private static void removeScannedSchemas(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        List.copyOf(components.getSchemas().keySet()).stream()
                .filter(name -> !ApiModel.RECORDS.containsKey(name) && !ApiModel.PAGES.containsKey(name)
                        && !ApiModel.LISTS.containsKey(name) && !STATIC_SCHEMAS.contains(name))
                .forEach(components::removeSchema);
    }

    /** The schemas {@code META-INF/openapi.yaml} defines. */
    static final Set<String> STATIC_SCHEMAS = Set.of("Problem", "FieldError", "JwkSet", "TokenRequest",
            "PrivilegeInput", "UserInput", "TenantInput", "TenantInfoInput", "ServiceSwitch", "RoleInput",
            "ApiKeyInput", "DomainMappingInput", "ServiceEndpointInput", "GroupInput", "OrganizationInput",
            "IdentityProviderInput", "InvitationRequest", "AcceptInput", "AppXiteInviteRequest", "AiseraUserInput",
            "AiseraError", "KoreUsersInput", "KoreUserInput", "KoreError", "KoreMessage", "KoreCreateResult",
            "ScimError", "ScimResource", "ScimUser", "ScimGroup", "ScimListResponse", "ScimSearchRequest",
            "ScimPatchOp", "ScimBulkRequest", "ScimBulkResponse");

    @Override
    public Schema filterSchema(Schema schema) {
        if (zero(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (zero(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (zero(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        return schema;
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (Boolean.FALSE.equals(parameter.getAllowEmptyValue())) {
            parameter.setAllowEmptyValue(null);
        }
        if (Boolean.FALSE.equals(parameter.getAllowReserved())) {
            parameter.setAllowReserved(null);
        }
        if (Boolean.FALSE.equals(parameter.getDeprecated())) {
            parameter.setDeprecated(null);
        }
        return parameter;
    }

    private static boolean zero(Integer value) {
        return value != null && value == 0;
    }
}
