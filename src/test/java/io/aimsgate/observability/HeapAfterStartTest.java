package io.aimsgate.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** aims.memory.after-start: the heap the start-up left committed goes back to the system, in the embedded default. */
class HeapAfterStartTest {

    private final HotSpotDiagnosticMXBean diagnostic = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private String minBefore;
    private String maxBefore;

    @BeforeEach
    void remember() {
        minBefore = diagnostic.getVMOption("MinHeapFreeRatio").getValue();
        maxBefore = diagnostic.getVMOption("MaxHeapFreeRatio").getValue();
    }

    @AfterEach
    void restore() {
        // This test's JVM runs other tests: its own bounds back, in the order MinHeapFreeRatio <= MaxHeapFreeRatio allows.
        diagnostic.setVMOption("MaxHeapFreeRatio", maxBefore);
        diagnostic.setVMOption("MinHeapFreeRatio", minBefore);
    }

    @Test
    void uncommitsTheUnusedHeapInOneCollectionAtALowerFreeSpaceBound() {
        List<byte[]> live = liveDataAfterAStartsGarbage();
        long committedBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();

        HeapAfterStart.Returned returned = heapAfterStart(new HeapAfterStartProperties(true, 10, Duration.ZERO))
                .returnUnused();
        long committedAfter = returned.committed();

        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long region = Long.parseLong(diagnostic.getVMOption("G1HeapRegionSize").getValue());
        // One collection, unless other threads of this test JVM grew the heap in the meantime (the count itself is
        // tested on heaps of the tests' own below).
        assertThat(returned.collections()).isBetween(1, HeapAfterStart.MAX_COLLECTIONS);
        assertThat(committedAfter).isLessThan(committedBefore);
        // At most a tenth free, give or take the regions allocated since and the rounding to whole regions.
        assertThat(committedAfter).isLessThanOrEqualTo(heap.getUsed() * 10 / 9 + 4 * region);
        // ... and the JVM's own bounds back for what follows.
        assertThat(diagnostic.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(maxBefore);
        assertThat(diagnostic.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(minBefore);
        assertThat(live).hasSize(16);
    }

    @Test
    void theHeapGrownWhileItSettledIsCollectedAgainBeforeTheBoundsAreSetBack() {
        // What a young collection right after the shrink does in some starts: the heap grows beyond the lowered bound.
        FakeHeap heap = new FakeHeap(800 << 20, 200 << 20);
        List<String> boundsWhileSettling = new ArrayList<>();

        HeapAfterStart.Returned returned = heapAfterStart(new HeapAfterStartProperties(true, 10, Duration.ZERO))
                .returnUnused(() -> {
                    boundsWhileSettling.add(diagnostic.getVMOption("MinHeapFreeRatio").getValue() + "/"
                            + diagnostic.getVMOption("MaxHeapFreeRatio").getValue());
                    if (boundsWhileSettling.size() == 1) {
                        heap.committed += heap.committed / 2;
                    }
                }, heap);

        // Collected again after the first settling, and the second settling found the heap at the lowered bound.
        assertThat(returned.collections()).isEqualTo(2);
        assertThat(heap.collections).isEqualTo(2);
        assertThat(boundsWhileSettling).containsExactly("10/10", "10/10");
        assertThat(returned.committed()).isEqualTo(heap.afterCollection());
        assertThat(diagnostic.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(maxBefore);
        assertThat(diagnostic.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(minBefore);
    }

    @Test
    void aHeapGrownByTheLoweredShareAtMostIsNotCollectedAgain() {
        FakeHeap heap = new FakeHeap(800 << 20, 200 << 20);
        long atTheBound = heap.afterCollection() + heap.afterCollection() / 100 * 10;

        HeapAfterStart.Returned returned = heapAfterStart(new HeapAfterStartProperties(true, 10, Duration.ZERO))
                .returnUnused(() -> heap.committed = atTheBound, heap);

        assertThat(returned.collections()).isEqualTo(1);
        assertThat(heap.collections).isEqualTo(1);
        // What the heap holds once settled, not what the collection left.
        assertThat(returned.committed()).isEqualTo(atTheBound);

        FakeHeap beyond = new FakeHeap(800 << 20, 200 << 20);
        int[] settlings = {0};
        HeapAfterStart.Returned again = heapAfterStart(new HeapAfterStartProperties(true, 10, Duration.ZERO))
                .returnUnused(() -> {
                    if (settlings[0]++ == 0) {
                        beyond.committed = atTheBound + 1;
                    }
                }, beyond);
        assertThat(again.collections()).as("one byte beyond the bound").isEqualTo(2);
    }

    @Test
    void aHeapThatKeepsGrowingIsCollectedAtMostThreeTimes() {
        FakeHeap heap = new FakeHeap(800 << 20, 200 << 20);
        int[] settlings = {0};

        HeapAfterStart.Returned returned = heapAfterStart(new HeapAfterStartProperties(true, 10, Duration.ZERO))
                .returnUnused(() -> {
                    settlings[0]++;
                    heap.committed += heap.committed / 2;
                }, heap);

        assertThat(returned.collections()).isEqualTo(HeapAfterStart.MAX_COLLECTIONS);
        assertThat(heap.collections).isEqualTo(HeapAfterStart.MAX_COLLECTIONS);
        assertThat(settlings[0]).isEqualTo(HeapAfterStart.MAX_COLLECTIONS);
        // Left to G1 as it stands after the last settling.
        assertThat(returned.committed()).isEqualTo(heap.committed);
        assertThat(diagnostic.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(maxBefore);
        assertThat(diagnostic.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(minBefore);
    }

    @Test
    void twoReturnsInOneJvmRunOneAfterTheOtherAndLeaveTheJvmsBounds() throws Exception {
        CountDownLatch secondSettling = new CountDownLatch(1);
        HeapAfterStart heapAfterStart = heapAfterStart(new HeapAfterStartProperties(true, 10, Duration.ZERO));
        Thread first = new Thread(() -> heapAfterStart.returnUnused(() -> secondSettling.await(2, TimeUnit.SECONDS)));
        first.start();
        // The second starts while the first holds the bounds low (in its settling), and ends after the first: had it
        // run alongside, it would have taken 10/10 for the JVM's bounds and set those back last.
        while (!"10".equals(diagnostic.getVMOption("MaxHeapFreeRatio").getValue())) {
            Thread.onSpinWait();
        }
        heapAfterStart.returnUnused(() -> {
            secondSettling.countDown();
            first.join();
        });
        first.join();

        assertThat(diagnostic.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(maxBefore);
        assertThat(diagnostic.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(minBefore);
    }

    @Test
    void theCHeapIsTrimmedAgainAfterEachWaitUntilTheLastOrAnInterruption() {
        List<String> steps = new ArrayList<>();

        HeapAfterStart.trimAgain(() -> steps.add("wait"), () -> steps.add("trim"));

        assertThat(steps).hasSize(2 * HeapAfterStart.TRIMS_AGAIN);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i)).isEqualTo(i % 2 == 0 ? "wait" : "trim");
        }
        assertThat(HeapAfterStart.TRIM_AGAIN_EVERY.multipliedBy(HeapAfterStart.TRIMS_AGAIN)).hasSeconds(30);

        steps.clear();
        HeapAfterStart.trimAgain(() -> {
            if (steps.size() == 4) {
                throw new InterruptedException("shutting down");
            }
            steps.add("wait");
        }, () -> steps.add("trim"));
        assertThat(steps).containsExactly("wait", "trim", "wait", "trim");
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void theReturnStartsOnceTheApplicationAcceptsTrafficAndOnlyOnce() throws InterruptedException {
        ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
        HeapAfterStart heap = new HeapAfterStart(new HeapAfterStartProperties(true, 10, Duration.ZERO), availability);

        assertThat(heap.startReturn(readiness(ReadinessState.REFUSING_TRAFFIC))).isNull();
        Thread returning = heap.startReturn(readiness(ReadinessState.ACCEPTING_TRAFFIC));
        assertThat(returning).isNotNull();
        assertThat(returning.getName()).isEqualTo("heap-after-start");
        // The state not yet recorded (this listener ran first): the thread waits for it before it collects.
        returning.join(200);
        assertThat(returning.isAlive()).isTrue();
        assertThat(heap.returned()).isNull();
        assertThat(heap.startReturn(readiness(ReadinessState.ACCEPTING_TRAFFIC))).as("a second time").isNull();

        availability.onApplicationEvent(readiness(ReadinessState.ACCEPTING_TRAFFIC));
        for (int i = 0; i < 500 && heap.returned() == null; i++) {
            Thread.sleep(20);
        }
        assertThat(heap.returned()).isNotNull();
        assertThat(heap.returned().collections()).isPositive();
        // Then it trims again every 2 s: interrupted there, it stops.
        returning.interrupt();
        returning.join(10_000);
        assertThat(returning.isAlive()).isFalse();
    }

    @Test
    void offLeavesTheJvmAsItIs() {
        HeapAfterStart heap = heapAfterStart(new HeapAfterStartProperties(false, 10, null));
        assertThat(heap.startReturn(readiness(ReadinessState.ACCEPTING_TRAFFIC))).isNull();

        assertThat(diagnostic.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(maxBefore);
        assertThat(diagnostic.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(minBefore);
    }

    @Test
    void onInTheEmbeddedDefaultOnly() throws IOException {
        assertThat(bind("application.yml").returnUnused()).isFalse();
        HeapAfterStartProperties demo = bind("application.yml", "application-demo.yml");
        assertThat(demo.returnUnused()).isTrue();
        assertThat(demo.maxHeapFreePercent()).isEqualTo(10);
        assertThat(demo.settle()).isEqualTo(Duration.ofSeconds(1));
        assertThat(bind("application.yml", "application-postgres.yml").returnUnused()).isFalse();
        assertThat(bind("application.yml", "application-keycloak.yml").returnUnused()).isFalse();
    }

    @Test
    void aShareOutsideOneToAHundredIsRefused() {
        assertThatThrownBy(() -> new HeapAfterStartProperties(true, 0, null))
                .hasMessageContaining("aims.memory.after-start.max-heap-free-percent");
        assertThatThrownBy(() -> new HeapAfterStartProperties(true, 101, null))
                .hasMessageContaining("aims.memory.after-start.max-heap-free-percent");
    }

    @Test
    void aSettlingOutsideZeroToTenSecondsIsRefused() {
        assertThatThrownBy(() -> new HeapAfterStartProperties(true, 10, Duration.ofMillis(-1)))
                .hasMessageContaining("aims.memory.after-start.settle");
        assertThatThrownBy(() -> new HeapAfterStartProperties(true, 10, Duration.ofSeconds(11)))
                .hasMessageContaining("aims.memory.after-start.settle");
    }

    private static HeapAfterStartProperties bind(String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        for (String file : files) {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                environment.getPropertySources().addFirst(source);
            }
        }
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("aims.memory.after-start", HeapAfterStartProperties.class);
    }

    /**
     * 64 MB of live data (at the JVM's default bounds a collection would keep 70% free: over 200 MB committed for it),
     * after a start-up's worth of garbage: the heap has grown.
     */
    private static List<byte[]> liveDataAfterAStartsGarbage() {
        List<byte[]> live = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            live.add(new byte[4 << 20]);
        }
        List<byte[]> garbage = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            garbage.add(new byte[4 << 20]);
        }
        garbage.clear();
        return live;
    }

    /**
     * A heap whose every collection leaves a tenth of it free, and which a test's settling grows as it likes: the
     * JVM's own heap in a test JVM holds other tests' live data, so how much an allocation grows it is not the test's
     * to decide.
     */
    private static final class FakeHeap implements HeapAfterStart.Heap {
        long committed;
        final long used;
        int collections;

        FakeHeap(long committed, long used) {
            this.committed = committed;
            this.used = used;
        }

        long afterCollection() {
            return used * 10 / 9;
        }

        @Override
        public void collect() {
            collections++;
            committed = afterCollection();
        }

        @Override
        public long committed() {
            return committed;
        }

        @Override
        public long used() {
            return used;
        }
    }

    private static HeapAfterStart heapAfterStart(HeapAfterStartProperties properties) {
        return new HeapAfterStart(properties, new ApplicationAvailabilityBean());
    }

    private static AvailabilityChangeEvent<ReadinessState> readiness(ReadinessState state) {
        return new AvailabilityChangeEvent<>(HeapAfterStartTest.class, state);
    }
}
