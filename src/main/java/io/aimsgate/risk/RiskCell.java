package io.aimsgate.risk;

/** How many risks of one system share a current likelihood, impact, status and board acceptance. */
public record RiskCell(int likelihood, int impact, RiskStatus status, boolean acceptedByBoard, long count) {

    /** A compact key for the cell's likelihood and impact, used to fetch the risks in it. */
    int key() {
        return likelihood * 10 + impact;
    }
}
