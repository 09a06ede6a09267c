package io.aimsgate.observability;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.Arrays;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Returns the memory the start-up needed and the running application does not (aims.memory.after-start): the
 * start-up (Hibernate, the engine's parsers, the demo walk) leaves G1 with a heap of several hundred MB committed of
 * which a quarter is live, and G1 by default shrinks only to 70% free. Once the application is ready, on a thread of
 * its own so readiness is not held for it: the JVM's manageable MaxHeapFreeRatio (and MinHeapFreeRatio, which may
 * not exceed it) are lowered for one full collection, in which G1 uncommits what is free beyond that ratio, then
 * set back; glibc's free pages are released (the diagnostic command System.trim_native_heap, where the JVM has it).
 * The heap grows again as load needs it, under the JVM's own bounds.
 */
@Component
class HeapAfterStart {

    private static final Logger log = LoggerFactory.getLogger(HeapAfterStart.class);

    private final HeapAfterStartProperties properties;

    HeapAfterStart(HeapAfterStartProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        if (!properties.returnUnused()) {
            return;
        }
        Thread thread = new Thread(this::returnUnused, "heap-after-start");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Lowers the free-space bounds for one full collection, restores them, trims the C heap; returns the heap's
     * committed bytes after the collection.
     */
    long returnUnused() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MemoryUsage before = memory.getHeapMemoryUsage();
        HotSpotDiagnosticMXBean diagnostic = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String min = diagnostic.getVMOption("MinHeapFreeRatio").getValue();
        String max = diagnostic.getVMOption("MaxHeapFreeRatio").getValue();
        // Never above the JVM's own bound (set lower with -XX:MaxHeapFreeRatio).
        int percent = Math.min(properties.maxHeapFreePercent(), Integer.parseInt(max));
        String lowered = Integer.toString(percent);
        try {
            // MinHeapFreeRatio <= MaxHeapFreeRatio at every step.
            if (Integer.parseInt(min) > percent) {
                diagnostic.setVMOption("MinHeapFreeRatio", lowered);
            }
            diagnostic.setVMOption("MaxHeapFreeRatio", lowered);
        } catch (IllegalArgumentException | SecurityException notManageable) {
            log.info("Heap free-space bounds left as they are: {}", notManageable.getMessage());
            return before.getCommitted();
        }
        try {
            memory.gc();
        } finally {
            // Kept low, G1 would shrink the heap again at the end of every concurrent cycle and run the next one the
            // sooner for it: under load, several times the collections and CPU per request (docs/benchmarks.md).
            diagnostic.setVMOption("MaxHeapFreeRatio", max);
            diagnostic.setVMOption("MinHeapFreeRatio", min);
        }
        MemoryUsage after = memory.getHeapMemoryUsage();
        trimNativeHeap();
        log.info("Memory after start returned: heap committed {} MB -> {} MB ({} MB used) in one collection at "
                + "MaxHeapFreeRatio {}", before.getCommitted() >> 20, after.getCommitted() >> 20, after.getUsed() >> 20,
                lowered);
        return after.getCommitted();
    }

    /** The C heap's free pages back to the system (JDK 17.0.9 and later; Linux with glibc). */
    private static void trimNativeHeap() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName commands = new ObjectName("com.sun.management:type=DiagnosticCommand");
            boolean available = Arrays.stream(server.getMBeanInfo(commands).getOperations())
                    .anyMatch(operation -> operation.getName().equals("systemTrimNativeHeap"));
            if (available) {
                server.invoke(commands, "systemTrimNativeHeap", new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
            }
        } catch (Exception notAvailable) {
            log.debug("Native heap not trimmed", notAvailable);
        }
    }
}
