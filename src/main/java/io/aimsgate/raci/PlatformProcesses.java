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

/**
 * What the platform's own process models (processes/*.bpmn) declare, read once from the models themselves: the
 * deployment guard and the engine API's allow-list ask here instead of parsing the models again.
 */
public final class PlatformProcesses {

    private static final Set<String> KEYS = new TreeSet<>();

    private static final Set<String> STARTABLE_BY_HAND = new TreeSet<>();

    static {
        read();
    }

    private PlatformProcesses() {
    }

    /** The keys of every process the platform's models define: only a release of the platform redefines them. */
    public static Set<String> keys() {
        return Collections.unmodifiableSet(KEYS);
    }

    /**
     * The processes a role starts by hand (Tasklist's "Start process", engine REST): those whose model declares
     * {@code camunda:candidateStarterGroups}. A process without starter groups (corrective-action) is only ever
     * started by another process.
     */
    public static Set<String> startableByHand() {
        return Collections.unmodifiableSet(STARTABLE_BY_HAND);
    }

    /** Each model is parsed once, at class initialisation, for everything this class answers. */
    private static void read() {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:processes/**/*.bpmn")) {
                try (InputStream in = resource.getInputStream()) {
                    for (Process process : Bpmn.readModelFromStream(in).getModelElementsByType(Process.class)) {
                        KEYS.add(process.getId());
                        String groups = process.getCamundaCandidateStarterGroups();
                        if (groups != null && !groups.isBlank()) {
                            STARTABLE_BY_HAND.add(process.getId());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The platform's process models cannot be read", e);
        }
    }
}
