package io.aimsgate.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.inventory.LifecycleStage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The typed variable layer: every form a client can send decodes to the type, anything else is refused naming the
 * variable (a {@link BadUserRequestException}: 400 on the engine REST API, a message in Tasklist), and what is
 * written reads back as the same value.
 */
class ProcessVariableTest {

    static final ProcessVariable<Long> SYSTEM_ID = ProcessVariable.id("systemId");

    // --- ids ---

    static Stream<Arguments> wholeNumbers() {
        return Stream.of(
                Arguments.of(7, 7L),                       // Integer (Tasklist number field, Java clients)
                Arguments.of(7L, 7L),                      // Long (REST "Long")
                Arguments.of(7.0d, 7L),                    // Double (JSON numbers from forms)
                Arguments.of((short) 7, 7L),
                Arguments.of("7", 7L),                     // String (REST "String", text field)
                Arguments.of("  7 ", 7L),
                Arguments.of("123456789012345678", 123456789012345678L),
                Arguments.of(1, 1L),                       // the smallest id
                Arguments.of(Long.MAX_VALUE, Long.MAX_VALUE),
                Arguments.of(9007199254740992.0d, 9007199254740992L)); // 2^53: the largest exact Double id
    }

    @ParameterizedTest
    @MethodSource("wholeNumbers")
    void anIdAcceptsEveryWholeNumberRepresentation(Object value, long expected) {
        assertThat(SYSTEM_ID.get(scope("systemId", value))).isEqualTo(expected);
    }

    static Stream<Object> notWholeNumbers() {
        return Stream.of(7.5d, Double.NaN, "7.0", "7a", "+7", "1234567890123456789", true);
    }

