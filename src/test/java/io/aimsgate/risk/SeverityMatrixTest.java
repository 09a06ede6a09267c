package io.aimsgate.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aimsgate.shared.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityMatrixTest {

    @ParameterizedTest
    @CsvSource({"1,1,LOW", "1,5,MEDIUM", "5,1,MEDIUM", "2,5,HIGH", "4,4,HIGH", "4,5,CRITICAL", "5,5,CRITICAL"})
    void readsTheCellOfLikelihoodAndImpact(int likelihood, int impact, Severity expected) {
        assertThat(RiskFixtures.defaultMatrix().severityOf(likelihood, impact)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0,3,likelihood", "6,3,likelihood", "3,0,impact", "3,6,impact"})
    void refusesValuesOutsideOneToFive(int likelihood, int impact, String field) {
        assertThatThrownBy(() -> RiskFixtures.defaultMatrix().severityOf(likelihood, impact))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
