package io.aimsgate.internalaudit.internal;

import io.aimsgate.controls.Controls;
import io.aimsgate.gate.GateDecision;
import io.aimsgate.gate.GateDecisions;
import io.aimsgate.gate.GateRun;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Auditors are independent of what they audit (clause 9.2.2): nobody audits a control they own, or an AI system for
 * which they hold a RACI role: its business owner, or anyone who started one of its gate runs or recorded a decision
 * or piece of work in one. Like self-approval, a conflict is refused, whatever the door.
 */
@Component
@Transactional(readOnly = true)
class AuditorIndependence {

    private final Controls controls;
    private final InventoryService inventory;
    private final GateDecisions gates;

    AuditorIndependence(Controls controls, InventoryService inventory, GateDecisions gates) {
        this.controls = controls;
        this.inventory = inventory;
        this.gates = gates;
    }

    /** Why the user may not audit this scope: one sentence per conflict; empty when independent. */
    List<String> conflicts(String user, Collection<Long> systemIds, Collection<String> controlIds) {
        List<String> conflicts = new ArrayList<>();
        Set<String> owned = new TreeSet<>(controls.ownedBy(user));
        owned.retainAll(controlIds);
        owned.forEach(control -> conflicts.add(user + " owns control " + control + ", which is in the audit's scope."));
        for (Long systemId : new TreeSet<>(systemIds)) {
            AiSystem system = inventory.requireSystem(systemId);
            if (user.equals(system.getBusinessOwner())) {
                conflicts.add(user + " is the business owner of AI system " + system.getName() + " (id " + systemId
                        + "), which is in the audit's scope.");
                continue;
            }
            roleIn(user, systemId).ifPresent(role -> conflicts.add(user + " holds a RACI role for AI system "
                    + system.getName() + " (id " + systemId + "), which is in the audit's scope: " + role + "."));
        }
        return conflicts;
    }

    private java.util.Optional<String> roleIn(String user, Long systemId) {
        for (GateRun run : gates.historyOf(systemId)) {
            if (user.equals(run.getStartedBy())) {
                return java.util.Optional.of("started its " + run.getKind().label() + " gate run " + run.getId());
            }
            for (GateDecision decision : gates.decisionsOf(run.getId())) {
                if (user.equals(decision.getDecidedBy())) {
                    return java.util.Optional.of(decision.getRaciRole() + " in its " + run.getKind().label()
                            + " gate run " + run.getId() + " (" + decision.getRaciActivity() + ")");
                }
            }
        }
        return java.util.Optional.empty();
    }
}
