package io.aimsgate.controls;

/**
 * What the organisation records for a control: applicable or not, why (required either way), how far it is
 * implemented and who owns it. A control that is not applicable is NOT_APPLICABLE, and only such a control is.
 */
public record ControlDecision(boolean applicable, String justification, ImplementationStatus implementationStatus,
        String owner) {
}
