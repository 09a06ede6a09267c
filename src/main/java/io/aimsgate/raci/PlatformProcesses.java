package io.aimsgate.raci;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** What the platform's own process models (processes/*.bpmn) declare, read once from the models themselves. */
public final class PlatformProcesses {

    private static final Set<String> STARTABLE_BY_HAND = readStartableByHand();

    private PlatformProcesses() {
    }

    /**
     * The processes a role starts by hand (Tasklist's "Start process", engine REST): those whose model declares
     * {@code camunda:candidateStarterGroups}. A process without starter groups (corrective-action) is only ever
     * started by another process.
     */
    public static Set<String> startableByHand() {
        return STARTABLE_BY_HAND;
    }

    private static Set<String> readStartableByHand() {
        Set<String> keys = new TreeSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:processes/**/*.bpmn")) {
                try (InputStream in = resource.getInputStream()) {
                    for (Process process : Bpmn.readModelFromStream(in).getModelElementsByType(Process.class)) {
                        String groups = process.getCamundaCandidateStarterGroups();
                        if (groups != null && !groups.isBlank()) {
                            keys.add(process.getId());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The platform's process models cannot be read", e);
        }
        return Collections.unmodifiableSet(keys);
    }
}
