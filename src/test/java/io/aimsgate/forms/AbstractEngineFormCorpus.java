package io.aimsgate.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.WebappSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine half of issue 14's corpus: malformed bodies generated from the form contracts themselves (every
 * editable field of every targeted task and start form, every declared message) sent to the engine operations
 * Tasklist and REST clients use, on {@code /engine-rest} and on the webapps' engine API. Each must be refused with
 * 4xx problem+json naming the field, and nothing may change: the task stays open with the same variables, no process
 * instance is started. Subclasses run the corpus on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractEngineFormCorpus {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String UNKNOWN = "notAFieldOfThisForm";
    static final String LONG_NAME = "v".repeat(300);
    static final String SERIALISED = "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAAAAAAB3CAAAABAAAAAAeA==";
    /** Values for fields with a pattern (the generator cannot invent them). */
    static final Map<String, Object> PATTERNED = Map.of("versionLabel", "1.0.0", "versionLabels", "1.0.0",
            "detectedAt", "2026-11-01T10:00:00Z", "plannedActions", "Add a drift alert | tom | 2026-12-15");

    /** The user tasks the corpus targets: an open task of each is found (or made) in the demo data. */
    static final List<TaskTarget> TASKS = List.of(
            new TaskTarget("inception", "task_impact_assessment", "impact-assessment"),
            new TaskTarget("design-development", "task_complete_dataset_register", "dataset-register-remediation"),
            new TaskTarget("verification-validation", "task_accountable_approval", "validation-approval"),
            new TaskTarget("re-evaluation", "task_reassess", "reevaluation-assessment"),
            new TaskTarget("deployment-approval", "task_technical_review", "review-decision"),
            new TaskTarget("deployment-approval", "task_remediate_risks", "remediate-risks"),
            new TaskTarget("incident-escalation", "task_contain_incident", "incident-containment"),
            new TaskTarget("corrective-action", "task_record_correction", "corrective-correction"));
    /** Every process with a start form. */
    static final Map<String, String> STARTS = new TreeMap<>(Map.of("deployment-approval", "deployment-request-start",
            "design-development", "design-development-start", "inception", "inception-start",
            "incident-escalation", "incident-report", "nonconformity", "nonconformity-report",
            "re-evaluation", "reevaluation-start", "retirement", "retirement-start",
            "verification-validation", "validation-start", "soa-approval", "soa-start"));

    /** Open task ids per running application (port), found once. */
    private static final Map<Integer, Map<String, String>> TASK_IDS = new ConcurrentHashMap<>();
    private static final Map<Integer, Map<String, String>> DEFINITION_IDS = new ConcurrentHashMap<>();
    /** Cases run by this class (one database), per operation and target. */
    private final Map<String, Integer> sizes = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    Api api;
    Caller admin;
    WebappSession webapp;

    record TaskTarget(String processKey, String taskKey, String formId) {
    }

    /** One malformed request and the field its refusal must name ("body" for the body as a whole). */
    record Case(String name, String operation, String target, String body, int status, String field) {
        @Override
        public String toString() {
            return operation + " " + target + ": " + name;
        }
    }

    /**
     * The corpus is sent by a user whom the allowlist in front of the engine lets through to the body check: a member
     * of every group that starts one of the processes or decides one of the tasks (the administrator may do neither).
     * The allowlist's own refusals (messages, assignee, delegate, claims for others, corrective-action starts) are the
     * security matrix's part.
     */
    private static final String CORPUS_USER = "corpus-sender";
    private static final String CORPUS_PASSWORD = "corpus-sender-password-1";

    Caller sender;

    @BeforeEach
    void callers() {
        api = new Api(port);
        admin = api.as("admin", Api.ADMIN_PASSWORD);
        if (admin.get("/engine-rest/user/" + CORPUS_USER + "/profile").status() == 404) {
            admin.post("/engine-rest/user/create", Map.of("profile", Map.of("id", CORPUS_USER, "firstName", "Corpus",
                    "lastName", "Sender", "email", CORPUS_USER + "@example.org"), "credentials",
                    Map.of("password", CORPUS_PASSWORD))).expect(204);
            for (String group : List.of("ai-product-owners", "ml-engineers", "auditors", "governance-board")) {
                admin.put("/engine-rest/group/" + group + "/members/" + CORPUS_USER, Map.of()).expect(204);
            }
        }
        sender = api.as(CORPUS_USER, CORPUS_PASSWORD);
        if (webapp == null) {
            webapp = WebappSession.login(port, CORPUS_USER, CORPUS_PASSWORD);
        }
    }

    // ---- the corpus

    static Stream<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        for (TaskTarget task : TASKS) {
            FormContract contract = contract(task.formId());
            for (String operation : List.of("rest-complete", "webapp-submit-form")) {
                formCases(contract, operation, task.taskKey(), "variables", cases);
            }
        }
        STARTS.forEach((process, formId) -> {
            for (String operation : List.of("rest-start-by-key", "webapp-submit-start-form")) {
                formCases(contract(formId), operation, process, "variables", cases);
            }
        });
        // Message correlation is closed by the allowlist in front of the engine for every caller (the security
        // matrix shows it); the message contracts behind it are checked by FormContractTest.
        cases.addAll(operationCases());
        return cases.stream();
    }

    /** The cases of one form on one operation, generated from its contract. */
    static void formCases(FormContract contract, String operation, String target, String property, List<Case> out) {
        Map<String, Object> valid = validValues(contract);
        for (FormField field : contract.fields().values()) {
            String key = field.key();
            if (field.required()) {
                Map<String, Object> without = new LinkedHashMap<>(valid);
                without.remove(key);
                out.add(formCase("missing required " + key, operation, target, property, without, key));
            }
            out.add(formCase(key + " of the wrong type", operation, target, property,
                    with(valid, key, wrongType(field)), key));
            for (Object outside : outsideValues(field)) {
                out.add(formCase(key + " outside the form's rule: " + shorten(outside), operation, target, property,
                        with(valid, key, outside), key));
            }
            out.add(formCase(key + " as a Java-serialised Object", operation, target, property, withDto(valid, key,
                    Map.of("type", "Object", "value", SERIALISED, "valueInfo", Map.of("objectTypeName",
                            "java.util.HashMap", "serializationDataFormat", "application/x-java-serialized-object"))),
                    key));
            out.add(formCase(key + " as a File without valueInfo", operation, target, property,
                    withDto(valid, key, Map.of("type", "File", "value", "aGVsbG8=")), key));
            out.add(formCase(key + " with a valueInfo trick", operation, target, property,
                    withDto(valid, key, Map.of("value", "x", "valueInfo", Map.of("transient", true))), key));
        }
        out.add(formCase("an unknown variable", operation, target, property, with(valid, UNKNOWN, "x"), UNKNOWN));
        out.add(formCase("a 300-character variable name", operation, target, property, with(valid, LONG_NAME, "x"),
                LONG_NAME));
        String first = contract.fields().isEmpty() ? UNKNOWN : contract.fields().keySet().iterator().next();
        String nested = "{\"" + property + "\": {\"" + first + "\": {\"value\": " + "[".repeat(10_000)
                + "]".repeat(10_000) + "}}}";
        out.add(new Case("a body nested 10,000 levels", operation, target, nested, 400, "body"));
    }

    /** Cases of the operations themselves: unknown ids, users, messages, body properties. */
    static List<Case> operationCases() {
        List<Case> cases = new ArrayList<>();
        String review = "task_technical_review";
        cases.add(new Case("an unknown task", "rest-complete", "unknown-task",
                json(Map.of("variables", Map.of())), 404, "taskId"));
        cases.add(new Case("an unknown task", "webapp-submit-form", "unknown-task",
                json(Map.of("variables", Map.of())), 404, "taskId"));
        cases.add(new Case("a body property the operation does not take", "rest-complete", review,
                json(Map.of("variables", Map.of(), "skipCustomListeners", true)), 400, "skipCustomListeners"));
        cases.add(new Case("withVariablesInReturn as a string", "rest-complete", review,
                json(Map.of("withVariablesInReturn", "yes")), 400, "withVariablesInReturn"));
        cases.add(new Case("variables as a list", "rest-complete", review, "{\"variables\": []}", 400, "variables"));
        cases.add(new Case("a duplicate key", "rest-complete", review,
                "{\"variables\": {}, \"variables\": {}}", 400, "body"));
        cases.add(new Case("not JSON", "rest-complete", review, "{\"variables\": ", 400, "body"));
        cases.add(new Case("a claim for an unknown task", "rest-claim", "unknown-task",
                json(Map.of("userId", CORPUS_USER)), 404, "taskId"));
        // The task is looked up before the user is checked: an unknown task is 404 whatever the body names.
        cases.add(new Case("a claim for an unknown task without a user", "rest-claim", "unknown-task", "{}", 404,
                "taskId"));
        cases.add(new Case("a claim without a user", "rest-claim", review, "{}", 400, "userId"));
        cases.add(new Case("a 300-character business key", "rest-start-by-key", "nonconformity",
                json(Map.of("businessKey", "k".repeat(300))), 400, "businessKey"));
        cases.add(new Case("a business key as a number", "rest-start-by-key", "nonconformity",
                json(Map.of("businessKey", 7)), 400, "businessKey"));
        cases.add(new Case("start instructions", "rest-start-by-key", "nonconformity",
                json(Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity",
                        "activityId", "end")))), 400, "startInstructions"));
        cases.add(new Case("skipping the listeners", "rest-start-by-key", "nonconformity",
                json(Map.of("skipCustomListeners", true)), 400, "skipCustomListeners"));
        cases.add(new Case("an unknown process", "rest-start-by-key", "no-such-process",
                json(Map.of("variables", Map.of())), 404, "key"));
        return cases;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corpus")
    void malformedInputIsRefusedWithAProblemNamingTheFieldAndChangesNothing(Case bad) {
        Snapshot before = snapshot(bad);
        Response response = send(bad);

        assertThat(response.status()).as(response.toString()).isEqualTo(bad.status());
        assertThat(response.contentType()).as(response.toString()).startsWith(Api.PROBLEM_JSON);
        JsonNode problem = response.json();
        String expected = bad.field().length() > 80 ? bad.field().substring(0, 80) : bad.field();
        assertThat(problem.path("field").asText()).as(response.toString()).startsWith(expected);
        if (problem.has("errors")) {
            assertThat(problem.path("errors")).as("only the broken field is named: " + response).hasSize(1);
        }
        assertThat(response.body()).doesNotContain("Exception", "at org.", "at io.");
        assertThat(snapshot(bad)).as("nothing written by " + bad).isEqualTo(before);
        sizes.merge(bad.operation() + " " + bad.target(), 1, Integer::sum);
    }

    /** The real forms' bodies pass the filter: a valid start of each fixture process is accepted. */
    @Test
    void validBodiesGeneratedFromTheContractsSatisfyTheContracts() {
        for (TaskTarget task : TASKS) {
            FormContract contract = contract(task.formId());
            assertThat(contract.check(validValues(contract))).as(task.formId()).isEmpty();
        }
        STARTS.values().forEach(formId -> assertThat(contract(formId).check(validValues(contract(formId))))
                .as(formId).isEmpty());
    }

    @AfterAll
    void reportCorpusSize() {
        Map<String, Integer> sorted = new TreeMap<>(sizes);
        int total = sorted.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder report = new StringBuilder("Engine form corpus (" + getClass().getSimpleName() + "): " + total
                + " cases run\n");
        sorted.forEach((target, count) -> report.append(String.format("  %-60s %4d%n", target, count)));
        System.out.println(report);
    }

    // ---- sending, and what must not change

    private Response send(Case bad) {
        return switch (bad.operation()) {
            case "rest-complete" -> sender.post(restTask(bad.target()) + "/complete", bad.body());
            case "rest-claim" -> sender.post(restTask(bad.target()) + "/claim", bad.body());
            case "webapp-submit-form" -> webapp.post(webappTask(bad.target()) + "/submit-form", bad.body());
            case "rest-start-by-key" -> sender.post("/engine-rest/process-definition/key/" + bad.target() + "/start",
                    bad.body());
            case "webapp-submit-start-form" -> webapp.post("/camunda/api/engine/engine/default/process-definition/"
                    + definitionIds().get(bad.target()) + "/submit-form", bad.body());
            default -> throw new IllegalArgumentException(bad.operation());
        };
    }

    private String restTask(String taskKey) {
        return "/engine-rest/task/" + taskId(taskKey);
    }

    private String webappTask(String taskKey) {
        return "/camunda/api/engine/engine/default/task/" + taskId(taskKey);
    }

    private String taskId(String taskKey) {
        if (taskKey.equals("unknown-task")) {
            return "no-such-task-0000";
        }
        String id = openTasks().get(taskKey);
        assertThat(id).as("an open " + taskKey + " in the demo data").isNotNull();
        return id;
    }

    record Snapshot(String state) {
    }

    private Snapshot snapshot(Case bad) {
        StringBuilder state = new StringBuilder();
        if (bad.operation().contains("start")) {
            for (String process : List.of("re-evaluation", "retirement", "nonconformity", "corrective-action",
                    bad.target())) {
                state.append(process).append('=').append(admin.get("/engine-rest/process-instance/count?"
                        + "processDefinitionKey=" + process).expect(200).json().path("count").asLong()).append(';');
            }
        } else if (!bad.target().equals("unknown-task")) {
            String id = taskId(bad.target());
            JsonNode task = admin.get("/engine-rest/task/" + id).expect(200).json();
            state.append("assignee=").append(task.path("assignee").asText()).append(';');
            state.append("variables=").append(new TreeMap<>(MAPPER.convertValue(admin.get("/engine-rest/task/" + id
                    + "/variables?deserializeValues=false").expect(200).json(), Map.class)));
        }
        return new Snapshot(state.toString());
    }

    /** One open task per targeted task key; the fixture reports an incident and a nonconformity to have theirs. */
    private Map<String, String> openTasks() {
        return TASK_IDS.computeIfAbsent(port, p -> {
            Caller mia = api.as("mia");
            mia.post("/api/incidents", Map.of("systemId", 1, "versionLabels", List.of("2.1.0"), "type",
                    "MODEL_DRIFT", "description", "Corpus fixture: accuracy dropped", "detectedAt",
                    Instant.now().minus(Duration.ofHours(1)).toString())).expect(201);
            api.as("alex").post("/api/nonconformities", Map.of("source", "INTERNAL_AUDIT", "requirement", "A.6.2.4",
                    "description", "Corpus fixture: validation evidence missing")).expect(201);
            Map<String, String> ids = new ConcurrentHashMap<>();
            for (TaskTarget target : TASKS) {
                JsonNode tasks = admin.get("/engine-rest/task?processDefinitionKey=" + target.processKey()
                        + "&taskDefinitionKey=" + target.taskKey()).expect(200).json();
                if (tasks.size() > 0) {
                    ids.put(target.taskKey(), tasks.get(0).path("id").asText());
                }
            }
            return ids;
        });
    }

    private Map<String, String> definitionIds() {
        return DEFINITION_IDS.computeIfAbsent(port, p -> {
            Map<String, String> ids = new ConcurrentHashMap<>();
            for (String key : STARTS.keySet()) {
                ids.put(key, admin.get("/engine-rest/process-definition/key/" + key).expect(200).json().path("id")
                        .asText());
            }
            return ids;
        });
    }

    // ---- generating values from a contract

    static FormContract contract(String formId) {
        try (InputStream in = AbstractEngineFormCorpus.class.getClassLoader()
                .getResourceAsStream("forms/" + formId + ".form")) {
            return FormContract.parse(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> validValues(FormContract contract) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormField field : contract.fields().values()) {
            values.put(field.key(), validValue(field));
        }
        return values;
    }

    static Object validValue(FormField field) {
        if (PATTERNED.containsKey(field.key()) && field.pattern() != null) {
            return PATTERNED.get(field.key());
        }
        return switch (field.kind()) {
            case TEXT -> {
                int length = Math.max(field.minLength() == null ? 0 : field.minLength(), 24);
                if (field.maxLength() != null) {
                    length = Math.min(length, field.maxLength());
                }
                yield "Generated valid text for the corpus test.".repeat(3).substring(0, length);
            }
            case NUMBER -> {
                BigDecimal value = field.min() != null ? field.min() : BigDecimal.ONE;
                if (field.max() != null) {
                    value = field.min() == null ? field.max() : field.min().add(field.max()).divide(BigDecimal.valueOf(2));
                }
                yield field.integral() ? (Object) value.longValue() : value;
            }
            case BOOLEAN -> true;
            case CHOICE -> field.values().get(0);
            case CHOICES -> List.of(field.values().get(0));
            case DATETIME -> "2026-01-01";
        };
    }

    static Object wrongType(FormField field) {
        return switch (field.kind()) {
            case TEXT, DATETIME -> 12345;
            case NUMBER -> "3";
            case BOOLEAN -> "true";
            case CHOICE -> field.values().get(0) instanceof Boolean ? "true" : (Object) 1;
            case CHOICES -> "not a list";
        };
    }

    static List<Object> outsideValues(FormField field) {
        List<Object> outside = new ArrayList<>();
        switch (field.kind()) {
            case TEXT -> {
                if (field.maxLength() != null) {
                    outside.add("x".repeat(field.maxLength() + 1));
                }
                if (field.minLength() != null && field.minLength() > 1) {
                    outside.add("x".repeat(field.minLength() - 1));
                }
            }
            case NUMBER -> {
                if (field.min() != null) {
                    outside.add(field.min().subtract(BigDecimal.ONE));
                }
                if (field.max() != null) {
                    outside.add(field.max().add(BigDecimal.ONE));
                }
                if (field.integral()) {
                    outside.add(new BigDecimal(validValue(field).toString()).add(new BigDecimal("0.5")));
                }
            }
            case CHOICE, CHOICES -> {
                if (!(field.values().get(0) instanceof Boolean)) {
                    outside.add(field.kind() == FormField.Kind.CHOICE ? "NOPE" : List.of("NOPE"));
                    outside.add(field.values().get(0).toString().toLowerCase(java.util.Locale.ROOT));
                }
            }
            default -> {
            }
        }
        return outside;
    }

    private static Case formCase(String name, String operation, String target, String property,
            Map<String, Object> values, String field) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((key, value) -> variables.put(key, value instanceof Dto dto ? dto.fields()
                : Map.of("value", value)));
        return new Case(name, operation, target, json(Map.of(property, variables)), 400, field);
    }

    /** A variable given as a whole DTO ({value, type, valueInfo}). */
    record Dto(Map<String, Object> fields) {
    }

    private static Map<String, Object> with(Map<String, Object> valid, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(valid);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> withDto(Map<String, Object> valid, String key, Map<String, Object> dto) {
        return with(valid, key, new Dto(dto));
    }

    static String json(Object value) {
        return Api.json(value);
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value);
        return text.length() > 20 ? text.substring(0, 20) + "... (" + text.length() + " characters)" : text;
    }
}
