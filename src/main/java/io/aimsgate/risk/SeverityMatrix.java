package io.aimsgate.risk;

import io.aimsgate.shared.InvalidInputException;

/** The organisation's risk appetite: severity for every likelihood x impact cell, from one DMN version. */
public record SeverityMatrix(String decisionDefinitionId, Severity[][] cells) {

    public static final int MIN = 1;
    public static final int MAX = 5;

    public Severity severityOf(int likelihood, int impact) {
        if (likelihood < MIN || likelihood > MAX) {
            throw new InvalidInputException("likelihood", "must be between 1 and 5");
        }
        if (impact < MIN || impact > MAX) {
            throw new InvalidInputException("impact", "must be between 1 and 5");
        }
        return cells[likelihood - 1][impact - 1];
    }
}