    @ParameterizedTest
    @MethodSource("notWholeNumbers")
    void anIdRefusesAnythingElseNamingTheVariable(Object value) {
        assertThatThrownBy(() -> SYSTEM_ID.get(scope("systemId", value)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'systemId' must be a whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aMissingOrBlankIdIsRefusedAsRequired(String value) {
        assertThatThrownBy(() -> SYSTEM_ID.get(scope("systemId", value))).isInstanceOf(InvalidCommandException.class)
                .hasMessage("'systemId' is required");
        assertThatThrownBy(() -> SYSTEM_ID.get(scope("systemId", null))).hasMessage("'systemId' is required");
        assertThat(SYSTEM_ID.orNull(scope("systemId", value))).isNull();
    }

    /** Saturating casts would turn these into Long.MAX_VALUE or 0 and silently name another record. */
    @ParameterizedTest
    @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e19, -1e19,
            9007199254740994.0d, 0.0d, -0.0d, -7.0d, 0.5d, Double.MIN_VALUE})
    void anIdRefusesNumbersOutsideTheLongRange(double value) {
        assertThatThrownBy(() -> SYSTEM_ID.get(scope("systemId", value)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'systemId' must be a whole number");
    }

    static Stream<Object> notPositive() {
        return Stream.of(0, -7, Integer.MIN_VALUE, 0L, -7L, Long.MIN_VALUE, (short) 0, (short) -7, 0.0f, -7.0f,
                Float.NaN, "0", " 0 ", "000", "-7");
    }

    @ParameterizedTest
    @MethodSource("notPositive")
    void anIdRefusesZeroAndNegativeValues(Object value) {
        assertThatThrownBy(() -> ProcessVariable.id("requestId").get(scope("requestId", value)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'requestId' must be a whole number");
    }

    // --- text ---

    @Test
    void textIsStrippedAndBlankIsAbsent() {
        ProcessVariable<String> submitter = ProcessVariable.text("submitter");
        assertThat(submitter.get(scope("submitter", "  olivia "))).isEqualTo("olivia");
        assertThat(ProcessVariable.text("requestId").get(scope("requestId", 42L))).isEqualTo("42");
        for (Object missing : new Object[] {null, "", "  \t"}) {
            assertThat(submitter.orNull(scope("submitter", missing))).isNull();
            assertThatThrownBy(() -> submitter.get(scope("submitter", missing))).as("value %s", missing)
                    .isInstanceOf(BadUserRequestException.class).hasMessage("'submitter' is required");
        }
    }

    // --- choice ---

    @Test
    void aChoiceIsOneOfTheEnumsNamesAndWrittenAsTheName() {
        ProcessVariable<LifecycleStage> stage = ProcessVariable.choice("stage", LifecycleStage.class);
        assertThat(stage.get(scope("stage", " INCEPTION "))).isEqualTo(LifecycleStage.INCEPTION);
        assertThat(stage.encode(LifecycleStage.INCEPTION)).isEqualTo("INCEPTION");
        assertThat(stage.orNull(scope("stage", ""))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"inception", "SOMEWHERE"})
    void anyOtherChoiceIsRefusedNamingTheVariableAndTheChoices(String value) {
        assertThatThrownBy(() -> ProcessVariable.choice("stage", LifecycleStage.class).get(scope("stage", value)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageStartingWith("'stage' must be one of [INCEPTION, DESIGN_AND_DEVELOPMENT");
    }

    // --- flag ---

    @Test
    void aFlagIsABooleanOrItsText() {
        ProcessVariable<Boolean> flag = ProcessVariable.flag("safetyComponent");
        assertThat(flag.get(scope("safetyComponent", true))).isTrue();
        assertThat(flag.get(scope("safetyComponent", "TRUE"))).isTrue();
        assertThat(flag.get(scope("safetyComponent", "false"))).isFalse();
        assertThat(flag.orElse(scope("safetyComponent", null), false)).isFalse();
        assertThatThrownBy(() -> flag.get(scope("safetyComponent", "yes"))).isInstanceOf(BadUserRequestException.class)
                .hasMessage("'safetyComponent' must be true or false, was yes");
    }

    // --- numbers ---

    @Test
    void aNumberIsAnyFiniteNumberOrItsText() {
        ProcessVariable<Double> accuracy = ProcessVariable.number("accuracy");
        assertThat(accuracy.get(scope("accuracy", 0.91d))).isEqualTo(0.91);
        assertThat(accuracy.get(scope("accuracy", 1L))).isEqualTo(1.0);
        assertThat(accuracy.get(scope("accuracy", " 0 "))).isEqualTo(0.0);
        assertThat(accuracy.orNull(scope("accuracy", " "))).isNull();
        assertThatThrownBy(() -> accuracy.get(scope("accuracy", "high"))).hasMessage("'accuracy' must be a number, was high");
        assertThatThrownBy(() -> accuracy.get(scope("accuracy", "NaN"))).hasMessageContaining("'accuracy' must be a finite");
        assertThatThrownBy(() -> accuracy.get(scope("accuracy", Double.POSITIVE_INFINITY)))
                .hasMessageContaining("'accuracy' must be a finite");
    }

    @Test
    void aWholeNumberIsNotWrappedIntoAnotherOne() {
        ProcessVariable<Long> impact = ProcessVariable.wholeNumber("riskImpact");
        assertThat(impact.get(scope("riskImpact", 4_294_967_299L))).isEqualTo(4_294_967_299L);
        assertThat(impact.get(scope("riskImpact", 5.0d))).isEqualTo(5L);
        assertThatThrownBy(() -> impact.get(scope("riskImpact", 2.5d))).hasMessageContaining("'riskImpact' must be a whole number");
        assertThatThrownBy(() -> impact.get(scope("riskImpact", "three"))).hasMessageContaining("'riskImpact' must be a whole number");
    }

    // --- instants ---

    @Test
    void anInstantIsItsIsoText() {
        ProcessVariable<Instant> detectedAt = ProcessVariable.instant("detectedAt");
        Instant at = Instant.parse("2026-11-23T08:00:00Z");
        assertThat(detectedAt.get(scope("detectedAt", " 2026-11-23T08:00:00Z "))).isEqualTo(at);
        assertThat(detectedAt.encode(at)).isEqualTo("2026-11-23T08:00:00Z");
        assertThatThrownBy(() -> detectedAt.get(scope("detectedAt", "yesterday")))
                .hasMessageStartingWith("'detectedAt' must be an ISO-8601 instant");
    }

    // --- lists and records travel as what they are ---

    @Test
    void aListIsWrittenAsAJsonArrayAndReadBackAsTheSameList() {
        ProcessVariable<List<String>> labels = ProcessVariable.textList("versionLabels");
        List<String> written = List.of("2.3.0", "2.3.1, with a comma", "line\nbreak");
        Object stored = labels.encode(written);
        assertThat(stored).isInstanceOf(String.class);
        assertThat(labels.get(scope("versionLabels", stored))).isEqualTo(written);
        assertThat(labels.get(scope("versionLabels", List.of("a", "b")))).containsExactly("a", "b");
        assertThatThrownBy(() -> labels.get(scope("versionLabels", "2.3.0, 2.3.1")))
                .hasMessage("'versionLabels' must be a list of texts");
    }

    record Report(Long systemId, List<String> versionLabels, Instant detectedAt) {
    }

    @Test
    void aRecordIsWrittenAsJsonWithItsListsAndInstants() {
        ProcessVariable<Report> report = ProcessVariable.json("report", Report.class);
        Report written = new Report(7L, List.of("1.0.0", "1.1.0"), Instant.parse("2026-11-23T08:00:00Z"));
        Map<String, Object> variables = report.putInto(new HashMap<>(), written);
        assertThat(variables.get("report")).isInstanceOf(String.class);
        assertThat(report.get(scope("report", variables.get("report")))).isEqualTo(written);
        assertThatThrownBy(() -> report.get(scope("report", "{not json"))).hasMessage("'report' is not a valid Report");
    }

    @Test
    void settingAndRemovingGoThroughTheScopeUnderTheName() {
        VariableScope scope = mock(VariableScope.class);
        ProcessVariable<LifecycleStage> stage = ProcessVariable.choice("stage", LifecycleStage.class);
        stage.set(scope, LifecycleStage.RETIREMENT);
        stage.remove(scope);
        verify(scope).setVariable("stage", "RETIREMENT");
        verify(scope).removeVariable("stage");
    }

    private static VariableScope scope(String name, Object value) {
        VariableScope scope = mock(VariableScope.class);
        when(scope.getVariable(name)).thenReturn(value);
        return scope;
    }
}
