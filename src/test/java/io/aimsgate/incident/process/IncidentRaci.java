package io.aimsgate.incident.process;

import static io.aimsgate.raci.RaciGroups.AI_PRODUCT_OWNERS;
import static io.aimsgate.raci.RaciGroups.GOVERNANCE_BOARD;
import static io.aimsgate.raci.RaciGroups.LEGAL;
import static io.aimsgate.raci.RaciGroups.ML_ENGINEERS;

import io.aimsgate.raci.RaciMatrix;
import io.aimsgate.raci.RaciProperties;
import io.aimsgate.raci.RaciProperties.Activity;
import io.aimsgate.raci.RaciRole;
import io.aimsgate.raci.RaciTaskListener;
import java.util.List;
import java.util.Map;

/**
 * The RACI activities the incident, corrective-action and nonconformity models declare, with the group each
 * declared role resolves to. The process tests run the real {@link RaciTaskListener} over this matrix, so the
 * candidate groups they assert are the ones production computes from the same declarations.
 */
final class IncidentRaci {

    /** Activity -> the role its user tasks declare and the one group that role resolves to. */
    static final Map<String, Declared> DECLARED = Map.ofEntries(
            Map.entry("incident-containment", new Declared(RaciRole.RESPONSIBLE, ML_ENGINEERS)),
            Map.entry("incident-escalation", new Declared(RaciRole.ACCOUNTABLE, GOVERNANCE_BOARD)),
            Map.entry("incident-regulator-notification", new Declared(RaciRole.RESPONSIBLE, LEGAL)),
            Map.entry("incident-resumption", new Declared(RaciRole.ACCOUNTABLE, GOVERNANCE_BOARD)),
            Map.entry("incident-closure", new Declared(RaciRole.ACCOUNTABLE, AI_PRODUCT_OWNERS)),
            Map.entry("corrective-correction", new Declared(RaciRole.RESPONSIBLE, ML_ENGINEERS)),
            Map.entry("corrective-root-cause", new Declared(RaciRole.RESPONSIBLE, ML_ENGINEERS)),
            Map.entry("corrective-planning", new Declared(RaciRole.RESPONSIBLE, ML_ENGINEERS)),
            Map.entry("corrective-tracking", new Declared(RaciRole.RESPONSIBLE, ML_ENGINEERS)),
            Map.entry("corrective-effectiveness", new Declared(RaciRole.ACCOUNTABLE, AI_PRODUCT_OWNERS)),
            Map.entry("corrective-closure", new Declared(RaciRole.ACCOUNTABLE, AI_PRODUCT_OWNERS)));

    record Declared(RaciRole role, String group) {
    }

    private IncidentRaci() {
    }

    /** A matrix in which every declared role resolves to its group (Responsible activities get an Accountable too). */
    static RaciMatrix matrix() {
        Map<String, Activity> activities = new java.util.TreeMap<>();
        DECLARED.forEach((activity, declared) -> activities.put(activity, declared.role() == RaciRole.RESPONSIBLE
                ? new Activity(List.of(declared.group()), AI_PRODUCT_OWNERS, null, null)
                : new Activity(null, declared.group(), null, null)));
        return new RaciMatrix(new RaciProperties(activities));
    }

    static RaciTaskListener listener() {
        return new RaciTaskListener(matrix());
    }
}
