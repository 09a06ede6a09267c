package io.aimsgate.raci;

/** The four RACI roles. */
public enum RaciRole {
    RESPONSIBLE, ACCOUNTABLE, CONSULTED, INFORMED
}
