package io.aimsgate.datagovernance;

/** How personal data in a dataset is treated before use (A.7.4, A.7.5; GDPR Art. 4(5), recital 26). */
public enum PersonalDataTreatment {
    ANONYMISED, PSEUDONYMISED, NONE
}
