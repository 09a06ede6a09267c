package io.aimsgate.shared;

import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aimsgate.inception.AnnexIIIArea;
import io.aimsgate.inception.ProhibitedPractice;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad form input is refused with the field's name (400 in the engine REST API, a message in Tasklist). */
class FormValuesTest {

    static VariableScope scope(Object... namesAndValues) {
        return execution(variables(namesAndValues));
    }

    // --- text ---

    @Test
    void textIsStrippedAndReturned() {
        assertThat(FormValues.text(scope("intendedUse", "  Scores loan applications  "), "intendedUse", 10, 4000))
                .isEqualTo("Scores loan applications");
    }

    @Test
    void textShorterThanTheMinimumIsRefusedNamingTheField() {
        assertThatThrownBy(() -> FormValues.text(scope("intendedUse", "  short    "), "intendedUse", 10, 4000))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'intendedUse' is required (at least 10 characters)");
    }

    @Test
    void absentTextIsRefusedNamingTheField() {
        assertThatThrownBy(() -> FormValues.text(scope(), "affectedPeople", 3, 4000))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'affectedPeople' is required");
    }

    @Test
    void textLongerThanTheMaximumIsRefusedNamingTheField() {
        assertThatThrownBy(() -> FormValues.text(scope("versionLabel", "x".repeat(65)), "versionLabel", 1, 64))
                .isInstanceOf(BadUserRequestException.class).hasMessage("'versionLabel' is longer than 64 characters");
        assertThat(FormValues.text(scope("versionLabel", "x".repeat(64)), "versionLabel", 1, 64)).hasSize(64);
    }

    @Test
    void optionalTextIsNullWhenBlankAndRefusedWhenTooLong() {
        assertThat(FormValues.optionalText(scope("replacedBy", "   "), "replacedBy", 200)).isNull();
        assertThat(FormValues.optionalText(scope(), "replacedBy", 200)).isNull();
        assertThat(FormValues.optionalText(scope("replacedBy", " Scoring v2 "), "replacedBy", 200))
                .isEqualTo("Scoring v2");
        assertThatThrownBy(() -> FormValues.optionalText(scope("replacedBy", "x".repeat(201)), "replacedBy", 200))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'replacedBy'");
    }

    // --- choice ---

    @Test
    void aChoiceIsOneOfTheEnumsNames() {
        assertThat(FormValues.choice(scope("prohibitedPractice", "SOCIAL_SCORING"), "prohibitedPractice",
                ProhibitedPractice.class)).isEqualTo(ProhibitedPractice.SOCIAL_SCORING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"social_scoring", "MIND_READING", ""})
    void anyOtherChoiceIsRefusedNamingTheField(String value) {
        assertThatThrownBy(() -> FormValues.choice(scope("prohibitedPractice", value), "prohibitedPractice",
                ProhibitedPractice.class)).isInstanceOf(BadUserRequestException.class)
                .hasMessageStartingWith("'prohibitedPractice' must be one of [NONE, SUBLIMINAL_MANIPULATION");
    }

    @Test
    void anAbsentChoiceIsRefused() {
        assertThatThrownBy(() -> FormValues.choice(scope(), "annexIIIArea", AnnexIIIArea.class))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'annexIIIArea'")
                .hasMessageEndingWith("was null");
    }

    // --- flag ---

    @Test
    void aFlagIsABooleanOrItsTextAndDefaultsToFalse() {
        assertThat(FormValues.flag(scope("safetyComponent", true), "safetyComponent")).isTrue();
        assertThat(FormValues.flag(scope("safetyComponent", "TRUE"), "safetyComponent")).isTrue();
        assertThat(FormValues.flag(scope("safetyComponent", "false"), "safetyComponent")).isFalse();
        assertThat(FormValues.flag(scope(), "safetyComponent")).isFalse();
    }

    @Test
    void anyOtherFlagIsRefusedNamingTheField() {
        assertThatThrownBy(() -> FormValues.flag(scope("safetyComponent", "yes"), "safetyComponent"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'safetyComponent' must be true or false, was yes");
    }

    // --- numbers ---

    @Test
    void anOptionalIntAcceptsWholeNumbersInRange() {
        assertThat(FormValues.optionalInt(scope("riskLikelihood", 3L), "riskLikelihood", 1, 5)).isEqualTo(3);
        assertThat(FormValues.optionalInt(scope("riskLikelihood", 5.0d), "riskLikelihood", 1, 5)).isEqualTo(5);
        assertThat(FormValues.optionalInt(scope("riskLikelihood", " 1 "), "riskLikelihood", 1, 5)).isEqualTo(1);
        assertThat(FormValues.optionalInt(scope("riskLikelihood", ""), "riskLikelihood", 1, 5)).isNull();
        assertThat(FormValues.optionalInt(scope(), "riskLikelihood", 1, 5)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "-1"})
    void anOptionalIntOutOfRangeIsRefusedNamingTheField(String value) {
        assertThatThrownBy(() -> FormValues.optionalInt(scope("riskImpact", value), "riskImpact", 1, 5))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'riskImpact' must be between 1 and 5, was " + value);
    }

    @Test
    void anOptionalIntThatIsNoWholeNumberIsRefused() {
        assertThatThrownBy(() -> FormValues.optionalInt(scope("riskImpact", 2.5d), "riskImpact", 1, 5))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'riskImpact' must be a whole number");
        assertThatThrownBy(() -> FormValues.optionalInt(scope("riskImpact", "three"), "riskImpact", 1, 5))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'riskImpact' must be a whole number");
    }

    @Test
    void anOptionalIntBeyondTheIntRangeIsRefusedNotWrappedIntoIt() {
        // 2^32 + 3 would wrap to 3 by Number.intValue()
        assertThatThrownBy(() -> FormValues.optionalInt(scope("riskImpact", 4_294_967_299L), "riskImpact", 1, 5))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'riskImpact'");
        assertThatThrownBy(() -> FormValues.optionalInt(scope("riskImpact", 4.294967299e9), "riskImpact", 1, 5))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'riskImpact'");
    }

    @Test
    void anOptionalDoubleAcceptsNumbersAndTheirTextInRange() {
        assertThat(FormValues.optionalDouble(scope("accuracy", 0.91d), "accuracy", 0, 1)).isEqualTo(0.91);
        assertThat(FormValues.optionalDouble(scope("accuracy", 1L), "accuracy", 0, 1)).isEqualTo(1.0);
        assertThat(FormValues.optionalDouble(scope("accuracy", " 0 "), "accuracy", 0, 1)).isEqualTo(0.0);
        assertThat(FormValues.optionalDouble(scope("accuracy", " "), "accuracy", 0, 1)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.01", "-0.1", "NaN", "Infinity"})
    void anOptionalDoubleOutOfRangeIsRefusedNamingTheField(String value) {
        assertThatThrownBy(() -> FormValues.optionalDouble(scope("accuracy", value), "accuracy", 0, 1))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'accuracy' must be between 0.0 and 1.0, was " + value);
    }

    @Test
    void anOptionalDoubleThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> FormValues.optionalDouble(scope("recall", "high"), "recall", 0, 1))
                .isInstanceOf(BadUserRequestException.class).hasMessage("'recall' must be a number, was high");
    }
}
