package io.aimsgate.gate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.aimsgate.shared.CommittedChanges;
import io.aimsgate.shared.ShortLivedCache;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Remembers pipeline-check answers briefly, because CI/CD pipelines poll the same version many times a second and
 * each answer costs several queries. An answer is reused only while nothing has been committed to the registers on
 * this node since it was computed (so a halt, a risk or an incident recorded here counts for the very next check)
 * and for at most the configured time, which bounds how long a change made on another node of a cluster can go
 * unseen, and how long a newly deployed risk-severity decision (an engine deployment, not a write to our tables)
 * can take to count. A time of zero turns the cache off.
 */
@Component
class DeploymentDecisionCache {

    /** {@code digest} and {@code environment} are null for the check without them. */
    private record Key(Long systemId, String versionLabel, String digest, String environment) {
    }

    private record Entry(long generation, Object decision) {
    }

    private final CommittedChanges changes;
    private final Optional<Cache<Key, Entry>> answers;

    @Autowired
    DeploymentDecisionCache(CommittedChanges changes,
            @Value("${aims.pipeline.decision-cache-ttl:1s}") Duration timeToLive) {
        this(changes, timeToLive, Ticker.systemTicker());
    }

    DeploymentDecisionCache(CommittedChanges changes, Duration timeToLive, Ticker ticker) {
        this.changes = changes;
        this.answers = ShortLivedCache.of(timeToLive, ticker);
    }

    /** The remembered answer, or a new one from {@code decide} (exceptions such as unknown ids are never kept). */
    DeploymentDecision get(Long systemId, String versionLabel, Supplier<DeploymentDecision> decide) {
        return remembered(new Key(systemId, versionLabel, null, null), decide);
    }

    /** The same for the check by digest and environment (arguments as validated: lower-case digest). */
    EnvironmentDecision get(Long systemId, String versionLabel, String digest, String environment,
            Supplier<EnvironmentDecision> decide) {
        return remembered(new Key(systemId, versionLabel, digest, environment), decide);
    }

    @SuppressWarnings("unchecked")
    private <T> T remembered(Key key, Supplier<T> decide) {
        if (answers.isEmpty()) {
            return decide.get();
        }
        Cache<Key, Entry> cache = answers.get();
        // Read before deciding: a change committed while the decision is computed makes the entry stale at once.
        long generation = changes.generation();
        Entry remembered = cache.getIfPresent(key);
        if (remembered != null && remembered.generation() == generation) {
            return (T) remembered.decision();
        }
        // One caller decides; callers of the same check meanwhile wait for its answer rather than each deciding too
        // (64 pipelines polling would otherwise all decide at once whenever an answer lapses).
        Entry entry = cache.asMap().compute(key, (k, current) -> current != null && current.generation() >= generation
                ? current : new Entry(generation, decide.get()));
        return (T) entry.decision();
    }
}
