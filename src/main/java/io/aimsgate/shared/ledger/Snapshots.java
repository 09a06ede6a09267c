package io.aimsgate.shared.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/** A ledger snapshot from key/value pairs, in order; values may be null (they are recorded as JSON null). */
public final class Snapshots {

    private Snapshots() {
    }

    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Snapshots.of takes key/value pairs");
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            snapshot.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return snapshot;
    }
}
