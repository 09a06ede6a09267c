package io.aimsgate.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The demo's two walks run at the same time, and the start learns of a failure only once both have ended. */
class DemoWalksAtOnceTest {

    @Test
    void bothWalksRunAtTheSameTimeOnTwoThreads() {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        AtomicReference<String> elsewhere = new AtomicReference<>();
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> here = new AtomicReference<>();

        DemoData.bothAtOnce(() -> {
            here.set(Thread.currentThread());
            await(bothRunning);
        }, () -> {
            elsewhere.set(Thread.currentThread().getName());
            await(bothRunning);
        });

        assertThat(here.get()).isSameAs(caller);
        assertThat(elsewhere.get()).isEqualTo("demo-walk");
    }

    @Test
    void aFailureOnTheOtherThreadFailsTheStartAfterThisWalkHasEnded() {
        AtomicBoolean thisWalkEnded = new AtomicBoolean();
        IllegalStateException broken = new IllegalStateException("no open task_board_signoff");

        assertThatThrownBy(() -> DemoData.bothAtOnce(() -> sleepThen(() -> thisWalkEnded.set(true)), () -> {
            throw broken;
        })).isSameAs(broken);
        assertThat(thisWalkEnded).isTrue();
    }

    @Test
    void aFailureHereWaitsForTheOtherWalkAndKeepsBothFailures() {
        AtomicBoolean otherWalkEnded = new AtomicBoolean();
        IllegalStateException here = new IllegalStateException("here");
        IllegalArgumentException there = new IllegalArgumentException("there");

        assertThatThrownBy(() -> DemoData.bothAtOnce(() -> {
            throw here;
        }, () -> sleepThen(() -> {
            otherWalkEnded.set(true);
            throw there;
        }))).isSameAs(here).satisfies(e -> assertThat(e.getSuppressed()).containsExactly(there));
        assertThat(otherWalkEnded).isTrue();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other walk did not run at the same time", e);
        }
    }

    private static void sleepThen(Runnable then) {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        then.run();
    }
}
