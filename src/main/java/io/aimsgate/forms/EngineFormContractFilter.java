package io.aimsgate.forms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aimsgate.shared.CachedBodyRequest;
import io.aimsgate.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the body of every engine operation that writes form values, on our engine REST API ({@code /engine-rest})
 * and on the webapps' ({@code /camunda/api/engine/engine/{name}}) alike, before the engine runs:
 * task complete and submit-form, process-definition start and submit-form (by id, by key, by key and tenant),
 * message correlation; and the user named by a claim, an assignment or a delegation. A body is accepted only when
 * it gives exactly the variables of the element's contract ({@link FormContracts}) with the form's types and rules;
 * otherwise 400 problem+json naming the field (or 404 for an unknown task or process definition), and the engine
 * never sees the request. The request body is re-served to the engine unchanged. Any other JSON body to the engine
 * API is only checked for its nesting depth.
 */
public class EngineFormContractFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(EngineFormContractFilter.class);
    static final int MAX_DEPTH = 32;
    static final int MAX_NAME = 255;
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final Set<String> VARIABLE_KEYS = Set.of("value", "type", "valueInfo");

    private final ProcessEngine engine;
    private final FormContracts contracts;
    private final ObjectMapper mapper;

    public EngineFormContractFilter(ProcessEngine engine, FormContracts contracts) {
        this.engine = engine;
        this.contracts = contracts;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        this.mapper = JsonMapper.builder(factory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> path = enginePath(request);
        if (path == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problem(response, 413, "body-too-large", "Body too large",
                    "Request bodies to the engine API are limited to 1 MiB.", "body", List.of());
            return;
        }
        Refusal refusal;
        try {
            refusal = check(request, path, body);
        } catch (Refusal r) {
            refusal = r;
        }
        if (refusal != null) {
            LOG.info("Refused {} {}: {} ({})", request.getMethod(), LogSafe.name(String.join("/", path)),
                    refusal.status, LogSafe.text(refusal.getMessage()));
            problem(response, refusal.status, refusal.type, refusal.title, refusal.getMessage(),
                    refusal.field, refusal.errors);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** problem+json naming the field; Camunda's own error format carries "message", which Tasklist shows under the form. */
    private static void problem(HttpServletResponse response, int status, String type, String title, String detail,
            String field, List<Map<String, String>> errors) throws IOException {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("field", field);
        members.put("message", detail);
        if (!errors.isEmpty()) {
            members.put("errors", errors);
        }
        ProblemResponses.write(response, status, type, title, detail, members);
    }

    /** The path below the engine prefix (segments, decoded, without path parameters), or null when not an engine path. */
    private List<String> enginePath(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        List<String> segments = new ArrayList<>();
        for (String raw : uri.split("/")) {
            int parameters = raw.indexOf(';');
            String segment = parameters >= 0 ? raw.substring(0, parameters) : raw;
            if (segment.isEmpty()) {
                continue;
            }
            try {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                segments.add(segment);
            }
        }
        if (!segments.isEmpty() && segments.get(0).equals("engine-rest")) {
            List<String> rest = segments.subList(1, segments.size());
            if (rest.size() >= 2 && rest.get(0).equals("engine")) {
                return rest.get(1).equals(engine.getName()) ? rest.subList(2, rest.size()) : null;
            }
            return rest;
        }
        if (segments.size() >= 5 && segments.get(0).equals("camunda") && segments.get(1).equals("api")
                && segments.get(2).equals("engine") && segments.get(3).equals("engine")
                && segments.get(4).equals(engine.getName())) {
            // The webapps authenticate by session (or, with single sign-on, from Spring Security later in this
            // request); without either, let the webapp answer 401 itself rather than tell a stranger about tasks.
            HttpSession session = request.getSession(false);
            Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            boolean webappUser = authentications != null
                    && authentications.hasAuthenticationForProcessEngine(engine.getName());
            org.springframework.security.core.Authentication principal =
                    SecurityContextHolder.getContext().getAuthentication();
            boolean springUser = principal != null && principal.isAuthenticated()
                    && !(principal instanceof AnonymousAuthenticationToken);
            if (!webappUser && !springUser) {
                return null;
            }
            return segments.subList(5, segments.size());
        }
        return null;
    }

    private Refusal check(HttpServletRequest request, List<String> path, byte[] body) {
        String last = path.isEmpty() ? "" : path.get(path.size() - 1);
        boolean post = "POST".equals(request.getMethod());
        if (post && path.size() == 3 && path.get(0).equals("task")
                && (last.equals("complete") || last.equals("submit-form"))) {
            return withoutEngineUser(() -> taskForm(path.get(1), parse(body)));
        }
        if (post && path.size() == 3 && path.get(0).equals("task")
                && (last.equals("claim") || last.equals("assignee") || last.equals("delegate"))) {
            return withoutEngineUser(() -> taskUser(path.get(1), last, parse(body)));
        }
        if (post && path.size() >= 3 && path.get(0).equals("process-definition")
                && (last.equals("start") || last.equals("submit-form"))) {
            return withoutEngineUser(() -> start(path, parse(body)));
        }
        if (post && path.size() == 1 && path.get(0).equals("message")) {
            return message(parse(body));
        }
        String contentType = request.getContentType();
        if (body.length > 0 && contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            checkDepth(body);
        }
        return null;
    }

    private Refusal taskForm(String taskId, ObjectNode body) {
        allowOnly(body, Set.of("variables", "withVariablesInReturn"));
        booleanOrAbsent(body, "withVariablesInReturn");
        Task task = task(taskId);
        FormContract contract = contracts.forUserTask(engine.getRepositoryService(), task.getProcessDefinitionId(),
                task.getTaskDefinitionKey());
        return variables(body.get("variables"), "variables", contract, "the task's form '" + contract.id() + "'");
    }

    private Refusal taskUser(String taskId, String operation, ObjectNode body) {
        allowOnly(body, Set.of("userId"));
        JsonNode userId = body.get("userId");
        String named = userId != null && userId.isTextual() && !userId.asText().isBlank()
                && userId.asText().length() <= MAX_NAME ? userId.asText() : null;
        // The task and the user it names are read together, in one engine command (one transaction); the checks
        // below then run in the order they always did: unknown task, missing user id, unknown user.
        TaskAndUser found = taskAndUser(taskId, named);
        if (found.task() == null) {
            throw noTask(taskId);
        }
        if ((userId == null || userId.isNull()) && operation.equals("assignee")) {
            return null;
        }
        if (userId == null || !userId.isTextual() || userId.asText().isBlank()) {
            throw invalid("userId", "'userId' must name a user");
        }
        if (named == null || !found.userKnown()) {
            throw invalid("userId", "No user '" + LogSafe.name(userId.asText()) + "' is known");
        }
        return null;
    }

    /** A task (null when there is none) and whether the user named with it is known to the identity service. */
    private record TaskAndUser(Task task, boolean userKnown) {
    }

    /**
     * The task by its primary key (null for an id longer than the column) and, when it exists and a user is named
     * (not null), whether the identity service knows that user (its user query by id, as
     * {@code IdentityService.createUserQuery()} would run it, with no engine user), both in one engine command: the
     * identity service's own query would take two more transactions, one to create the query and one to count.
     */
    private TaskAndUser taskAndUser(String taskId, String userId) {
        if (taskId.length() > 64) {
            return new TaskAndUser(null, false);
        }
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    Task task = context.getTaskManager().findTaskById(taskId);
                    boolean known = task != null && userId != null
                            && context.getReadOnlyIdentityProvider().createUserQuery(context).userId(userId).count() > 0;
                    return new TaskAndUser(task, known);
                });
    }

    private Refusal start(List<String> path, ObjectNode body) {
        allowOnly(body, Set.of("variables", "businessKey", "withVariablesInReturn"));
        booleanOrAbsent(body, "withVariablesInReturn");
        JsonNode businessKey = body.get("businessKey");
        if (businessKey != null && !businessKey.isNull()) {
            if (!businessKey.isTextual()) {
                throw invalid("businessKey", "'businessKey' must be a string");
            }
            if (businessKey.asText().length() > MAX_NAME) {
                throw invalid("businessKey", "'businessKey' is longer than " + MAX_NAME + " characters");
            }
            if (!LogSafe.text(businessKey.asText()).equals(businessKey.asText())) {
                throw invalid("businessKey", "'businessKey' may not contain control characters");
            }
        }
        ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery();
        String field;
        if (path.size() == 3 && !path.get(1).equals("key")) {
            field = "processDefinitionId";
            query.processDefinitionId(path.get(1));
        } else if (path.size() == 4 && path.get(1).equals("key")) {
            field = "key";
            query.processDefinitionKey(path.get(2)).withoutTenantId().latestVersion();
        } else if (path.size() == 6 && path.get(1).equals("key") && path.get(3).equals("tenant-id")) {
            field = "key";
            query.processDefinitionKey(path.get(2)).tenantIdIn(path.get(4)).latestVersion();
        } else {
            return null;
        }
        List<ProcessDefinition> definitions = query.list();
        if (definitions.size() != 1) {
            throw new Refusal(404, "not-found", "Not found", "No such process definition", field, List.of());
        }
        FormContract contract = contracts.forStart(engine.getRepositoryService(), definitions.get(0).getId());
        return variables(body.get("variables"), "variables", contract, "the start form '" + contract.id() + "'");
    }

    private Refusal message(ObjectNode body) {
        allowOnly(body, Set.of("messageName", "businessKey", "processInstanceId", "processVariables", "all",
                "resultEnabled", "variablesInResultEnabled"));
        for (String flag : List.of("all", "resultEnabled", "variablesInResultEnabled")) {
            booleanOrAbsent(body, flag);
        }
        for (String text : List.of("businessKey", "processInstanceId")) {
            JsonNode value = body.get(text);
            if (value != null && !value.isNull() && (!value.isTextual() || value.asText().length() > MAX_NAME)) {
                throw invalid(text, "'" + text + "' must be a string of at most " + MAX_NAME + " characters");
            }
        }
        JsonNode name = body.get("messageName");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw invalid("messageName", "'messageName' is required");
        }
        FormContracts.MessageContract message = contracts.forMessage(name.asText()).orElseThrow(
                () -> invalid("messageName", "No message '" + LogSafe.name(name.asText()) + "' may be correlated"));
        if (!message.correlatable()) {
            throw invalid("messageName", "Message '" + message.name() + "' is not correlated by clients: it is "
                    + message.reason());
        }
        return variables(body.get("processVariables"), "processVariables", message.variables(),
                "message '" + message.name() + "'");
    }

    /** Checks a variables map of the REST API ({name: {value, type, valueInfo}}) against the contract. */
    private Refusal variables(JsonNode variables, String property, FormContract contract, String what) {
        if (!contract.resolved()) {
            throw invalid("form", contract.unresolved() + ": nothing can be submitted to it");
        }
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            throw invalid(property, "'" + property + "' must be an object of variables");
        }
        List<Map<String, String>> errors = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        Set<String> reported = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> entries = variables == null || variables.isNull()
                ? java.util.Collections.emptyIterator() : variables.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            String problem = variableProblem(name, entry.getValue(), contract, what, values);
            if (problem != null) {
                errors.add(error(LogSafe.name(name), problem));
                reported.add(name);
            }
        }
        for (FormContract.Violation violation : contract.check(values)) {
            if (!reported.contains(violation.field())) {
                errors.add(error(violation.field(), violation.message()));
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        String detail = errors.get(0).get("message") + (errors.size() > 1 ? " (and " + (errors.size() - 1)
                + " more)" : "");
        return new Refusal(400, "invalid-input", "Invalid input", detail, errors.get(0).get("field"), errors);
    }

    private String variableProblem(String name, JsonNode dto, FormContract contract, String what,
            Map<String, Object> values) {
        if (name.length() > MAX_NAME) {
            return "A variable name is longer than " + MAX_NAME + " characters";
        }
        FormField field = contract.fields().get(name);
        if (field == null) {
            return "'" + LogSafe.name(name) + "' is not a field of " + what;
        }
        if (!dto.isObject()) {
            return "'" + name + "' must be given as {\"value\": ...}";
        }
        for (Iterator<String> keys = dto.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!VARIABLE_KEYS.contains(key)) {
                return "'" + name + "' carries '" + LogSafe.name(key) + "', which is not accepted";
            }
        }
        JsonNode valueInfo = dto.get("valueInfo");
        if (valueInfo != null && !valueInfo.isNull() && !(valueInfo.isObject() && valueInfo.isEmpty())) {
            return "'" + name + "' may not carry valueInfo (no serialised objects, files or transient values)";
        }
        JsonNode value = dto.get("value");
        JsonNode typeNode = dto.get("type");
        String type = null;
        if (typeNode != null && !typeNode.isNull()) {
            if (!typeNode.isTextual() || typeNode.asText().isEmpty()) {
                return "'" + name + "' has a type that is not a type name";
            }
            String t = typeNode.asText();
            type = Character.toUpperCase(t.charAt(0)) + t.substring(1);
            if (!typeAllowed(field, type, value)) {
                return "'" + name + "' may not be sent as type " + LogSafe.name(t);
            }
        }
        Object converted;
        if (value == null || value.isNull()) {
            converted = null;
        } else if (value.isTextual()) {
            converted = value.asText();
        } else if (value.isBoolean()) {
            converted = value.booleanValue();
        } else if (value.isIntegralNumber()) {
            BigInteger big = value.bigIntegerValue();
            converted = big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
        } else if (value.isNumber()) {
            converted = value.decimalValue();
        } else {
            return "'" + name + "' must be a single value, not " + (value.isArray() ? "a list" : "an object");
        }
        if (converted instanceof Number number && type != null) {
            String range = rangeOf(type, number);
            if (range != null) {
                return "'" + name + "' is out of range for type " + type;
            }
        }
        values.put(name, converted);
        return field.problem(converted).orElse(null);
    }

    private static boolean typeAllowed(FormField field, String type, JsonNode value) {
        if (type.equals("Null")) {
            return value == null || value.isNull();
        }
        return switch (field.kind()) {
            case TEXT, DATETIME -> type.equals("String");
            case BOOLEAN -> type.equals("Boolean");
            case NUMBER -> type.equals("Integer") || type.equals("Long") || type.equals("Short")
                    || (!field.integral() && type.equals("Double"));
            case CHOICE -> type.equals(field.values().get(0) instanceof Boolean ? "Boolean" : "String");
            case CHOICES -> false;
        };
    }

    private static String rangeOf(String type, Number number) {
        BigDecimal value = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
        return switch (type) {
            case "Integer" -> fits(value, Integer.MIN_VALUE, Integer.MAX_VALUE) ? null : type;
            case "Short" -> fits(value, Short.MIN_VALUE, Short.MAX_VALUE) ? null : type;
            case "Long" -> fits(value, Long.MIN_VALUE, Long.MAX_VALUE) ? null : type;
            default -> null;
        };
    }

    private static boolean fits(BigDecimal value, long min, long max) {
        return value.stripTrailingZeros().scale() <= 0 && value.compareTo(BigDecimal.valueOf(min)) >= 0
                && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    /**
     * The task by its id, read as the task query by id would read it without a user (no authorisation or tenant
     * check), but by the task's primary key: the task query's mapper evaluates its many dynamic-SQL conditions on
     * every claim and completion.
     */
    private Task task(String taskId) {
        Task task = taskAndUser(taskId, null).task();
        if (task == null) {
            throw noTask(taskId);
        }
        return task;
    }

    private static Refusal noTask(String taskId) {
        return new Refusal(404, "not-found", "Not found", "No task '" + LogSafe.name(taskId) + "' exists", "taskId",
                List.of());
    }

    private ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            throw invalid("body", "The body is nested deeper than " + MAX_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            throw invalid("body", e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "The body repeats a key: " + LogSafe.name(e.getOriginalMessage())
                    : "The body is not a JSON object");
        } catch (IOException e) {
            throw invalid("body", "The body cannot be read");
        }
        if (node == null || node.isMissingNode()) {
            return mapper.createObjectNode();
        }
        if (!node.isObject()) {
            throw invalid("body", "The body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private void checkDepth(byte[] body) {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            while (parser.nextToken() != null) {
                // Reading the tokens is the check.
            }
        } catch (StreamConstraintsException e) {
            throw invalid("body", "The body is nested deeper than " + MAX_DEPTH + " levels");
        } catch (IOException notJson) {
            // The engine answers malformed JSON itself.
        }
    }

    private static void allowOnly(ObjectNode body, Set<String> allowed) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(LogSafe.name(name), "'" + LogSafe.name(name) + "' is not accepted by this operation");
            }
        }
    }

    private static void booleanOrAbsent(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            throw invalid(name, "'" + name + "' must be true or false");
        }
    }

    /** Runs a lookup with no engine user: the contract is public; the engine checks the user on the operation. */
    private <T> T withoutEngineUser(Supplier<T> lookup) {
        IdentityService identity = engine.getIdentityService();
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return lookup.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    private static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static Refusal invalid(String field, String message) {
        return new Refusal(400, "invalid-input", "Invalid input", message, field, List.of(error(field, message)));
    }

    /** A refusal of the request; thrown from deep inside a check, or returned. */
    static final class Refusal extends RuntimeException {

        final int status;
        final String type;
        final String title;
        final String field;
        final List<Map<String, String>> errors;

        Refusal(int status, String type, String title, String detail, String field, List<Map<String, String>> errors) {
            super(detail, null, false, false);
            this.status = status;
            this.type = type;
            this.title = title;
            this.field = field;
            this.errors = errors;
        }
    }
}
