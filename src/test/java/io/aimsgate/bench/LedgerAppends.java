package io.aimsgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerEntryView;
import io.aimsgate.shared.ledger.LedgerRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The decision ledger: appends through the platform's own {@link DecisionLedger} bean (the service every decision goes
 * through), each in a transaction of its own, timed from begin to commit; from one thread, then from
 * {@code bench.clients} threads at once. The chain serialises appends on its head row ({@code SELECT ... FOR UPDATE}
 * on {@code audit_head}, held until commit); while the threads run, a sampler reads {@code pg_stat_activity} every
 * few milliseconds and counts the appenders waiting for that lock, which says how they serialise. Then the chain is
 * grown to each of {@code bench.ledger.sizes} entries (the same append, a batch of them per transaction, and a
 * checkpoint on demand every 1,000 entries) and verified
 * whole with {@code GET /api/audit/verify} as grace (governance board), which must answer ok for every entry.
 */
final class LedgerAppends {

    /** Appends per transaction while the chain is grown to a verification size (not timed per append). */
    private static final int FILL_BATCH = 200;

    /** Entries between two checkpoints while the chain is grown. */
    private static final int CHECKPOINT_EVERY = 1000;

    private final BenchApp app;
    private final Settings settings;
    private final Report report;
    private final DecisionLedger ledger;
    private final TransactionTemplate transactions;
    private final AtomicLong appended = new AtomicLong();

    LedgerAppends(BenchApp app, Settings settings, Report report) {
        this.app = app;
        this.settings = settings;
        this.report = report;
        this.ledger = app.bean(DecisionLedger.class);
        this.transactions = app.transactions();
    }

    void run() throws Exception {
        int n = settings.ledgerAppends();
        int threads = settings.clients();
        appendAlone(Math.max(50, n / 10), 1, new Latencies(), null); // warm-up: JIT, pool, statement cache
        long before = head();
        Latencies one = new Latencies();
        double oneSeconds = appendAlone(n, 1, one, null);
        Latencies many = new Latencies();
        LockSampler sampler = new LockSampler();
        double manySeconds = appendAlone(n, threads, many, sampler);
        long added = head() - before;
        if (added != 2L * n) {
            throw new IllegalStateException("the ledger's head moved by " + added + " during " + 2 * n + " appends");
        }
        double oneRate = n / oneSeconds;
        double manyRate = n / manySeconds;
        report.row("Ledger", String.format("append in its own transaction (begin, append, commit), 1 thread, %,d "
                + "appends: appends/s; p50 / p95 / p99 ms", n), String.format("%.0f/s; %s", oneRate, one.summary()), "");
        report.row("Ledger", String.format("same, %d threads at once, %,d appends: appends/s; p50 / p95 / p99 ms",
                threads, n), String.format("%.0f/s (%.2f x 1 thread); %s", manyRate, manyRate / oneRate,
                        many.summary()), "");
        report.row("Ledger", String.format("how %d appenders serialise: of the %d sessions appending, waiting for "
                + "the head row's lock (audit_head FOR UPDATE), mean of %,d pg_stat_activity samples", threads, threads,
                sampler.samples), String.format("%.1f waiting for the lock, %.1f in their transaction otherwise", sampler.meanWaiting(),
                        sampler.meanWorking()), "");
        report.history().figure("ledger_appends_per_s", oneRate);
        report.history().figure("ledger_appends_per_s_8", manyRate);
        report.history().figure("ledger_append_p99_ms", one.percentileMs(99));

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        for (int size : settings.ledgerSizes()) {
            long head = head();
            if (head > size) {
                report.row("Ledger", String.format("verify the whole chain at %,d entries", size),
                        "not measured: the chain already holds " + head, "");
                continue;
            }
            long fillStart = System.nanoTime();
            int signed = fill(size, client);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            if (head() != size) {
                throw new IllegalStateException("the chain holds " + head() + " entries, not " + size);
            }
            app.execute("VACUUM ANALYZE audit_entry");
            int samples = 3;
            Latencies verify = new Latencies();
            JsonNode result = null;
            for (int i = 0; i < samples + 1; i++) {
                long t = System.nanoTime();
                result = verify(client);
                if (i > 0) { // the first call warms up
                    verify.add(System.nanoTime() - t);
                }
            }
            report.row("Ledger", String.format("GET /api/audit/verify, whole chain at %,d entries (%d checkpoints), "
                    + "as grace, %d samples after 1 warm-up: p50 / max s", size, result.get("checkpointsChecked")
                            .asLong(), samples), String.format("%.2f / %.2f s (%.1f µs per entry)",
                            verify.percentileMs(50) / 1000, verify.percentileMs(100) / 1000,
                            verify.percentileMs(50) * 1000 / size), "");
            report.note(String.format("Ledger: grown from %,d to %,d entries through DecisionLedger.append, %d appends "
                    + "per transaction, and %d checkpoints on demand (one per %,d entries), in %.0f s (%.0f entries/s)",
                    head, size, FILL_BATCH, signed, CHECKPOINT_EVERY, fillSeconds,
                    (size - head) / Math.max(fillSeconds, 1e-9)));
            if (size == 100_000) {
                report.history().figure("ledger_verify_100k_s", verify.percentileMs(50) / 1000);
            }
        }
    }

