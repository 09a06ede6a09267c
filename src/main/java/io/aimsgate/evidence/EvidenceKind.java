package io.aimsgate.evidence;

/** What a piece of evidence documents (issue 16); gates require some kinds (see {@link RequiredEvidence}). */
public enum EvidenceKind {
    MODEL_CARD("model card"),
    DATA_LINEAGE("data lineage"),
    VALIDATION_REPORT("validation report"),
    TEST_RESULTS("test results"),
    IMPACT_ASSESSMENT("impact assessment"),
    APPROVAL_RECORD("approval record"),
    MONITORING_RECORD("monitoring record"),
    DATA_DISPOSAL_RECORD("data disposal record"),
    OTHER("other");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
