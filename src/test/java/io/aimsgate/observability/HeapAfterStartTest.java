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
        assertThat(returned.collections()).isEqualTo(1);
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
        List<byte[]> live = liveDataAfterAStartsGarbage();
        List<String> boundsWhileSettling = new ArrayList<>();
        byte[][] grown = new byte[1][];
        int[] settled = {0};

        HeapAfterStart.Returned returned = heapAfterStart(new HeapAfterStartProperties(true, 10, Duration.ZERO))
                .returnUnused(() -> {
                    boundsWhileSettling.add(diagnostic.getVMOption("MinHeapFreeRatio").getValue() + "/"
                            + diagnostic.getVMOption("MaxHeapFreeRatio").getValue());
                    if (settled[0]++ == 0) {
                        // What a young collection right after the shrink does in some starts: the heap grows (here
                        // for an array the 10% left free cannot hold, which G1 places in regions it commits for it).
                        grown[0] = new byte[64 << 20];
                        grown[0] = new byte[1];
                    }
                });

        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long region = Long.parseLong(diagnostic.getVMOption("G1HeapRegionSize").getValue());
        // Collected again after the first settling, and the second settling found the heap at the lowered bound.
        assertThat(returned.collections()).isEqualTo(2);
        assertThat(boundsWhileSettling).containsExactly("10/10", "10/10");
        assertThat(returned.committed()).isLessThanOrEqualTo(heap.getUsed() * 10 / 9 + 4 * region);
        assertThat(diagnostic.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(maxBefore);
        assertThat(diagnostic.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(minBefore);
        assertThat(live).hasSize(16);
        assertThat(grown[0]).hasSize(1);
    }

    @Test
    void aHeapThatKeepsGrowingIsCollectedAtMostThreeTimes() {
        List<byte[]> grown = new ArrayList<>();

        HeapAfterStart.Returned returned = heapAfterStart(new HeapAfterStartProperties(true, 10, Duration.ZERO))
                .returnUnused(() -> grown.add(new byte[64 << 20]));

        assertThat(returned.collections()).isEqualTo(HeapAfterStart.MAX_COLLECTIONS);
        assertThat(grown).hasSize(HeapAfterStart.MAX_COLLECTIONS);
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

    private static HeapAfterStart heapAfterStart(HeapAfterStartProperties properties) {
        return new HeapAfterStart(properties, new ApplicationAvailabilityBean());
    }

    private static AvailabilityChangeEvent<ReadinessState> readiness(ReadinessState state) {
        return new AvailabilityChangeEvent<>(HeapAfterStartTest.class, state);
    }
}
