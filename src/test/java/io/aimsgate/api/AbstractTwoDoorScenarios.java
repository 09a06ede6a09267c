package io.aimsgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.LifecycleWalk;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One rule set, two doors: each command that can be given over our REST API and through a Tasklist start form (the
 * engine REST API's submit-form, as a user of the process's starter group) is refused the same way through both,
 * with a 400 naming the field and nothing stored. A field is named in the door's own vocabulary: the JSON path on
 * /api ({@code metrics[1].protectedAttribute}), the form field in the engine ({@code protectedAttribute}); the cases
 * say both. Some refusals come from the form contract before the engine runs, the others from the service's command
 * validation behind both doors (marked "service only": the form accepts them, the command does not).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractTwoDoorScenarios {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    /** A system through inception and design, so that its V&V gate opens; version 1.0.0 registered. */
    long system;

    /** One command's two doors. */
    enum Command {
        VALIDATION("mia", "verification-validation", "validation_run"),
        INCIDENT("mia", "incident-escalation", "incident"),
        NONCONFORMITY("olivia", "nonconformity", "nonconformity"),
        REEVALUATION_REQUEST("mia", "re-evaluation", "gate_run");

        final String user;
        final String processKey;
        final String table;

        Command(String user, String processKey, String table) {
            this.user = user;
            this.processKey = processKey;
            this.table = table;
        }
    }

    record Case(String name, Command command, Consumer<Map<String, Object>> restChange, String restField,
            Consumer<Map<String, Object>> formChange, String formField) {

        @Override
        public String toString() {
            return command + ": " + name;
        }
    }

    static Case same(Command command, String name, String field, Object value) {
        return new Case(name, command, body -> body.put(field, value), field, form -> form.put(field, value), field);
    }

    static Stream<Case> cases() {
        String longText = "x".repeat(4001);
        return Stream.of(
                same(Command.VALIDATION, "blank version label", "versionLabel", "  "),
                same(Command.VALIDATION, "robustness notes under 10 characters", "robustnessNotes", "Fine."),
                same(Command.VALIDATION, "explainability notes over 4000 characters", "explainabilityNotes",
                        longText),
                same(Command.VALIDATION, "robustness notes of spaces only", "robustnessNotes",
                        " ".repeat(12)),
                new Case("accuracy above 1", Command.VALIDATION,
                        body -> metric(body, 0).put("value", 1.2), "metrics[0].value",
                        form -> form.put("accuracy", 1.2), "accuracy"),
                new Case("a fairness metric without its protected attribute (service only)", Command.VALIDATION,
                        body -> metric(body, 1).remove("protectedAttribute"), "metrics[1].protectedAttribute",
                        form -> form.remove("protectedAttribute"), "protectedAttribute"),
                new Case("model card limitations under 10 characters", Command.VALIDATION,
                        body -> card(body).put("limitations", "None."), "modelCard.limitations",
                        form -> form.put("cardLimitations", "None."), "cardLimitations"),

                same(Command.INCIDENT, "blank description", "description", "   "),
                same(Command.INCIDENT, "harm to people over 4000 characters", "harmToPeople", longText),
                same(Command.INCIDENT, "detected a day from now (service only)", "detectedAt",
                        Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()),
                new Case("an unknown type", Command.INCIDENT, body -> body.put("type", "ALIENS"), "type",
                        form -> form.put("type", "ALIENS"), "type"),

                same(Command.NONCONFORMITY, "requirement over 200 characters", "requirement", "A".repeat(201)),
                same(Command.NONCONFORMITY, "blank description", "description", " "),
                same(Command.NONCONFORMITY, "an unknown source", "source", "GOSSIP"),

                new Case("a reason under 10 characters", Command.REEVALUATION_REQUEST,
                        body -> body.put("reason", "Drift."), "reason",
                        form -> form.put("triggerDetail", "Drift."), "triggerDetail"),
                new Case("a reason over 2000 characters", Command.REEVALUATION_REQUEST,
                        body -> body.put("reason", "r".repeat(2001)), "reason",
                        form -> form.put("triggerDetail", "r".repeat(2001)), "triggerDetail"));
    }

    @BeforeAll
    void aSystemAtTheValidationGate() {
        api = new Api(port);
        system = systemAtTheValidationGate("Two doors");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void theSameInvalidInputIsRefusedTheSameWayThroughBothDoors(Case c) {
        long rowsBefore = rows(c.command());

        Map<String, Object> body = restBody(c.command());
        c.restChange().accept(body);
        Response rest = api.as(c.command().user).post(restPath(c.command()), body);

        Map<String, Object> form = formValues(c.command());
        c.formChange().accept(form);
        Response engine = api.as(c.command().user).post("/engine-rest/process-definition/key/"
                + c.command().processKey + "/submit-form", Map.of("variables", LifecycleWalk.engineVariables(form)));

        assertThat(rest.status()).as(rest.toString()).isEqualTo(400);
        assertThat(engine.status()).as(engine.toString()).isEqualTo(rest.status());
        assertThat(rest.contentType()).as(rest.toString()).startsWith(Api.PROBLEM_JSON);
        assertThat(rest.problemFields()).as(rest.toString()).contains(c.restField());
        assertThat(engine.problemFields()).as(engine.toString()).contains(c.formField());
        for (Response refusal : List.of(rest, engine)) {
            assertThat(refusal.body()).as(refusal.toString()).doesNotContain("Exception").doesNotContain("\tat ")
                    .doesNotContain("io.aimsgate");
        }
        if (c.name().endsWith("(service only)")) {
            // The form contract let it through: the service's command validation refused it behind the engine door.
            assertThat(engine.contentType()).as(engine.toString()).startsWith("application/json");
            assertThat(engine.json().path("type").asText()).as(engine.toString()).isEqualTo("InvalidRequest");
        }
        assertThat(rows(c.command())).as("nothing stored by either door").isEqualTo(rowsBefore);
    }

    /**
     * The control: the unchanged input of every case passes both doors, so each refusal above is the change's. Each
     * door gets its own system at the V&V gate (one gate run per system at a time).
     */
    @Test
    void theValidInputPassesBothDoors() {
        for (Command command : List.of(Command.VALIDATION, Command.INCIDENT, Command.NONCONFORMITY)) {
            long before = rows(command);
            long restSystem = systemAtTheValidationGate("Two doors, valid over REST " + command);
            long formSystem = systemAtTheValidationGate("Two doors, valid by form " + command);

            Map<String, Object> body = restBody(command);
            if (command != Command.VALIDATION) {
                body.put("systemId", restSystem);
            }
            Response rest = api.as(command.user).post(command == Command.VALIDATION
                    ? "/api/systems/" + restSystem + "/validations" : restPath(command), body);
            Map<String, Object> form = formValues(command);
            form.put("systemId", formSystem);
            Response engine = api.as(command.user).post("/engine-rest/process-definition/key/" + command.processKey
                    + "/submit-form", Map.of("variables", LifecycleWalk.engineVariables(form)));

            assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
            assertThat(engine.status()).as(engine.toString()).isEqualTo(200);
            assertThat(rows(command)).as(command + " stored once per door").isEqualTo(before + 2);
        }
    }

    // ---- the doors' inputs -----------------------------------------------------------------------------------

    String restPath(Command command) {
        return switch (command) {
            case VALIDATION -> "/api/systems/" + system + "/validations";
            case INCIDENT -> "/api/incidents";
            case NONCONFORMITY -> "/api/nonconformities";
            case REEVALUATION_REQUEST -> "/api/systems/" + system + "/reevaluations";
        };
    }

    Map<String, Object> restBody(Command command) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (command) {
            case VALIDATION -> {
                body.put("versionLabel", "1.0.0");
                body.put("metrics", List.of(
                        new LinkedHashMap<>(Map.of("kind", "PERFORMANCE", "metric", "accuracy", "value", 0.91)),
                        new LinkedHashMap<>(Map.of("kind", "FAIRNESS", "metric", "demographicParityDifference",
                                "protectedAttribute", "age", "value", 0.03))));
                body.put("robustnessNotes", "Perturbation tests on prices pass.");
                body.put("explainabilityNotes", "Feature attributions shown to staff.");
                body.put("modelCard", new LinkedHashMap<>(Map.of("intendedUse", "Product suggestions on the shop",
                        "limitations", "New products start cold", "failureCases", "Sparse order histories",
                        "trainingData", "Order history 2023-2025")));
            }
            case INCIDENT -> {
                body.putAll(incident());
                body.put("versionLabels", List.of("1.0.0"));
            }
            case NONCONFORMITY -> body.putAll(nonconformity());
            case REEVALUATION_REQUEST -> body.put("reason", "Complaints about suggestions doubled this month.");
        }
        return body;
    }

    Map<String, Object> formValues(Command command) {
        Map<String, Object> form = new LinkedHashMap<>();
        switch (command) {
            case VALIDATION -> {
                form.put("systemId", system);
                form.put("versionLabel", "1.0.0");
                form.put("accuracy", 0.91);
                form.put("protectedAttribute", "age");
                form.put("demographicParityDifference", 0.03);
                form.put("robustnessNotes", "Perturbation tests on prices pass.");
                form.put("explainabilityNotes", "Feature attributions shown to staff.");
                form.put("cardIntendedUse", "Product suggestions on the shop");
                form.put("cardLimitations", "New products start cold");
                form.put("cardFailureCases", "Sparse order histories");
                form.put("cardTrainingData", "Order history 2023-2025");
            }
            case INCIDENT -> {
                form.putAll(incident());
                form.put("versionLabels", "1.0.0");
            }
            case NONCONFORMITY -> form.putAll(nonconformity());
            case REEVALUATION_REQUEST -> {
                form.put("systemId", system);
                form.put("triggerDetail", "Complaints about suggestions doubled this month.");
            }
        }
        return form;
    }

    Map<String, Object> incident() {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("systemId", system);
        incident.put("type", "MODEL_DRIFT");
        incident.put("detectedAt", "2026-01-01T08:00:00Z");
        incident.put("description", "Suggestions drifted towards out-of-stock products.");
        incident.put("harmToPeople", "None known.");
        for (String harm : List.of("death", "seriousHealthHarm", "criticalInfrastructureDisruption",
                "widespreadInfringement", "fundamentalRightsInfringement", "propertyOrEnvironmentHarm")) {
            incident.put(harm, false);
        }
        return incident;
    }

    Map<String, Object> nonconformity() {
        Map<String, Object> nonconformity = new LinkedHashMap<>();
        nonconformity.put("systemId", system);
        nonconformity.put("source", "INTERNAL_AUDIT");
        nonconformity.put("requirement", "A.6.2.4");
        nonconformity.put("description", "No documented verification of the suggestion model.");
        return nonconformity;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metric(Map<String, Object> body, int index) {
        return (Map<String, Object>) ((List<Object>) body.get("metrics")).get(index);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> card(Map<String, Object> body) {
        return (Map<String, Object>) body.get("modelCard");
    }

    // ---- fixture ---------------------------------------------------------------------------------------------

    long rows(Command command) {
        return jdbc.queryForObject("select count(*) from " + command.table, Long.class);
    }

    long systemAtTheValidationGate(String name) {
        long id = createSystem(name + " " + System.nanoTime());
        walk().passInception(id, "MINIMAL");
        walk().passDesign(id);
        api.as("mia").post("/api/systems/" + id + "/versions", Map.of("versionLabel", "1.0.0", "artifactSha256",
                "e".repeat(64))).expect(201);
        return id;
    }

    LifecycleWalk walk() {
        return new LifecycleWalk((user, method, path, body, expected) -> api.as(user).send(method, path, body,
                "application/json").expect(expected).json(), LifecycleWalk.Cast.DEMO);
    }

    long createSystem(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("intendedUse", "Two-door rule test system");
        body.put("aiType", "PREDICTIVE");
        body.put("businessOwner", "olivia");
        body.put("businessUnit", "QA");
        body.put("supplierType", "IN_HOUSE");
        body.put("euAiActTier", "MINIMAL");
        body.put("dataCategories", List.of("usage logs"));
        body.put("processesPersonalData", false);
        return api.as("olivia").post("/api/systems", body).expect(201).json().path("id").asLong();
    }
}
