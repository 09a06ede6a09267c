package io.aimsgate.observability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aims.memory.after-start}: once the application is ready, give the memory the start-up used and no longer needs
 * back to the operating system (docs/operations.md, "Memory"). On in the embedded default (application-demo.yml),
 * off otherwise: a production JVM is sized with its own options (-Xmx, -XX:MaxRAMPercentage).
 *
 * @param returnUnused          collect once after start with the heap's free-space bounds lowered, so that G1 uncommits
 *                              the unused heap, and release the C heap's free pages (glibc malloc_trim)
 * @param maxHeapFreePercent    the JVM's MaxHeapFreeRatio for that one collection: it shrinks the heap until no more
 *                              than this share of it is free (the JVM's default, set back after it, is 70)
 * @param settle                how long the lowered bounds stay in place after the collection, while G1 returns the
 *                              uncommitted heap to the system on a thread of its own; if the heap grew in that time by
 *                              more than that free share, it is collected once more (at most three collections in all)
 */
@ConfigurationProperties(prefix = "aims.memory.after-start")
public record HeapAfterStartProperties(boolean returnUnused, Integer maxHeapFreePercent, Duration settle) {

    public HeapAfterStartProperties {
        if (maxHeapFreePercent == null) {
            maxHeapFreePercent = 10;
        }
        if (maxHeapFreePercent < 1 || maxHeapFreePercent > 100) {
            throw new IllegalArgumentException("aims.memory.after-start.max-heap-free-percent must be between 1 and "
                    + "100, not " + maxHeapFreePercent);
        }
        if (settle == null) {
            settle = Duration.ofSeconds(1);
        }
        if (settle.isNegative() || settle.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("aims.memory.after-start.settle must be between 0 and 10 s, not "
                    + settle);
        }
    }
}
