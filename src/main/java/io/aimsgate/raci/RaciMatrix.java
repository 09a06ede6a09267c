package io.aimsgate.raci;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** Resolves a task's declared RACI role to identity groups; the one place the matrix is read. */
@Service
public class RaciMatrix {

    private final Map<String, RaciProperties.Activity> activities;

    public RaciMatrix(RaciProperties properties) {
        properties.activities().forEach((name, activity) -> {
            if (activity.accountable() == null || activity.accountable().isBlank()) {
                throw new IllegalStateException("RACI activity '" + name + "' needs exactly one Accountable group");
            }
        });
        this.activities = new TreeMap<>(properties.activities());
    }

    public List<String> groupsFor(String activity, RaciRole role) {
        RaciProperties.Activity entry = activities.get(activity);
        if (entry == null) {
            throw new IllegalStateException("RACI activity '" + activity + "' is not in the matrix (aims.raci.activities)");
        }
        List<String> groups = switch (role) {
            case RESPONSIBLE -> entry.responsible();
            case ACCOUNTABLE -> List.of(entry.accountable());
            case CONSULTED -> entry.consulted();
            case INFORMED -> entry.informed();
        };
        if (groups.isEmpty()) {
            throw new IllegalStateException("RACI activity '" + activity + "' names no " + role + " group");
        }
        return groups;
    }

    public Map<String, RaciProperties.Activity> activities() {
        return activities;
    }
}
