package io.aimsgate.observability;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Returns the memory the start-up needed and the running application does not (aims.memory.after-start): the
 * start-up (Hibernate, the engine's parsers, the demo walk) leaves G1 with a heap of several hundred MB committed of
 * which a quarter is live, and G1 by default shrinks only to 70% free. Once the application accepts traffic, on a
 * thread of its own so readiness is not held for it: the JVM's manageable MaxHeapFreeRatio (and MinHeapFreeRatio, which may
 * not exceed it) are lowered for one full collection, in which G1 uncommits what is free beyond that ratio, and stay
 * lowered while the heap settles (aims.memory.after-start.settle); then they are set back and glibc's free pages are
 * released (the diagnostic command System.trim_native_heap, where the JVM has it), then and every 2 s for 30 s more.
 * The heap grows again as load needs it, under the JVM's own bounds.
 *
 * <p>Why the settling: G1 hands the shrunk regions back to the system on its service thread, starting 100 ms after
 * the collection, while a collection in that time that grows the heap takes those regions back first, pages still
 * resident. Right after the shrink the heap is 90% full, so the next young collection (eden is a region or two) comes
 * within a second, starts a marking cycle whose remark grows the heap to MinHeapFreeRatio, and may grow it for the
 * collections' share of time as well: in about one start in five the growth (70 to 160 MB) came before the regions
 * had gone, and those 100 MB stayed resident (docs/benchmarks.md, "Memory after start, session 8"). With the bounds
 * still lowered the remark neither grows the heap nor leaves it grown, and if a young collection has grown it beyond
 * the lowered bound by the end of the settling, the heap is collected once more.
 */
@Component
class HeapAfterStart {

    private static final Logger log = LoggerFactory.getLogger(HeapAfterStart.class);

    private final HeapAfterStartProperties properties;
    private final ApplicationAvailability availability;
    private final AtomicBoolean started = new AtomicBoolean();
    /** What the return after start did, once it has. */
    private volatile Returned returned;

    HeapAfterStart(HeapAfterStartProperties properties, ApplicationAvailability availability) {
        this.properties = properties;
        this.availability = availability;
    }

    /**
     * Starts the return the first time the application accepts traffic. Spring Boot publishes that right after
     * ApplicationReadyEvent; started from ApplicationReadyEvent, the full collection's pause (0.1 to 0.3 s) could
     * fall before the readiness state changed and hold a readiness probe back by that much (docs/benchmarks.md,
     * "Start-up, session 8"). The thread also waits until the state is recorded, as this listener may run before the
     * one that records it.
     */
    @EventListener
    void readinessChanged(AvailabilityChangeEvent<ReadinessState> event) {
        startReturn(event);
    }

