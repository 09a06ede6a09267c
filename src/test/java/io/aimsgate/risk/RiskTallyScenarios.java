package io.aimsgate.risk;

import static io.aimsgate.raci.RaciGroups.AI_PRODUCT_OWNERS;
import static io.aimsgate.raci.RaciGroups.GOVERNANCE_BOARD;
import static io.aimsgate.raci.RaciGroups.ML_ENGINEERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.inventory.AiType;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.inventory.SupplierType;
import io.aimsgate.inventory.SystemDetails;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.ForbiddenException;
import io.aimsgate.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cell tally against the register it summarises, through {@link RiskService} as the application writes: after
 * random and concurrent writes it must equal a count of the register, and the assessment must say what counting the
 * register the slow way says. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class RiskTallyScenarios {

    static final String REASON = "Reason long enough for any change";
    static final List<Set<String>> ACTORS = List.of(Set.of(GOVERNANCE_BOARD), Set.of(AI_PRODUCT_OWNERS),
            Set.of(ML_ENGINEERS));

    @Autowired
    RiskService riskService;

    @Autowired
    RiskAssessmentService assessments;

    @Autowired
    RiskSeverityService severities;

    @Autowired
    RiskCellTally tally;

    @Autowired
    InventoryService inventory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aNewSystemHasAllTwentyFiveCellsAtZero() {
        Long system = newSystem();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk_cell_tally WHERE system_id = ?", Long.class, system))
                .isEqualTo(25);
        assertThat(RegisterCountedTheSlowWay.storedTally(jdbc, system)).isEmpty();
        assertThat(assessments.assess(system).blocked()).isFalse();
    }

    @Test
    void randomWritesLeaveTheTallyAndTheAssessmentEqualToCountingTheRegister() {
        Long system = newSystem();
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> risks = new ArrayList<>();
        for (int step = 0; step < 400; step++) {
            randomWrite(system, risks, risks, random);
            if (step % 50 == 49) {
                assertMatchesRegister(system, "seed " + seed + ", step " + step);
            }
        }
        assertMatchesRegister(system, "seed " + seed);
        assertThat(assessments.assess(system).unresolvedHighRiskCount()).as("seed %d", seed).isPositive();
    }

    /** More blocking risks than are named: the count stays complete and the worst 50 come in the old order. */
    @Test
    void theWorstFiftyOfALargeRegisterAreNamedInOrder() {
        Long system = newSystem();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 180; i++) {
            riskService.record(system, details(random, 1 + random.nextInt(5), 1 + random.nextInt(5)), "sam",
                    TREATED);
        }

        RiskAssessment assessment = assertMatchesRegister(system, "seed 7");

        assertThat(assessment.unresolvedHighRiskCount()).isGreaterThan(RiskAssessmentService.NAMED_RISKS);
        assertThat(assessment.blockingRisks()).hasSize(RiskAssessmentService.NAMED_RISKS);
    }

    @Test
    void aTransactionSeesItsOwnWritesAndARollbackLeavesNoTrace() {
        Long system = newSystem();
        Risk kept = riskService.record(system, unmitigated(4, 4), "sam");
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);

        transaction.executeWithoutResult(status -> {
            riskService.record(system, unmitigated(5, 5), "sam");
            // Closing an untreated HIGH risk outright is the governance board's call.
            riskService.transition(system, kept.getId(), RiskStatus.CLOSED, REASON, "bea", Set.of(GOVERNANCE_BOARD));
            RiskAssessment inside = assessments.assess(system);
            assertThat(inside.unresolvedHighRiskCount()).isEqualTo(1);
            assertThat(inside.blockingRisks()).extracting(RiskAssessment.BlockingRisk::severity)
                    .containsExactly(Severity.CRITICAL);
            status.setRollbackOnly();
        });

        assertThat(RegisterCountedTheSlowWay.storedTally(jdbc, system))
                .isEqualTo(java.util.Map.of(new RiskCell(4, 4), 1L));
        assertMatchesRegister(system, "after rollback");
    }

    @Test
    void rebuildingGivesTheTallyTheWritesKept() {
        Long system = newSystem();
        SplittableRandom random = new SplittableRandom(11);
        List<Long> risks = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            randomWrite(system, risks, risks, random);
        }
        var kept = RegisterCountedTheSlowWay.storedTally(jdbc, system);

        tally.rebuild();

        assertThat(RegisterCountedTheSlowWay.storedTally(jdbc, system)).isEqualTo(kept);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk_cell_tally", Long.class))
                .isEqualTo(25 * jdbc.queryForObject("SELECT COUNT(*) FROM ai_system", Long.class));
    }

    /**
     * Threads writing one system's register at once: single writes to risks any thread may change, and transactions
     * that move one of those, record several risks in random cells and move one of the thread's own (whose lookup
     * flushes the first move, so its row is locked before the tally's), touching tally rows in every order. No
     * deadlock, no lost update. Two writers of the same risk may collide (optimistic lock), as before the tally.
     */
    @Test
    void concurrentWritersOfOneSystemLeaveAnExactTallyWithoutDeadlock() throws Exception {
        Long system = newSystem();
        List<Long> shared = Collections.synchronizedList(new ArrayList<>());
        SplittableRandom setup = new SplittableRandom(3);
        for (int i = 0; i < 20; i++) {
            shared.add(riskService.record(system, details(setup, 1 + setup.nextInt(5), 1 + setup.nextInt(5)), "sam",
                    TREATED).getId());
        }
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger severalWritesCommitted = new AtomicInteger();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SplittableRandom random = new SplittableRandom(100 + t);
            List<Long> own = new ArrayList<>();
            done.add(pool.submit(() -> {
                start.await();
                for (int step = 0; step < 40; step++) {
                    try {
                        if (step % 3 == 0) {
                            own.addAll(transaction.execute(status -> {
                                randomTransition(system, shared, random);
                                List<Long> recorded = new ArrayList<>();
                                for (int w = 0; w < 3; w++) {
                                    recorded.add(riskService.record(system, details(random, 1 + random.nextInt(5),
                                            1 + random.nextInt(5)), "sam", TREATED).getId());
                                }
                                if (!own.isEmpty()) {
                                    randomTransition(system, own, random);
                                }
                                return recorded;
                            }));
                            severalWritesCommitted.incrementAndGet();
                        } else {
                            randomWrite(system, shared, shared, random);
                        }
                    } catch (ObjectOptimisticLockingFailureException collision) {
                        // Two writers of the same risk: the later one is refused, as without the tally.
                    } catch (ConflictException | ForbiddenException | InvalidInputException
                            | UnexpectedRollbackException refused) {
                        // The rules refused a write; its whole transaction rolled back.
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).as("writers finished").isTrue();
        for (Future<?> future : done) {
            future.get();
        }

        assertThat(unexpected).isEmpty();
        assertThat(severalWritesCommitted).as("transactions of several writes committed").hasValueGreaterThan(threads);
        assertMatchesRegister(system, "after concurrent writes");
    }

    RiskAssessment assertMatchesRegister(Long system, String context) {
        assertThat(RegisterCountedTheSlowWay.storedTally(jdbc, system)).as("tally, %s", context)
                .isEqualTo(RegisterCountedTheSlowWay.tallyOf(jdbc, system));
        RiskAssessment assessment = assessments.assess(system);
        var expected = RegisterCountedTheSlowWay.assess(jdbc, system, severities.currentMatrix());
        assertThat(assessment.unresolvedHighRiskCount()).as("count, %s", context)
                .isEqualTo(expected.unresolvedHighRiskCount());
        assertThat(assessment.blockingRisks()).as("named, %s", context).isEqualTo(expected.blockingRisks());
        return assessment;
    }

    /**
     * One write as a user would make it: record, re-rate (with or without a residual), or move to a random status as
     * the board, a product owner or an engineer. Writes the rules refuse are part of the mix: they must leave no trace.
     * A recorded risk's id goes to {@code recorded}, for the caller to share once it is committed.
     */
    void randomWrite(Long system, List<Long> risks, List<Long> recorded, SplittableRandom random) {
        int kind = risks.isEmpty() ? 0 : random.nextInt(10);
        try {
            if (kind < 3) {
                recorded.add(riskService.record(system, details(random, 1 + random.nextInt(5), 1 + random.nextInt(5)),
                        "sam", TREATED).getId());
            } else if (kind < 5) {
                riskService.update(system, pick(risks, random), details(random, 1 + random.nextInt(5),
                        1 + random.nextInt(5)), TREATED);
            } else {
                randomTransition(system, risks, random);
            }
        } catch (ConflictException | ForbiddenException | InvalidInputException refused) {
            // The register's rules said no; the transaction rolled back.
        }
    }

    /** A move to a random status as the board, a product owner or an engineer; the rules may refuse it. */
    void randomTransition(Long system, List<Long> risks, SplittableRandom random) {
        RiskStatus next = RiskStatus.values()[random.nextInt(RiskStatus.values().length)];
        riskService.transition(system, pick(risks, random), next, REASON, "tom",
                ACTORS.get(random.nextInt(ACTORS.size())));
    }

    /** What was done, for the risks whose random residual rating takes them below HIGH (a treatment). */
    static final String TREATED = "Input validation and rate limiting deployed and verified.";

    static RiskDetails unmitigated(int likelihood, int impact) {
        return new RiskDetails(LifecycleStage.DEPLOYMENT, StrideCategory.TAMPERING, "Unmitigated", null, likelihood,
                impact, RiskTreatment.MITIGATE, "tom", LocalDate.of(2027, 1, 31), null, null);
    }

    /** Half of them with a random residual rating, which is then the risk's current cell. */
    static RiskDetails details(SplittableRandom random, int likelihood, int impact) {
        boolean residual = random.nextBoolean();
        return new RiskDetails(LifecycleStage.DEPLOYMENT, StrideCategory.TAMPERING, "Risk " + random.nextInt(1000),
                null, likelihood, impact, RiskTreatment.MITIGATE, "tom", LocalDate.of(2027, 1, 31),
                residual ? 1 + random.nextInt(5) : null, residual ? 1 + random.nextInt(5) : null);
    }

    private static Long pick(List<Long> risks, SplittableRandom random) {
        synchronized (risks) {
            return risks.get(random.nextInt(risks.size()));
        }
    }

    Long newSystem() {
        return inventory.createSystem(new SystemDetails("Tally " + UUID.randomUUID(), "Exercises the risk tally.",
                AiType.PREDICTIVE, "olivia", "Testing", SupplierType.IN_HOUSE, null, EuAiActTier.MINIMAL,
                List.of("none"), false), LifecycleStage.INCEPTION, "olivia").getId();
    }
}