    /** {@code count} appends, each in its own transaction, spread over {@code threads} threads; seconds taken. */
    private double appendAlone(int count, int threads, Latencies latencies, LockSampler sampler) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        Thread sampling = sampler == null ? null : new Thread(sampler, "ledger-lock-sampler");
        if (sampling != null) {
            sampling.start();
        }
        long start = System.nanoTime();
        for (int k = 0; k < threads; k++) {
            int thread = k;
            futures.add(pool.submit(() -> {
                for (int i = thread; i < count; i += threads) {
                    long t = System.nanoTime();
                    java.util.concurrent.atomic.AtomicReference<LedgerEntryView> sequenced =
                            new java.util.concurrent.atomic.AtomicReference<>();
                    transactions.executeWithoutResult(status -> ledger.append(record(), sequenced::set));
                    LedgerEntryView entry = sequenced.get();
                    latencies.add(System.nanoTime() - t);
                    if (entry == null || entry.hash() == null || entry.hash().length() != 64) {
                        throw new IllegalStateException("the ledger answered no hashed entry: " + entry);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : futures) {
                future.get(); // an append that fails fails the run
            }
        } finally {
            pool.shutdownNow();
            if (sampling != null) {
                sampler.stop.set(true);
                sampling.join();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Grows the chain to {@code size} entries through the same append, {@value #FILL_BATCH} per transaction, with a
     * checkpoint on demand ({@code POST /api/audit/checkpoints} as grace; its request is itself an entry) after every
     * {@value #CHECKPOINT_EVERY} entries, as a chain signed at intervals carries them.
     */
    private int fill(long size, HttpClient client) throws IOException, InterruptedException {
        int checkpoints = 0;
        long next = (head() / CHECKPOINT_EVERY + 1) * CHECKPOINT_EVERY;
        for (long head = head(); head < size; head = head()) {
            long batch = Math.min(FILL_BATCH, size - head);
            transactions.executeWithoutResult(status -> {
                for (long i = 0; i < batch; i++) {
                    ledger.append(record());
                }
            });
            if (head + batch >= next && head + batch < size) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + app.port + "/api/audit/checkpoints")).timeout(Duration.ofMinutes(1))
                        .header("Authorization", HttpCaller.basic("grace", "demo"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Benchmark: the chain is signed at "
                                + "intervals, as the hourly checkpoints sign it.\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("POST /api/audit/checkpoints answered " + response.statusCode()
                            + ": " + response.body());
                }
                checkpoints++;
                next += CHECKPOINT_EVERY;
            }
        }
        return checkpoints;
    }

    /** An entry the size of a gate decision's: a rationale, ids and a snapshot with a digest. */
    private LedgerRecord record() {
        long i = appended.incrementAndGet();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("decision", i % 7 == 0 ? "REJECTED" : "APPROVED");
        snapshot.put("gate", "DEPLOYMENT");
        snapshot.put("versionLabel", "1." + (i % 100) + "." + (i % 13));
        snapshot.put("stateDigest", String.format("%064x", i * 0x9E3779B97F4A7C15L & Long.MAX_VALUE));
        snapshot.put("environment", "production");
        return new LedgerRecord("BENCH_APPEND", "governance-board", "BENCH", "bench-" + i, null,
                "Benchmark append " + i + ": evidence reviewed, risks within appetite, fine to ship.",
                "bench-pi-" + (i / 5), "bench-task-" + i, snapshot);
    }

    private long head() {
        return app.queryLong("SELECT seq FROM audit_head WHERE id = 1");
    }

    private JsonNode verify(HttpClient client) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port
                + "/api/audit/verify")).timeout(Duration.ofMinutes(10))
                .header("Authorization", HttpCaller.basic("grace", "demo")).header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/audit/verify answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode result = HttpCaller.JSON.readTree(response.body());
        long head = head();
        if (!result.path("ok").asBoolean() || result.path("entriesChecked").asLong() != head) {
            throw new IllegalStateException("the chain of " + head + " entries did not verify: " + response.body());
        }
        return result;
    }

    /** Samples the appending sessions in pg_stat_activity: how many wait for a lock, how many work. */
    private final class LockSampler implements Runnable {

        final AtomicBoolean stop = new AtomicBoolean();
        long samples;
        long waiting;
        long working;

        @Override
        public void run() {
            try (Connection connection = app.dataSource.getConnection(); Statement statement = connection.createStatement()) {
                while (!stop.get()) {
                    try (ResultSet rs = statement.executeQuery("""
                            SELECT count(*) FILTER (WHERE wait_event_type = 'Lock'),
                                   count(*) FILTER (WHERE wait_event_type IS DISTINCT FROM 'Lock')
                            FROM pg_stat_activity
                            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
                              AND (query LIKE '%audit_head%' OR query LIKE '%audit_entry%')""")) {
                        rs.next();
                        waiting += rs.getLong(1);
                        working += rs.getLong(2);
                        samples++;
                    }
                    Thread.sleep(5);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("pg_stat_activity", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        double meanWaiting() {
            return samples == 0 ? Double.NaN : (double) waiting / samples;
        }

        double meanWorking() {
            return samples == 0 ? Double.NaN : (double) working / samples;
        }
    }
}
