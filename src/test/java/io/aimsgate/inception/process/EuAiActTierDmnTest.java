package io.aimsgate.inception.process;

import static io.aimsgate.inception.process.InceptionModel.ANNEX_III_AREAS;
import static io.aimsgate.inception.process.InceptionModel.FLAGS;
import static io.aimsgate.inception.process.InceptionModel.NONE;
import static io.aimsgate.inception.process.InceptionModel.PROHIBITED_PRACTICES;
import static io.aimsgate.inception.process.InceptionModel.annexIIIPoint;
import static io.aimsgate.inception.process.InceptionModel.article5Point;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/eu-ai-act-tier.dmn without a process engine: every prohibited practice, every Annex III area, the
 * safety component and transparency rules with the article each cites, the FIRST-hit priority between them,
 * unanswered (null) screening answers, and every combination of the inputs against the contract.
 */
class EuAiActTierDmnTest {

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
        try (InputStream model = InceptionModel.resource(InceptionModel.DMN)) {
            decision = engine.parseDecision(InceptionModel.DECISION_KEY, model);
        }
    }

    @BeforeEach
    void clearMatches() {
        matchedRules.clear();
    }

    record Outcome(String tier, String reason) {
    }

    static VariableMap screening(String practice, String area, Boolean safety, Boolean interacts, Boolean synthetic) {
        return Variables.createVariables().putValue("prohibitedPractice", practice).putValue("annexIIIArea", area)
                .putValue("safetyComponent", safety).putValue("interactsWithPeople", interacts)
                .putValue("generatesSyntheticContent", synthetic);
    }

    static Outcome evaluate(VariableMap variables) {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables);
        assertThat(result).as("FIRST hit: exactly one result for %s", variables).hasSize(1);
        DmnDecisionRuleResult entries = result.getSingleResult();
        assertThat(entries).as("both outputs").containsOnlyKeys("tier", "tierReason");
        assertThat(entries.get("tierReason")).as("tierReason of %s", variables).isInstanceOf(String.class);
        return new Outcome((String) entries.get("tier"), (String) entries.get("tierReason"));
    }

    static Outcome evaluate(String practice, String area, Boolean safety, Boolean interacts, Boolean synthetic) {
        return evaluate(screening(practice, area, safety, interacts, synthetic));
    }

    // ---- the table as the contract states it

    @Test
    void theDecisionIsAFirstHitTableOnTheFiveScreeningAnswersWithTierAndReason() throws IOException {
        DmnModelInstance dmn = InceptionModel.dmn();
        Decision model = dmn.getModelElementById(InceptionModel.DECISION_KEY);
        assertThat(model).isNotNull();
        DecisionTable table = (DecisionTable) model.getExpression();
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getText().getTextContent(),
                i -> i.getInputExpression().getTypeRef()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("prohibitedPractice", "string"),
                org.assertj.core.groups.Tuple.tuple("annexIIIArea", "string"),
                org.assertj.core.groups.Tuple.tuple("safetyComponent", "boolean"),
                org.assertj.core.groups.Tuple.tuple("interactsWithPeople", "boolean"),
                org.assertj.core.groups.Tuple.tuple("generatesSyntheticContent", "boolean"));
        assertThat(table.getOutputs()).extracting(Output::getName).containsExactly("tier", "tierReason");
        assertThat(table.getOutputs().iterator().next().getOutputValues().getText().getTextContent())
                .isEqualTo("\"UNACCEPTABLE\",\"HIGH\",\"TRANSPARENCY\",\"MINIMAL\"");
        assertThat(InceptionModel.inputValues("prohibitedPractice"))
                .containsExactlyElementsOf(concat(NONE, PROHIBITED_PRACTICES));
        assertThat(InceptionModel.inputValues("annexIIIArea")).containsExactlyElementsOf(concat(NONE, ANNEX_III_AREAS));
        // 8 practices, 1 safety component, 8 areas, 2 transparency obligations, the rest
        assertThat(table.getRules()).hasSize(20);
        assertThat(model.getAttributeValueNs("http://camunda.org/schema/1.0/dmn", "historyTimeToLive"))
                .isEqualTo("730");
        try (InputStream in = InceptionModel.resource(InceptionModel.DMN)) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .as("diagram interchange").containsPattern(
                            "<dmndi:DMNShape [^>]*dmnElementRef=\"" + InceptionModel.DECISION_KEY + "\"");
        }
    }

    @ParameterizedTest(name = "{0} -> UNACCEPTABLE, Art. 5(1)({1})")
    @CsvSource({
            "SUBLIMINAL_MANIPULATION,            a, subliminal",
            "EXPLOITING_VULNERABILITIES,         b, vulnerabilities of a person or group due to their age, disability",
            "SOCIAL_SCORING,                     c, social scoring",
            "CRIME_PREDICTION_PROFILING,         d, criminal offence based solely on profiling",
            "UNTARGETED_FACE_SCRAPING,           e, untargeted scraping of facial images",
            "EMOTION_RECOGNITION_WORK_EDUCATION, f, emotions of natural persons in the workplace or in education",
            "BIOMETRIC_CATEGORISATION_SENSITIVE, g, biometric categorisation",
            "REALTIME_REMOTE_BIOMETRIC_ID,       h, real-time remote biometric identification in publicly accessible spaces"})
    void everyProhibitedPracticeIsUnacceptableCitingItsPointOfArticle5(String practice, char point, String what) {
        Outcome outcome = evaluate(practice, NONE, false, false, false);

        assertThat(outcome.tier()).isEqualTo("UNACCEPTABLE");
        assertThat(outcome.reason()).contains("Art. 5(1)(" + point + ")").contains(what);
        assertThat(article5Point(practice)).isEqualTo("Art. 5(1)(" + point + ")");
        assertThat(matchedRules).containsExactly("rule_prohibited_" + practice.toLowerCase());
    }

    @ParameterizedTest(name = "{0} -> HIGH, Art. 6(2) Annex III point {1}")
    @CsvSource({
            "BIOMETRICS,              1, biometric identification",
            "CRITICAL_INFRASTRUCTURE, 2, critical infrastructure",
            "EDUCATION,               3, education and vocational training",
            "EMPLOYMENT,              4, employment, workers management",
            "ESSENTIAL_SERVICES,      5, essential private services and essential public services",
            "LAW_ENFORCEMENT,         6, law enforcement",
            "MIGRATION_BORDER,        7, migration, asylum and border control",
            "JUSTICE_DEMOCRACY,       8, administration of justice and democratic processes"})
    void everyAnnexIIIAreaIsHighRiskCitingArticle6Paragraph2AndItsPoint(String area, int point, String what) {
        Outcome outcome = evaluate(NONE, area, false, false, false);

        assertThat(outcome.tier()).isEqualTo("HIGH");
        assertThat(outcome.reason()).contains("Art. 6(2)").contains("Annex III point " + point + ":").contains(what)
                .doesNotContain("Art. 6(1)");
        assertThat(annexIIIPoint(area)).isEqualTo("Annex III point " + point);
        assertThat(matchedRules).containsExactly("rule_annex_iii_" + area.toLowerCase());
    }

    @Test
    void aSafetyComponentOfAnAnnexIProductIsHighRiskUnderArticle6Paragraph1() {
        Outcome outcome = evaluate(NONE, NONE, true, false, false);

        assertThat(outcome.tier()).isEqualTo("HIGH");
        assertThat(outcome.reason()).contains("Art. 6(1)").contains("safety component").contains("Annex I")
                .doesNotContain("Annex III");
        assertThat(matchedRules).containsExactly("rule_safety_component");
    }

    @ParameterizedTest(name = "interacts {0}, synthetic {1} -> TRANSPARENCY, {2}")
    @CsvSource({"true, false, Art. 50(1), interacts directly with natural persons",
            "false, true, Art. 50(2), synthetic audio, image, video or text content",
            "true, true, Art. 50(1), interacts directly with natural persons"})
    void directInteractionOrSyntheticContentBringsTheTransparencyObligationsOfArticle50(boolean interacts,
            boolean synthetic, String article, String what) {
        Outcome outcome = evaluate(NONE, NONE, false, interacts, synthetic);

        assertThat(outcome.tier()).isEqualTo("TRANSPARENCY");
        assertThat(outcome.reason()).contains(article).contains(what);
    }

    @Test
    void aSystemWithNoneOfTheseIsMinimalRisk() {
        Outcome outcome = evaluate(NONE, NONE, false, false, false);

        assertThat(outcome.tier()).isEqualTo("MINIMAL");
        assertThat(outcome.reason()).startsWith("Minimal risk").contains("Art. 5").contains("Art. 6(1)")
                .contains("Art. 50");
        assertThat(matchedRules).containsExactly("rule_minimal");
    }

    // ---- priority

    @ParameterizedTest(name = "{0} wins over every high-risk and transparency answer")
    @MethodSource("practices")
    void aProhibitedPracticeWinsOverHighRiskAndTransparency(String practice) {
        for (String area : ANNEX_III_AREAS) {
            Outcome outcome = evaluate(practice, area, true, true, true);
            assertThat(outcome.tier()).as("%s with %s", practice, area).isEqualTo("UNACCEPTABLE");
            assertThat(outcome.reason()).contains(article5Point(practice)).doesNotContain("Art. 6");
        }
    }

    @Test
    void highRiskWinsOverTransparency() {
        assertThat(evaluate(NONE, "EMPLOYMENT", false, true, true))
                .isEqualTo(evaluate(NONE, "EMPLOYMENT", false, false, false));
        assertThat(evaluate(NONE, NONE, true, true, true).tier()).isEqualTo("HIGH");
        assertThat(evaluate(NONE, NONE, true, true, true).reason()).contains("Art. 6(1)");
    }

    /** Both grounds make the system high-risk; the reason cites Art. 6(1), the rule above the Annex III rules. */
    @Test
    void aSafetyComponentInAnAnnexIIIAreaCitesArticle6Paragraph1() {
        Outcome outcome = evaluate(NONE, "CRITICAL_INFRASTRUCTURE", true, false, false);

        assertThat(outcome.tier()).isEqualTo("HIGH");
        assertThat(outcome.reason()).contains("Art. 6(1)");
    }

    // ---- unanswered screening

    @Test
    void nullFlagsCountAsFalse() {
        assertThat(evaluate(NONE, NONE, null, null, null).tier()).isEqualTo("MINIMAL");
        assertThat(evaluate(NONE, NONE, null, true, null).tier()).isEqualTo("TRANSPARENCY");
        assertThat(evaluate(NONE, NONE, null, null, true).reason()).contains("Art. 50(2)");
        assertThat(evaluate(NONE, "EDUCATION", null, null, null).reason()).contains("Annex III point 3");
        assertThat(evaluate("SOCIAL_SCORING", NONE, null, null, null).reason()).contains("Art. 5(1)(c)");
    }

    @Test
    void absentFlagsCountAsFalse() {
        VariableMap onlySelects = Variables.createVariables().putValue("prohibitedPractice", NONE)
                .putValue("annexIIIArea", NONE);
        assertThat(evaluate(onlySelects).tier()).isEqualTo("MINIMAL");
        assertThat(evaluate(Variables.createVariables().putValue("prohibitedPractice", NONE)
                .putValue("annexIIIArea", "LAW_ENFORCEMENT")).reason()).contains("Annex III point 6");
    }

    @Test
    void unansweredSelectsMatchNeitherAPracticeNorAnArea() {
        assertThat(evaluate(null, null, false, false, false).tier()).isEqualTo("MINIMAL");
        assertThat(evaluate(null, null, true, false, false).tier()).isEqualTo("HIGH");
        assertThat(evaluate(Variables.createVariables()).tier()).isEqualTo("MINIMAL");
    }

    // ---- every combination

    /** The contract, in code: tier and the article the reason must cite, for any combination of the answers. */
    static Outcome expected(String practice, String area, Boolean safety, Boolean interacts, Boolean synthetic) {
        if (practice != null && PROHIBITED_PRACTICES.contains(practice)) {
            return new Outcome("UNACCEPTABLE", article5Point(practice));
        }
        if (Boolean.TRUE.equals(safety)) {
            return new Outcome("HIGH", "Art. 6(1)");
        }
        if (area != null && ANNEX_III_AREAS.contains(area)) {
            return new Outcome("HIGH", "Art. 6(2) and " + annexIIIPoint(area) + ":");
        }
        if (Boolean.TRUE.equals(interacts)) {
            return new Outcome("TRANSPARENCY", "Art. 50(1)");
        }
        if (Boolean.TRUE.equals(synthetic)) {
            return new Outcome("TRANSPARENCY", "Art. 50(2)");
        }
        return new Outcome("MINIMAL", "Minimal risk");
    }

    @Test
    void everyCombinationOfAnswersGetsTheContractTierAndArticleAndEveryRuleIsReachable() {
        List<String> practices = concat(NONE, PROHIBITED_PRACTICES);
        practices.add(null);
        List<String> areas = concat(NONE, ANNEX_III_AREAS);
        areas.add(null);
        Boolean[] flagValues = {null, false, true};
        int evaluations = 0;
        for (String practice : practices) {
            for (String area : areas) {
                for (Boolean safety : flagValues) {
                    for (Boolean interacts : flagValues) {
                        for (Boolean synthetic : flagValues) {
                            Outcome actual = evaluate(practice, area, safety, interacts, synthetic);
                            Outcome expected = expected(practice, area, safety, interacts, synthetic);
                            String in = Arrays.asList(practice, area, safety, interacts, synthetic).toString();
                            assertThat(actual.tier()).as("tier of %s", in).isEqualTo(expected.tier());
                            assertThat(actual.reason()).as("reason of %s", in).contains(expected.reason());
                            evaluations++;
                        }
                    }
                }
            }
        }
        assertThat(evaluations).isEqualTo(10 * 10 * 27);
        Set<String> ruleIds = new LinkedHashSet<>();
        decisionRules().forEach(rule -> ruleIds.add(rule.getId()));
        assertThat(new LinkedHashSet<>(matchedRules)).as("every rule wins somewhere").containsExactlyInAnyOrderElementsOf(
                ruleIds);
    }

    // ---- the start form asks exactly what the decision reads

    @Test
    void theStartFormOffersExactlyThePracticesAndAreasTheDecisionReadsAndTheFlagsAsCheckboxes() throws IOException {
        JsonNode start = InceptionModel.form("inception-start");

        JsonNode practice = InceptionModel.field(start, "prohibitedPractice");
        assertThat(InceptionModel.values(practice)).containsExactlyElementsOf(InceptionModel.inputValues(
                "prohibitedPractice"));
        assertThat(practice.path("validate").path("required").asBoolean()).isTrue();
        JsonNode area = InceptionModel.field(start, "annexIIIArea");
        assertThat(InceptionModel.values(area)).containsExactlyElementsOf(InceptionModel.inputValues("annexIIIArea"));
        assertThat(area.path("validate").path("required").asBoolean()).isTrue();
        for (String flag : FLAGS) {
            assertThat(InceptionModel.field(start, flag).get("type").asText()).as("type of %s", flag)
                    .isEqualTo("checkbox");
        }
        // each option names the article point the decision cites for it
        for (JsonNode option : practice.get("values")) {
            String value = option.get("value").asText();
            if (!NONE.equals(value)) {
                assertThat(option.get("label").asText()).contains(article5Point(value));
            }
        }
        for (JsonNode option : area.get("values")) {
            String value = option.get("value").asText();
            if (!NONE.equals(value)) {
                assertThat(option.get("label").asText()).startsWith((ANNEX_III_AREAS.indexOf(value) + 1) + ". ");
            }
        }
        assertThat(decisionInputs()).extracting(i -> i.getInputExpression().getText().getTextContent())
                .allSatisfy(key -> assertThat(InceptionModel.field(start, key)).isNotNull());
    }

    // ---- helpers

    static Stream<Arguments> practices() {
        return PROHIBITED_PRACTICES.stream().map(Arguments::of);
    }

    static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    static List<Rule> decisionRules() {
        try {
            return List.copyOf(InceptionModel.dmn().getModelElementsByType(Rule.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Input> decisionInputs() throws IOException {
        return List.copyOf(InceptionModel.dmn().getModelElementsByType(Input.class));
    }
}
