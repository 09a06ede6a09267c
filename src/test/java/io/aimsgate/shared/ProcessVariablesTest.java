package io.aimsgate.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessVariablesTest {

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
    void requiredLongAcceptsEveryWholeNumberRepresentation(Object value, long expected) {
        assertThat(ProcessVariables.requiredLong(scope("systemId", value), "systemId")).isEqualTo(expected);
    }

    static Stream<Object> notWholeNumbers() {
        return Stream.of(null, 7.5d, Double.NaN, "7.0", "7a", "", "   ", "-7", "+7", "1234567890123456789",
                true);
    }

    @ParameterizedTest
    @MethodSource("notWholeNumbers")
    void requiredLongRefusesAnythingElseNamingTheVariable(Object value) {
        assertThatThrownBy(() -> ProcessVariables.requiredLong(scope("systemId", value), "systemId"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'systemId' must be a whole number");
    }

    /** Saturating casts would turn these into Long.MAX_VALUE or 0 and silently name another record. */
    @ParameterizedTest
    @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e19, -1e19,
            9007199254740994.0d, 0.0d, -0.0d, -7.0d, 0.5d, Double.MIN_VALUE})
    void requiredLongRefusesNumbersOutsideTheLongRange(double value) {
        assertThatThrownBy(() -> ProcessVariables.requiredLong(scope("systemId", value), "systemId"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'systemId' must be a whole number");
    }

    static Stream<Number> notPositiveIntegers() {
        return Stream.of(0, -7, Integer.MIN_VALUE, 0L, -7L, Long.MIN_VALUE, (short) 0, (short) -7, 0.0f, -7.0f,
                Float.NaN);
    }

    @ParameterizedTest
    @MethodSource("notPositiveIntegers")
    void requiredLongRefusesZeroAndNegativeIds(Number value) {
        assertThatThrownBy(() -> ProcessVariables.requiredLong(scope("requestId", value), "requestId"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'requestId' must be a whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", " 0 ", "000"})
    void requiredLongRefusesAZeroIdGivenAsText(String value) {
        assertThatThrownBy(() -> ProcessVariables.requiredLong(scope("requestId", value), "requestId"))
                .isInstanceOf(BadUserRequestException.class);
    }

    @Test
    void requiredStringStripsAndRefusesMissingOrBlankValues() {
        assertThat(ProcessVariables.requiredString(scope("submitter", "  olivia "), "submitter")).isEqualTo("olivia");
        assertThat(ProcessVariables.requiredString(scope("requestId", 42L), "requestId")).isEqualTo("42");
        for (Object missing : new Object[] {null, "", "  \t"}) {
            assertThatThrownBy(() -> ProcessVariables.requiredString(scope("submitter", missing), "submitter"))
                    .as("value %s", missing)
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'submitter' is required");
        }
    }

    @Test
    void optionalStringIsNullWhenMissingOrBlank() {
        assertThat(ProcessVariables.optionalString(scope("note", null), "note")).isNull();
        assertThat(ProcessVariables.optionalString(scope("note", " "), "note")).isNull();
        assertThat(ProcessVariables.optionalString(scope("note", " Ship it "), "note")).isEqualTo("Ship it");
    }

    private static VariableScope scope(String name, Object value) {
        VariableScope scope = mock(VariableScope.class);
        when(scope.getVariable(name)).thenReturn(value);
        return scope;
    }
}
