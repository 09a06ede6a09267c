package io.aimsgate.risk;

/** STRIDE threat categories, used to classify AI risks per life-cycle stage. */
public enum StrideCategory {
    SPOOFING, TAMPERING, REPUDIATION, INFORMATION_DISCLOSURE, DENIAL_OF_SERVICE, ELEVATION_OF_PRIVILEGE
}
