package io.aimsgate.incident.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/incident-severity.dmn without a process engine: every rule, the FIRST-hit priority between them, and
 * every combination of the inputs against the rules as the contract states them.
 */
class IncidentSeverityDmnTest {

    static final String DECISION_KEY = "incident-severity";
    static final List<String> HARMS = List.of("death", "criticalInfrastructureDisruption", "widespreadInfringement",
            "seriousHealthHarm", "fundamentalRightsInfringement", "propertyOrEnvironmentHarm");
    static final List<String> TYPES = List.of("DATA_POISONING", "MODEL_DRIFT", "BIAS_AMPLIFICATION",
            "OUTPUT_MANIPULATION", "PRIVACY_LEAK", "MODEL_THEFT", "AVAILABILITY", "HARMFUL_OUTPUT", "OTHER");

    static DmnEngine engine;
    static DmnDecision decision;
    /** The id of the rule that won each evaluation (hit policy FIRST: at most one). */
    static final List<String> matchedRules = new ArrayList<>();

    @BeforeAll
    static void parse() throws IOException {
        DmnDecisionTableEvaluationListener recordMatch = event -> event.getMatchingRules()
                .forEach(rule -> matchedRules.add(rule.getId()));
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recordMatch)).buildEngine();
        try (InputStream model = IncidentSeverityDmnTest.class.getClassLoader()
                .getResourceAsStream("processes/incident-severity.dmn")) {
            assertThat(model).as("processes/incident-severity.dmn on the classpath").isNotNull();
            decision = engine.parseDecision(DECISION_KEY, model);
        }
    }

    @BeforeEach
    void clearMatches() {
        matchedRules.clear();
    }

    record Outcome(String severity, boolean serious, Integer days) {
    }

    /** The contract, in code: the expected outcome of any input combination. */
    static Outcome expected(Map<String, Object> in) {
        boolean highRisk = flag(in, "highRiskSystem");
        // Shortest Art. 73 deadline first, so a combination of harms gets the strictest one.
        Object[][] harms = {{"criticalInfrastructureDisruption", "SEV1", 2}, {"widespreadInfringement", "SEV1", 2},
                {"death", "SEV1", 10}, {"seriousHealthHarm", "SEV1", 15},
                {"fundamentalRightsInfringement", "SEV2", 15}, {"propertyOrEnvironmentHarm", "SEV2", 15}};
        for (Object[] harm : harms) {
            if (flag(in, (String) harm[0])) {
                return highRisk ? new Outcome((String) harm[1], true, (Integer) harm[2])
                        : new Outcome((String) harm[1], false, null);
            }
        }
        Object type = in.get("type");
        if (List.of("DATA_POISONING", "OUTPUT_MANIPULATION", "PRIVACY_LEAK", "MODEL_THEFT").contains(type)) {
            return new Outcome("SEV2", false, null);
        }
        if (List.of("BIAS_AMPLIFICATION", "HARMFUL_OUTPUT", "MODEL_DRIFT", "AVAILABILITY").contains(type)) {
            return new Outcome("SEV3", false, null);
        }
        return new Outcome("SEV4", false, null);
    }

    private static boolean flag(Map<String, Object> in, String name) {
        return Boolean.TRUE.equals(in.get(name));
    }

    static VariableMap inputs(String type, boolean highRisk, String... harmsPresent) {
        VariableMap variables = Variables.createVariables().putValue("type", type).putValue("highRiskSystem", highRisk);
        HARMS.forEach(harm -> variables.putValue(harm, List.of(harmsPresent).contains(harm)));
        return variables;
    }

    static Outcome evaluate(VariableMap variables) {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables);
        assertThat(result).as("FIRST hit: exactly one result for %s", variables).hasSize(1);
        DmnDecisionRuleResult entries = result.getSingleResult();
        assertThat(entries).as("all outputs present").containsOnlyKeys("severity", "seriousIncident",
                "notificationDays");
        return new Outcome((String) entries.get("severity"), (Boolean) entries.get("seriousIncident"),
                (Integer) entries.get("notificationDays"));
    }

    // ---- every rule

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rule_death_high_risk,                   death,                            true,  OTHER, SEV1, true,  10",
            "rule_death,                             death,                            false, OTHER, SEV1, false, ",
            "rule_critical_infrastructure_high_risk, criticalInfrastructureDisruption, true,  OTHER, SEV1, true,  2",
            "rule_critical_infrastructure,           criticalInfrastructureDisruption, false, OTHER, SEV1, false, ",
            "rule_widespread_infringement_high_risk, widespreadInfringement,           true,  OTHER, SEV1, true,  2",
            "rule_widespread_infringement,           widespreadInfringement,           false, OTHER, SEV1, false, ",
            "rule_serious_health_harm_high_risk,     seriousHealthHarm,                true,  OTHER, SEV1, true,  15",
            "rule_serious_health_harm,               seriousHealthHarm,                false, OTHER, SEV1, false, ",
            "rule_fundamental_rights_high_risk,      fundamentalRightsInfringement,    true,  OTHER, SEV2, true,  15",
            "rule_fundamental_rights,                fundamentalRightsInfringement,    false, OTHER, SEV2, false, ",
            "rule_property_environment_high_risk,    propertyOrEnvironmentHarm,        true,  OTHER, SEV2, true,  15",
            "rule_property_environment,              propertyOrEnvironmentHarm,        false, OTHER, SEV2, false, ",
            "rule_type_security,                     none,                             true,  MODEL_THEFT, SEV2, false, ",
            "rule_type_quality,                      none,                             true,  MODEL_DRIFT, SEV3, false, ",
            "rule_otherwise,                         none,                             true,  OTHER, SEV4, false, "})
    void eachRuleMatchesItsCase(String rule, String harm, boolean highRisk, String type, String severity,
            boolean serious, Integer days) {
        VariableMap in = "none".equals(harm) ? inputs(type, highRisk) : inputs(type, highRisk, harm);

        assertThat(evaluate(in)).isEqualTo(new Outcome(severity, serious, days));
        assertThat(matchedRules).containsExactly(rule);
    }

    @Test
    void theTableIsFirstHitWithFifteenAnnotatedRulesOverTheContractInputs() throws IOException {
        DmnModelInstance model;
        try (InputStream in = IncidentSeverityDmnTest.class.getClassLoader()
                .getResourceAsStream("processes/incident-severity.dmn")) {
            model = Dmn.readModelFromStream(in);
        }
        Decision modelled = model.getModelElementById(DECISION_KEY);
        assertThat(modelled.getCamundaHistoryTimeToLiveString()).isEqualTo("730");
        DecisionTable table = (DecisionTable) modelled.getExpression();
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        assertThat(table.getInputs()).extracting(input -> input.getInputExpression().getText().getTextContent())
                .containsExactly("death", "criticalInfrastructureDisruption", "widespreadInfringement",
                        "seriousHealthHarm", "fundamentalRightsInfringement", "propertyOrEnvironmentHarm",
                        "highRiskSystem", "type");
        assertThat(table.getInputs()).extracting(input -> input.getInputExpression().getTypeRef())
                .containsExactly("boolean", "boolean", "boolean", "boolean", "boolean", "boolean", "boolean",
                        "string");
        assertThat(List.copyOf(table.getInputs()).get(7).getInputValues().getText().getTextContent())
                .isEqualTo(TYPES.stream().map(t -> '"' + t + '"').collect(Collectors.joining(",")));
        assertThat(table.getOutputs()).extracting(Output::getName, Output::getTypeRef).containsExactly(
                tuple("severity", "string"), tuple("seriousIncident", "boolean"), tuple("notificationDays", "integer"));
        assertThat(table.getRules()).hasSize(15).allSatisfy(rule -> assertThat(rule.getDescription())
                .as("annotation of %s", rule.getId()).isNotNull()
                .satisfies(d -> assertThat(d.getTextContent()).isNotBlank()));
    }

    // ---- priority (FIRST hit)

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "all harms on a high-risk system: 2-day rule first       | true  | death criticalInfrastructureDisruption widespreadInfringement seriousHealthHarm fundamentalRightsInfringement propertyOrEnvironmentHarm | HARMFUL_OUTPUT | rule_critical_infrastructure_high_risk",
            "all harms on another system: first rule, not serious    | false | death criticalInfrastructureDisruption widespreadInfringement seriousHealthHarm fundamentalRightsInfringement propertyOrEnvironmentHarm | HARMFUL_OUTPUT | rule_critical_infrastructure",
            "widespread infringement (2 days) before death (10 days) | true  | death widespreadInfringement | OTHER | rule_widespread_infringement_high_risk",
            "death (10 days) before health harm (15 days)            | true  | death seriousHealthHarm | OTHER | rule_death_high_risk",
            "critical infrastructure before widespread infringement  | true  | criticalInfrastructureDisruption widespreadInfringement | OTHER | rule_critical_infrastructure_high_risk",
            "widespread infringement before health harm              | true  | widespreadInfringement seriousHealthHarm | OTHER | rule_widespread_infringement_high_risk",
            "health harm (SEV1) before fundamental rights (SEV2)     | true  | seriousHealthHarm fundamentalRightsInfringement | OTHER | rule_serious_health_harm_high_risk",
            "fundamental rights before property                      | true  | fundamentalRightsInfringement propertyOrEnvironmentHarm | OTHER | rule_fundamental_rights_high_risk",
            "a harm beats the incident type                          | false | propertyOrEnvironmentHarm | DATA_POISONING | rule_property_environment",
            "a harm beats the incident type on a high-risk system    | true  | propertyOrEnvironmentHarm | MODEL_DRIFT | rule_property_environment_high_risk",
            "high-risk without harm is not serious                   | true  | | HARMFUL_OUTPUT | rule_type_quality"})
    void theFirstMatchingRuleInTableOrderWins(String description, boolean highRisk, String harms, String type,
            String rule) {
        String[] present = harms == null ? new String[0] : harms.trim().split("\\s+");
        VariableMap in = inputs(type, highRisk, present);

        Outcome outcome = evaluate(in);

        assertThat(matchedRules).containsExactly(rule);
        assertThat(outcome).isEqualTo(expected(in));
    }

    @ParameterizedTest(name = "type {0} without harm -> {1}")
    @CsvSource({"DATA_POISONING, SEV2", "OUTPUT_MANIPULATION, SEV2", "PRIVACY_LEAK, SEV2", "MODEL_THEFT, SEV2",
            "BIAS_AMPLIFICATION, SEV3", "HARMFUL_OUTPUT, SEV3", "MODEL_DRIFT, SEV3", "AVAILABILITY, SEV3",
            "OTHER, SEV4"})
    void withoutHarmTheTypeDecides(String type, String severity) {
        for (boolean highRisk : new boolean[] {false, true}) {
            assertThat(evaluate(inputs(type, highRisk))).as("high-risk %s", highRisk)
                    .isEqualTo(new Outcome(severity, false, null));
        }
    }

    @Test
    void aMissingTypeWithoutHarmIsSev4() {
        VariableMap in = inputs(null, true);
        assertThat(evaluate(in)).isEqualTo(new Outcome("SEV4", false, null));
        assertThat(matchedRules).containsExactly("rule_otherwise");
    }

    // ---- exhaustive

    /**
     * Every combination of the seven boolean inputs, with a type that has a rule of its own and with OTHER (the
     * type only decides when no harm is flagged; every type is checked without harm above).
     */
    static Stream<Arguments> everyCombination() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (String type : List.of("MODEL_THEFT", "OTHER")) {
            for (int mask = 0; mask < 1 << (HARMS.size() + 1); mask++) {
                boolean highRisk = (mask & 1) == 1;
                List<String> present = new ArrayList<>();
                for (int i = 0; i < HARMS.size(); i++) {
                    if ((mask & (2 << i)) != 0) {
                        present.add(HARMS.get(i));
                    }
                }
                all.add(Arguments.of(type, highRisk, present));
            }
        }
        return all.build();
    }

    @Test
    void everyCombinationOfTheFlagsFollowsTheContract() {
        List<Arguments> combinations = everyCombination().toList();
        assertThat(combinations).hasSize(2 * 128);
        for (Arguments combination : combinations) {
            Object[] args = combination.get();
            @SuppressWarnings("unchecked")
            List<String> present = (List<String>) args[2];
            VariableMap in = inputs((String) args[0], (Boolean) args[1], present.toArray(String[]::new));
            Outcome outcome = evaluate(in);
            assertThat(outcome).as("%s", in).isEqualTo(expected(in));
            assertThat(outcome.serious()).as("serious iff high-risk and harmed: %s", in)
                    .isEqualTo((Boolean) args[1] && !present.isEmpty());
            assertThat(outcome.days() != null).as("deadline iff serious: %s", in).isEqualTo(outcome.serious());
        }
    }

    /**
     * The deadline is the one of the first harm in table order (as specified), not the shortest of the harms
     * present: death with a critical-infrastructure disruption yields death's 10 days, although Art. 73(3) would
     * ask for 2.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("deadlines")
    void theArt73DeadlineIsTheShortestOfTheHarmsPresent(String description, String[] harms, int days) {
        assertThat(evaluate(inputs("OTHER", true, harms)).days()).isEqualTo(days);
    }

    static Stream<Arguments> deadlines() {
        return Stream.of(
                Arguments.of("death: 10 days", new String[] {"death"}, 10),
                Arguments.of("death and critical infrastructure: the stricter 2 days (Art. 73(3))",
                        new String[] {"death", "criticalInfrastructureDisruption"}, 2),
                Arguments.of("widespread infringement and health harm: 2 days",
                        new String[] {"widespreadInfringement", "seriousHealthHarm"}, 2),
                Arguments.of("property or environment: 15 days", new String[] {"propertyOrEnvironmentHarm"}, 15));
    }
}