    /** As {@link #readinessChanged}: the thread that returns the memory, or {@code null} when nothing was started. */
    Thread startReturn(AvailabilityChangeEvent<ReadinessState> event) {
        if (!properties.returnUnused() || event.getState() != ReadinessState.ACCEPTING_TRAFFIC
                || !started.compareAndSet(false, true)) {
            return null;
        }
        Thread thread = new Thread(() -> {
            try {
                awaitReadiness();
            } catch (InterruptedException interrupted) {
                return;
            }
            returned = returnUnused();
            trimAgain(() -> Thread.sleep(TRIM_AGAIN_EVERY.toMillis()), HeapAfterStart::trimNativeHeap);
        }, "heap-after-start");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** What the return after start did; {@code null} until it has. */
    Returned returned() {
        return returned;
    }

    /** Until the application's readiness state says ACCEPTING_TRAFFIC, at most a second. */
    private void awaitReadiness() throws InterruptedException {
        for (int waited = 0; waited < 1000 && availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC;
                waited++) {
            Thread.sleep(1);
        }
    }

    /**
     * The C heap is trimmed again this often, {@link #TRIMS_AGAIN} times: the JIT compiles on for seconds after
     * readiness, and its compilations' memory comes free to glibc (through the JVM's chunk pool, which frees what it
     * holds every 5 s) after the first trim; a trim 2 to 5 s later returned another 10 to 34 MB in every start
     * (docs/benchmarks.md, "Memory after start, session 8").
     */
    static final Duration TRIM_AGAIN_EVERY = Duration.ofSeconds(2);

    /** How many times the C heap is trimmed again after the return: for the first 30 s after it. */
    static final int TRIMS_AGAIN = 15;

    /** Trims the C heap {@link #TRIMS_AGAIN} times, waiting before each; stops when interrupted. */
    static void trimAgain(Settling wait, Runnable trim) {
        try {
            for (int i = 0; i < TRIMS_AGAIN; i++) {
                wait.await();
                trim.run();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the return did: the heap's committed bytes at the end, and the full collections it took. */
    record Returned(long committed, int collections) {
    }

    /** Waits while the heap settles after a collection. */
    @FunctionalInterface
    interface Settling {
        void await() throws InterruptedException;
    }

    /** At most this many full collections in one return (a heap that keeps growing is left to G1). */
    static final int MAX_COLLECTIONS = 3;

    Returned returnUnused() {
        return returnUnused(() -> Thread.sleep(properties.settle().toMillis()));
    }

    /**
     * The bounds are the JVM's, not the application's: two returns in one JVM (two applications started in one test
     * JVM) one after the other, or the second would take the first one's lowered bounds for the JVM's own and set
     * those back.
     */
    private static final Object BOUNDS = new Object();

    /**
     * Lowers the free-space bounds for one full collection and the settling after it (collecting again while the heap
     * grew beyond the lowered bound meanwhile), restores them, trims the C heap.
     */
    Returned returnUnused(Settling settling) {
        return returnUnused(settling, JVM_HEAP);
    }

    /** As {@link #returnUnused(Settling)}, on the given view of the heap: the JVM's own, or a test's. */
    Returned returnUnused(Settling settling, Heap heap) {
        synchronized (BOUNDS) {
            return returnUnusedAlone(settling, heap);
        }
    }

    /** What the return reads of the heap and does to it. */
    interface Heap {
        /** A full collection. */
        void collect();

        /** The heap's committed bytes now. */
        long committed();

        /** The heap's used bytes now. */
        long used();
    }

    /** The JVM's own heap, through its memory bean. */
    static final Heap JVM_HEAP = new Heap() {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        @Override
        public void collect() {
            memory.gc();
        }

        @Override
        public long committed() {
            return memory.getHeapMemoryUsage().getCommitted();
        }

        @Override
        public long used() {
            return memory.getHeapMemoryUsage().getUsed();
        }
    };

    private Returned returnUnusedAlone(Settling settling, Heap heap) {
        long committedBefore = heap.committed();
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
            return new Returned(committedBefore, 0);
        }
        int collections = 0;
        long committed = committedBefore;
        try {
            heap.collect();
            collections++;
            committed = heap.committed();
            while (true) {
                settling.await();
                long now = heap.committed();
                if (now <= committed + committed / 100 * percent || collections == MAX_COLLECTIONS) {
                    committed = now;
                    break;
                }
                heap.collect();
                collections++;
                committed = heap.committed();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            // Kept low, G1 would shrink the heap again at the end of every concurrent cycle and run the next one the
            // sooner for it: under load, several times the collections and CPU per request (docs/benchmarks.md).
            diagnostic.setVMOption("MaxHeapFreeRatio", max);
            diagnostic.setVMOption("MinHeapFreeRatio", min);
        }
        long used = heap.used();
        trimNativeHeap();
        log.info("Memory after start returned: heap committed {} MB -> {} MB ({} MB used) in {} collection{} at "
                + "MaxHeapFreeRatio {}", committedBefore >> 20, committed >> 20, used >> 20,
                collections, collections == 1 ? "" : "s", lowered);
        return new Returned(committed, collections);
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
