package io.aimsgate.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/** The platform's brief caches: bounded, entries live a configured time, and a time of zero turns one off. */
public final class ShortLivedCache {

    private static final int MAX_ENTRIES = 10_000;

    private ShortLivedCache() {
    }

    /** A cache whose entries expire {@code timeToLive} after they were written; empty when the time is zero. */
    public static <K, V> Optional<Cache<K, V>> of(Duration timeToLive, Ticker ticker) {
        if (timeToLive.isZero() || timeToLive.isNegative()) {
            return Optional.empty();
        }
        return Optional.of(Caffeine.newBuilder().maximumSize(MAX_ENTRIES).ticker(ticker).expireAfterWrite(timeToLive)
                .build());
    }
}
