package io.aimsgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.H2DemoApp;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description of /api (springdoc, {@code shared.ApiDocumentation}): logged-in users only; valid for an
 * independent implementation (swagger-parser); every /api request mapping of the running application is in it with
 * its summary, description, problem+json refusals and examples; every request example is accepted by its endpoint's
 * body binding and Bean Validation; and docs/openapi.json is the spec the application serves.
 * <p>
 * After a change of the API: {@code ./mvnw test -Dtest=ApiDocumentationTest -Daims.docs.update=true} rewrites
 * docs/openapi.json (docs/api.md, "The OpenAPI description").
 */
@H2DemoApp
class ApiDocumentationTest {

    static final Path SPEC_FILE = Path.of("docs/openapi.json");
    static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    Validator validator;

    private String servedSpec() {
        Response response = new Api(port).as("olivia").get("/v3/api-docs").expect(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.body();
    }

    @Test
    void theSpecAndSwaggerUiAreForLoggedInUsersOnly() {
        Api api = new Api(port);
        Response anonymous = api.anonymous().get("/v3/api-docs").expect(401);
        assertThat(anonymous.isProblem()).isTrue();
        api.anonymous().get("/swagger-ui/index.html").expect(401);
        api.anonymous().get("/v3/api-docs/swagger-config").expect(401);
        // A user outside every group is logged in: the description of the API is no secret to users.
        api.as("guest").get("/v3/api-docs").expect(200);
        Response ui = api.as("ben").get("/swagger-ui/index.html").expect(200);
        assertThat(ui.contentType()).startsWith("text/html");
        assertThat(api.as("ben").get("/v3/api-docs/swagger-config").expect(200).json().path("url").asText())
                .isEqualTo("/v3/api-docs");
    }

    @Test
    void anIndependentImplementationFindsTheSpecValid() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(servedSpec(), null, options);
        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void everyApiEndpointIsDescribedWithItsRefusalsAndExamples() throws IOException {
        JsonNode spec = objectMapper.readTree(servedSpec());
        List<String> missing = new ArrayList<>();
        Set<String> served = servedOperations().keySet();
        assertThat(served).hasSizeGreaterThan(40);
        for (String endpoint : served) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            JsonNode operation = spec.path("paths").path(path).path(method.toLowerCase());
            if (operation.isMissingNode()) {
                missing.add(endpoint + ": not in the spec");
                continue;
            }
            for (String text : List.of("summary", "description", "operationId")) {
                if (operation.path(text).asText().isBlank()) {
                    missing.add(endpoint + ": no " + text);
                }
            }
            JsonNode responses = operation.path("responses");
            if (!responses.fieldNames().hasNext() || !hasSuccess(responses)) {
                missing.add(endpoint + ": no 2xx response");
            }
            List<String> refusals = new ArrayList<>(List.of("401", "403"));
            boolean takesInput = operation.has("requestBody") || operation.path("parameters").size() > 0;
            if (takesInput) {
                refusals.add("400");
            }
            if (path.contains("{")) {
                refusals.add("404");
            }
            if (!method.equals("GET")) {
                refusals.add("409");
            }
            for (String status : refusals) {
                if (!responses.has(status)) {
                    missing.add(endpoint + ": no " + status);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                if (response.getKey().startsWith("4")) {
                    checkProblem(endpoint, response.getKey(), response.getValue(), missing);
                }
            }
            if (operation.has("requestBody")) {
                JsonNode content = operation.path("requestBody").path("content");
                if (!content.has("application/json") || !content.path("application/json").has("example")) {
                    missing.add(endpoint + ": no request example");
                }
            }
        }
        assertThat(missing).as("endpoints the OpenAPI description leaves incomplete").isEmpty();
    }

    private static boolean hasSuccess(JsonNode responses) {
        for (Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
            if (it.next().startsWith("2")) {
                return true;
            }
        }
        return false;
    }

    private static void checkProblem(String endpoint, String status, JsonNode response, List<String> missing) {
        JsonNode content = response.path("content");
        List<String> types = new ArrayList<>();
        content.fieldNames().forEachRemaining(types::add);
        if (!types.equals(List.of(PROBLEM_JSON))) {
            missing.add(endpoint + " " + status + ": content " + types + ", not only " + PROBLEM_JSON);
            return;
        }
        JsonNode media = content.path(PROBLEM_JSON);
        if (!media.path("schema").path("$ref").asText().equals("#/components/schemas/ProblemDetail")) {
            missing.add(endpoint + " " + status + ": schema is not ProblemDetail");
        }
        JsonNode examples = media.path("examples");
        if (examples.size() == 0) {
            missing.add(endpoint + " " + status + ": no example");
        }
        examples.forEach(example -> {
            if (example.path("value").path("status").asInt() != Integer.parseInt(status)
                    || example.path("value").path("title").asText().isBlank()) {
                missing.add(endpoint + " " + status + ": example is not a problem of that status");
            }
        });
        if (response.path("description").asText().isBlank()) {
            missing.add(endpoint + " " + status + ": no description");
        }
    }

    @Test
    void everyRequestExampleIsAcceptedByItsEndpointsBinding() throws IOException {
        JsonNode spec = objectMapper.readTree(servedSpec());
        List<String> refused = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, HandlerMethod> entry : servedOperations().entrySet()) {
            String endpoint = entry.getKey();
            MethodParameter body = bodyParameter(entry.getValue());
            if (body == null) {
                continue;
            }
            String method = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase();
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            JsonNode example = spec.path("paths").path(path).path(method).path("requestBody").path("content")
                    .path("application/json").path("example");
            if (example.isMissingNode()) {
                refused.add(endpoint + ": no example");
                continue;
            }
            try {
                Object bound = objectMapper.readValue(objectMapper.writeValueAsString(example),
                        objectMapper.constructType(body.getGenericParameterType()));
                validator.validate(bound).forEach(v -> refused.add(endpoint + ": " + v.getPropertyPath() + " "
                        + v.getMessage()));
            } catch (IOException e) {
                refused.add(endpoint + ": " + e.getMessage());
            }
            checked++;
        }
        assertThat(refused).as("request examples their endpoints would refuse").isEmpty();
        assertThat(checked).isGreaterThan(15);
        // No example for an operation that does not exist (a renamed path leaves none behind).
        Map<String, Object> examples = objectMapper.readValue(
                getClass().getResourceAsStream("/openapi/request-examples.json"), Map.class);
        assertThat(servedOperations().keySet()).containsAll(examples.keySet());
    }

    @Test
    void docsOpenapiJsonIsTheSpecTheApplicationServes() throws IOException {
        String served = objectMapper.writerWithDefaultPrettyPrinter()
                .writeValueAsString(objectMapper.readTree(servedSpec())) + "\n";
        if (Boolean.getBoolean("aims.docs.update")) {
            Files.writeString(SPEC_FILE, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(SPEC_FILE)).as(SPEC_FILE + " exists").isTrue();
        assertThat(Files.readString(SPEC_FILE, StandardCharsets.UTF_8))
                .as(SPEC_FILE + " is stale: rerun this test with -Daims.docs.update=true and commit the file")
                .isEqualTo(served);
    }

    /** Every /api operation the running application serves ({@code "POST /api/systems"}) and its handler. */
    private Map<String, HandlerMethod> servedOperations() {
        Map<String, HandlerMethod> operations = new java.util.TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    entry.getKey().getMethodsCondition().getMethods()
                            .forEach(m -> operations.put(m.name() + " " + pattern, entry.getValue()));
                }
            }
        }
        return operations;
    }

    private static MethodParameter bodyParameter(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return parameter;
            }
        }
        return null;
    }
}
