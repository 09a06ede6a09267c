package io.aimsgate.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The default 5x5 risk matrix of processes/risk-severity.dmn, cell by cell, without a process engine. */
class RiskSeverityDmnTest {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = RiskSeverityDmnTest.class.getClassLoader()
                .getResourceAsStream("processes/risk-severity.dmn")) {
            assertThat(model).as("processes/risk-severity.dmn on the classpath").isNotNull();
            decision = engine.parseDecision(RiskSeverityService.DECISION_KEY, model);
        }
    }

    /** Score = likelihood x impact: 1-4 LOW, 5-9 MEDIUM, 10-16 HIGH, 20-25 CRITICAL. */
    static Severity expected(int likelihood, int impact) {
        int score = likelihood * impact;
        if (score <= 4) {
            return Severity.LOW;
        }
        if (score <= 9) {
            return Severity.MEDIUM;
        }
        return score <= 16 ? Severity.HIGH : Severity.CRITICAL;
    }

    static Stream<Arguments> cells() {
        return IntStream.rangeClosed(1, 5).boxed()
                .flatMap(l -> IntStream.rangeClosed(1, 5).mapToObj(i -> Arguments.of(l, i, expected(l, i))));
    }

    @ParameterizedTest(name = "likelihood {0} x impact {1} -> {2}")
    @MethodSource("cells")
    void everyCellOfTheDefaultMatrixMatchesExactlyOneRule(int likelihood, int impact, Severity severity) {
        assertThat(RiskSeverityService.evaluate(decision, engine, likelihood, impact)).isEqualTo(severity);
    }

    @ParameterizedTest(name = "fixture cell {0} x {1}")
    @MethodSource("cells")
    void theUnitTestFixtureIsTheDeployedTable(int likelihood, int impact, Severity severity) {
        assertThat(RiskFixtures.defaultMatrix().severityOf(likelihood, impact)).isEqualTo(severity);
    }

    @ParameterizedTest(name = "spot check {0} x {1} -> {2}")
    @CsvSource({"1,4,LOW", "1,5,MEDIUM", "3,3,MEDIUM", "2,5,HIGH", "4,4,HIGH", "4,5,CRITICAL", "5,5,CRITICAL",
            "5,1,MEDIUM"})
    void spotChecksAgainstTheDocumentedTable(int likelihood, int impact, Severity severity) {
        assertThat(RiskSeverityService.evaluate(decision, engine, likelihood, impact)).isEqualTo(severity);
    }

    @ParameterizedTest(name = "likelihood {0} x impact {1} matches no rule")
    @CsvSource({"0,3", "6,3", "3,0", "3,6", "0,0", "6,6"})
    void valuesOutsideOneToFiveMatchNoRule(int likelihood, int impact) {
        assertThat(engine.evaluateDecisionTable(decision, Variables.createVariables()
                .putValue("likelihood", likelihood).putValue("impact", impact))).isEmpty();
        assertThatThrownBy(() -> RiskSeverityService.evaluate(decision, engine, likelihood, impact))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("found 0 matches");
    }
}
