package io.aimsgate.risk;

/** A cell of the severity matrix: a current likelihood and impact. */
record RiskCell(int likelihood, int impact) implements Comparable<RiskCell> {

    /** A compact key for the cell, used to select the risks in a set of cells. */
    int key() {
        return likelihood * 10 + impact;
    }

    @Override
    public int compareTo(RiskCell other) {
        return Integer.compare(key(), other.key());
    }
}
