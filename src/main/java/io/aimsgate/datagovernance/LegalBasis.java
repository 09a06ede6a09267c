package io.aimsgate.datagovernance;

/**
 * Why the organisation may use a dataset (A.7.3 acquisition): a GDPR Art. 6 basis for personal data, or the
 * licence / ownership that covers other data.
 */
public enum LegalBasis {
    CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS, PUBLIC_TASK, LEGITIMATE_INTERESTS, LICENCE, PUBLIC_DOMAIN,
    OWN_DATA
}
