package io.aimsgate.shared;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.StringUtils;

/**
 * The OpenAPI description of {@code /api} ({@code /v3/api-docs}, Swagger UI; docs/api.md, docs/openapi.json). What
 * every endpoint shares is added here, once: its problem+json refusals (400 when it takes parameters or a body, 401,
 * 403, 404 when its path names something, 409 when it writes, and any refusal an endpoint declares itself with
 * {@code @ApiResponse}), each with an example, and its request example from {@code openapi/request-examples.json}.
 * What is the endpoint's own, its summary and description, is its {@code @Operation}.
 */
@Configuration
class ApiDocumentation {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "ProblemDetail";
    static final String REQUEST_EXAMPLES = "openapi/request-examples.json";
    private static final String PROBLEM_TYPES = "https://aimsgate.io/problems/";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Bean
    OpenAPI aimsGateOpenApi() {
        return new OpenAPI()
                .info(new Info().title("AIMS Gate API").version("1")
                        .description("The AIMS Gate API under /api: AI system inventory, risks, the deployment gate, "
                                + "life-cycle gates, incidents, nonconformities, reports. Narrative, conventions "
                                + "and the rules behind each call: docs/api.md. Errors are RFC 9457 "
                                + "application/problem+json; `field` names the refused input."))
                .servers(List.of(new Server().url("/").description("this AIMS Gate")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("Embedded profiles (demo, postgres): a user of the "
                                        + "engine's identity service"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT").description("Profile keycloak: an access "
                                        + "token of the realm with audience aims-gate")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Stable operation ids (the controller's name and the method's, whatever order springdoc scans them in), and who
     * may call, read from the endpoint's {@code @PreAuthorize} (or {@link CallerRule}), so the spec cannot disagree with the code.
     */
    @Bean
    OperationCustomizer operationIdsAndCallers() {
        return (operation, handler) -> {
            String type = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            operation.operationId(StringUtils.uncapitalize(type) + StringUtils.capitalize(
                    handler.getMethod().getName()));
            PreAuthorize rule = handler.getMethodAnnotation(PreAuthorize.class);
            CallerRule checkedInBody = handler.getMethodAnnotation(CallerRule.class);
            String who = rule != null ? rule.value() : checkedInBody != null ? checkedInBody.value() : null;
            if (who != null && operation.getDescription() != null) {
                operation.description(operation.getDescription() + "\n\nWho may call: `" + who
                        + "` (docs/api.md, Conventions; docs/security.md).");
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer problemResponsesAndExamples(ObjectMapper objectMapper) {
        Map<String, Object> requestExamples = requestExamples(objectMapper);
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                Object requestExample = requestExamples.get(method.name() + " " + path);
                if (operation.getRequestBody() != null && requestExample != null) {
                    operation.getRequestBody().getContent().values()
                            .forEach(media -> media.setExample(requestExample));
                }
                addProblems(path, method, operation);
            }));
        };
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            problem(responses, "400", "Invalid input: the problem's `field` (and `errors`) name what was refused.");
        }
        problem(responses, "401", "No or wrong credentials.");
        problem(responses, "403", "The caller's groups may not do this (docs/security.md).");
        if (path.contains("{")) {
            problem(responses, "404", "Nothing exists with the id in the path.");
        }
        if (method != PathItem.HttpMethod.GET) {
            problem(responses, "409", "Refused by the current state of what it changes: `reasons` says why "
                    + "(or `concurrent-change` when someone changed it first).");
        }
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        ApiResponses ordered = new ApiResponses();
        sorted.forEach(ordered::addApiResponse);
        ordered.forEach((status, response) -> {
            if (status.startsWith("4")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                        .examples(Map.of(exampleName(status), new Example().value(
                                problemExample(Integer.parseInt(status), path, operation))))));
            }
        });
        operation.setResponses(ordered);
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static String exampleName(String status) {
        return switch (status) {
            case "400" -> "invalid-input";
            case "401" -> "unauthorised";
            case "403" -> "forbidden";
            case "404" -> "not-found";
            case "409" -> "conflict";
            default -> "problem-" + status;
        };
    }

    /** A problem body as the API sends it for this status and endpoint (ApiExceptionHandler, ProblemResponses). */
    static Map<String, Object> problemExample(int status, String path, Operation operation) {
        Map<String, Object> p = new LinkedHashMap<>();
        String name = exampleName(String.valueOf(status));
        p.put("type", PROBLEM_TYPES + name);
        switch (status) {
            case 400 -> {
                String field = firstInput(operation);
                p.put("title", "Invalid input");
                p.put("status", 400);
                p.put("detail", field + ": is required");
                p.put("instance", path);
                p.put("field", field);
                p.put("errors", List.of(Map.of("field", field, "message", "is required")));
            }
            case 401 -> {
                p.put("title", "Unauthorised");
                p.put("status", 401);
                p.put("detail", "Authentication is required.");
            }
            case 403 -> {
                p.put("title", "Forbidden");
                p.put("status", 403);
                p.put("detail", "You are not authorised to do this.");
            }
            case 404 -> {
                String variable = lastPathVariable(path);
                p.put("title", "Not found");
                p.put("status", 404);
                p.put("detail", "Nothing exists with this " + variable + ".");
                p.put("instance", path);
                p.put("field", variable);
            }
            case 409 -> {
                p.put("title", "Refused by the current state");
                p.put("status", 409);
                p.put("detail", "Refused by the current state.");
                p.put("instance", path);
                p.put("reasons", List.of("The state of what this changes does not allow it now."));
            }
            default -> {
                p.put("title", "Refused");
                p.put("status", status);
                p.put("instance", path);
            }
        }
        return p;
    }

    /** The input a 400 names: the body's first required property, or else the first parameter. */
    private static String firstInput(Operation operation) {
        if (operation.getRequestBody() != null) {
            for (MediaType media : operation.getRequestBody().getContent().values()) {
                if (media.getExample() instanceof Map<?, ?> example && !example.isEmpty()) {
                    return String.valueOf(example.keySet().iterator().next());
                }
            }
            return "body";
        }
        List<Parameter> parameters = operation.getParameters();
        return parameters == null || parameters.isEmpty() ? "body" : parameters.get(0).getName();
    }

    private static String lastPathVariable(String path) {
        Matcher m = PATH_VARIABLE.matcher(path);
        String last = "id";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("the refused input"));
        fieldError.addProperty("message", new StringSchema());
        Schema problem = new ObjectSchema().description("RFC 9457 problem details, as every /api refusal sends them");
        problem.addProperty("type", new StringSchema().format("uri").example(PROBLEM_TYPES + "invalid-input")
                .description("what kind of refusal: " + PROBLEM_TYPES + "{invalid-input, unauthorised, forbidden, "
                        + "not-found, conflict, concurrent-change}"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema().format("int32"));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("field", new StringSchema().description("the request field, parameter or path "
                + "variable that was refused"));
        problem.addProperty("errors", new ArraySchema().items(fieldError).description("400: every refused field"));
        problem.addProperty("reasons", new ArraySchema().items(new StringSchema())
                .description("409: why the current state refuses it"));
        problem.setRequired(new ArrayList<>(List.of("type", "title", "status")));
        return problem;
    }

    /** The request example of each operation ({@code "POST /api/systems"}), read once. */
    static Map<String, Object> requestExamples(ObjectMapper objectMapper) {
        try (InputStream in = new ClassPathResource(REQUEST_EXAMPLES).getInputStream()) {
            return objectMapper.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + REQUEST_EXAMPLES, e);
        }
    }
}
