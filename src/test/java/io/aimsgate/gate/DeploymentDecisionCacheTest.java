package io.aimsgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aimsgate.inventory.VersionStatus;
import io.aimsgate.shared.CommittedChanges;
import io.aimsgate.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentDecisionCacheTest {

    private final CommittedChanges changes = mock(CommittedChanges.class);
    private final AtomicLong generation = new AtomicLong(7);
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger computed = new AtomicInteger();

    @BeforeEach
    void trackGeneration() {
        when(changes.generation()).thenAnswer(invocation -> generation.get());
    }

    private DeploymentDecisionCache cache(Duration timeToLive) {
        return new DeploymentDecisionCache(changes, timeToLive, nanos::get);
    }

    private DeploymentDecision decide(Long system, String label) {
        computed.incrementAndGet();
        return new DeploymentDecision(system, label, "ab".repeat(32), VersionStatus.APPROVED, true, List.of(), 1L,
                "oscar", Instant.EPOCH, Instant.ofEpochSecond(computed.get()), "sha256:" + "cd".repeat(32));
    }

    @Test
    void reusesAnAnswerWhileNothingChangedWithinItsTime() {
        DeploymentDecisionCache cache = cache(Duration.ofSeconds(1));
        DeploymentDecision first = cache.get(1L, "1.0.0", () -> decide(1L, "1.0.0"));
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(900));
        assertThat(cache.get(1L, "1.0.0", () -> decide(1L, "1.0.0"))).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void keepsVersionsApart() {
        DeploymentDecisionCache cache = cache(Duration.ofSeconds(1));
        assertThat(cache.get(1L, "1.0.0", () -> decide(1L, "1.0.0")).versionLabel()).isEqualTo("1.0.0");
        assertThat(cache.get(1L, "2.0.0", () -> decide(1L, "2.0.0")).versionLabel()).isEqualTo("2.0.0");
        assertThat(cache.get(2L, "1.0.0", () -> decide(2L, "1.0.0")).systemId()).isEqualTo(2L);
        assertThat(computed).hasValue(3);
    }

    @Test
    void aChangeCommittedOnThisNodeMakesEveryAnswerStaleAtOnce() {
        DeploymentDecisionCache cache = cache(Duration.ofMinutes(1));
        DeploymentDecision before = cache.get(1L, "1.0.0", () -> decide(1L, "1.0.0"));
        generation.incrementAndGet();
        DeploymentDecision after = cache.get(1L, "1.0.0", () -> decide(1L, "1.0.0"));
        assertThat(after).isNotSameAs(before);
        assertThat(computed).hasValue(2);
    }

    @Test
    void aChangeCommittedWhileDecidingIsNotHiddenByTheAnswer() {
        DeploymentDecisionCache cache = cache(Duration.ofMinutes(1));
        cache.get(1L, "1.0.0", () -> {
            generation.incrementAndGet(); // e.g. a risk recorded while this check read the register
            return decide(1L, "1.0.0");
        });
        cache.get(1L, "1.0.0", () -> decide(1L, "1.0.0"));
        assertThat(computed).hasValue(2);
    }

    @Test
    void anAnswerExpiresAfterItsTimeSoOtherNodesChangesShow() {
        DeploymentDecisionCache cache = cache(Duration.ofSeconds(1));
        cache.get(1L, "1.0.0", () -> decide(1L, "1.0.0"));
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1001));
        cache.get(1L, "1.0.0", () -> decide(1L, "1.0.0"));
        assertThat(computed).hasValue(2);
    }

    @Test
    void zeroTurnsTheCacheOff() {
        DeploymentDecisionCache cache = cache(Duration.ZERO);
        cache.get(1L, "1.0.0", () -> decide(1L, "1.0.0"));
        cache.get(1L, "1.0.0", () -> decide(1L, "1.0.0"));
        assertThat(computed).hasValue(2);
    }

    @Test
    void refusalsAreNeverRemembered() {
        DeploymentDecisionCache cache = cache(Duration.ofMinutes(1));
        assertThatThrownBy(() -> cache.get(9L, "1.0.0", () -> {
            computed.incrementAndGet();
            throw new NotFoundException("systemId", "No AI system 9");
        })).isInstanceOf(NotFoundException.class);
        cache.get(9L, "1.0.0", () -> decide(9L, "1.0.0"));
        assertThat(computed).hasValue(2);
    }

    @Test
    void concurrentChecksOfALapsedAnswerDecideOnce() throws Exception {
        DeploymentDecisionCache cache = cache(Duration.ofSeconds(1));
        CountDownLatch deciding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<DeploymentDecision> first = pool.submit(() -> cache.get(1L, "1.0.0", () -> {
                deciding.countDown();
                await(release);
                return decide(1L, "1.0.0");
            }));
            assertThat(deciding.await(10, TimeUnit.SECONDS)).isTrue();
            Future<DeploymentDecision> second = pool.submit(() -> cache.get(1L, "1.0.0", () -> decide(1L, "1.0.0")));
            Thread.sleep(200); // the second check arrives while the first still decides
            release.countDown();
            assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
            assertThat(computed).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
