package io.aimsgate.demo;

import io.aimsgate.gate.DeploymentSubmissions;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.AiType;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.inventory.SupplierType;
import io.aimsgate.inventory.SystemDetails;
import io.aimsgate.inventory.SystemFilter;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.risk.RiskDetails;
import io.aimsgate.risk.RiskService;
import io.aimsgate.risk.RiskStatus;
import io.aimsgate.risk.RiskTreatment;
import io.aimsgate.risk.StrideCategory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Demo users (one per RACI group, password from aims.demo.password) and a demo inventory: a high-risk
 * system whose deployment request halts, a clean third-party one (its supplier vetted) whose request is routed to its
 * reviewers, and a high-risk-tier system with extra legal/privacy and ethics reviews. Never runs with postgres or keycloak.
 */
@Component
@Profile("demo")
@Order(2)
class DemoData implements ApplicationRunner {

    record DemoUser(String id, String firstName, String lastName, String group) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("olivia", "Olivia", "Owens", RaciGroups.AI_PRODUCT_OWNERS),
            new DemoUser("oscar", "Oscar", "Ortiz", RaciGroups.AI_PRODUCT_OWNERS),
            new DemoUser("mia", "Mia", "Chen", RaciGroups.ML_ENGINEERS),
            new DemoUser("sam", "Sam", "Patel", RaciGroups.SECURITY),
            new DemoUser("lena", "Lena", "Fischer", RaciGroups.LEGAL),
            new DemoUser("priya", "Priya", "Nair", RaciGroups.PRIVACY),
            new DemoUser("ethan", "Ethan", "Brooks", RaciGroups.ETHICS),
            new DemoUser("grace", "Grace", "Kim", RaciGroups.GOVERNANCE_BOARD),
            new DemoUser("ben", "Ben", "Ward", RaciGroups.BUSINESS_STAKEHOLDERS),
            new DemoUser("alex", "Alex", "Moreau", RaciGroups.AUDITORS),
            new DemoUser("guest", "Guest", "Without Groups", null));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentityService identityService;
    private final InventoryService inventory;
    private final RiskService risks;
    private final DeploymentSubmissions submissions;
    private final DemoLifecycle lifecycle;
    private final DemoSoa soa;
    private final DemoManagementSystem managementSystem;
    private final Environment environment;
    private final String password;

    DemoData(IdentityService identityService, InventoryService inventory, RiskService risks,
            DeploymentSubmissions submissions, DemoLifecycle lifecycle, DemoSoa soa,
            DemoManagementSystem managementSystem, Environment environment,
            @Value("${aims.demo.password}") String password) {
        this.lifecycle = lifecycle;
        this.soa = soa;
        this.managementSystem = managementSystem;
        this.identityService = identityService;
        this.inventory = inventory;
        this.risks = risks;
        this.submissions = submissions;
        this.environment = environment;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.matchesProfiles("postgres | keycloak")) {
            throw new IllegalStateException("The demo profile must not run with postgres or keycloak: demo users "
                    + "with published passwords would exist in production");
        }
        USERS.forEach(this::ensureUser);
        if (inventory.findSystems(new SystemFilter(null, null, null, null, null, null), Pageable.ofSize(1))
                .getTotalElements() == 0) {
            seedInventory();
        } else {
            bothAtOnce(soa::seed, managementSystem::seed);
        }
    }

    private void ensureUser(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
            return;
        }
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@aimsgate.example");
        user.setPassword(password);
        identityService.saveUser(user);
        if (demo.group() != null) {
            identityService.createMembership(demo.id(), demo.group());
        }
    }

    /**
     * The systems are created first, one after the other, so each has the same id on every start; then they are walked
     * through their gates on two threads at once, each walk on its own systems (a start is bound by one thread's
     * work otherwise), the Statement of Applicability after the walk that records the poisoning risk it treats, the
     * policies and objectives after the other. The start waits for both walks, and fails if either does.
     */
    private void seedInventory() {
        AiSystem credit = inventory.createSystem(new SystemDetails("Credit Scoring Model",
                "Scores consumer loan applications to support, not replace, credit officers' decisions.",
                AiType.PREDICTIVE, "olivia", "Retail Lending", SupplierType.IN_HOUSE, null, EuAiActTier.HIGH,
                List.of("financial history", "income", "demographics"), true), LifecycleStage.INCEPTION, "olivia");
        inventory.registerVersion(credit.getId(), "2.1.0", sha('a'), "mia");
        inventory.registerVersion(credit.getId(), "2.2.0-rc1", sha('b'), "mia");
        AiSystem chat = inventory.createSystem(new SystemDetails("Support Chat Assistant",
                "Answers customer questions about products from the public knowledge base; hands over to staff.",
                AiType.GENERATIVE, "olivia", "Customer Service", SupplierType.THIRD_PARTY, "Example LLM Vendor",
                EuAiActTier.TRANSPARENCY, List.of("customer messages"), true), LifecycleStage.INCEPTION, "olivia");
        inventory.registerVersion(chat.getId(), "1.4.0", sha('c'), "mia");
        inventory.registerVersion(chat.getId(), "1.5.0", sha('d'), "mia");
        AiSystem pricing = inventory.createSystem(new SystemDetails("Insurance Pricing Engine",
                "Proposes home insurance premiums for underwriters to confirm.", AiType.PREDICTIVE, "olivia",
                "Insurance", SupplierType.IN_HOUSE, null, EuAiActTier.HIGH, List.of("property data", "claims history"),
                true), LifecycleStage.INCEPTION, "olivia");
        inventory.registerVersion(pricing.getId(), "3.0.0", sha('e'), "mia");
        // One system waiting at each life-cycle gate, walked there through the real processes.
        AiSystem screening = system("Candidate Screening Assistant",
                "Ranks job applications for recruiters, who read every application themselves.", "Human Resources");
        AiSystem invoices = system("Invoice Document Classifier",
                "Routes incoming supplier invoices to the right accounts-payable queue.", "Finance Operations");
        AiSystem demand = system("Demand Forecaster",
                "Forecasts weekly store demand to propose replenishment orders for planners.", "Supply Chain");
        inventory.registerVersion(demand.getId(), "0.9.0", sha('f'), "mia");
        AiSystem routes = system("Warehouse Route Optimiser",
                "Plans pick routes through the warehouse for pickers, who may deviate.", "Logistics");
        inventory.registerVersion(routes.getId(), "1.0.0", sha('1'), "mia");
        AiSystem churn = system("Legacy Churn Model",
                "Flagged customers likely to cancel for the retention team.", "Marketing");
        inventory.registerVersion(churn.getId(), "4.2.0", sha('2'), "mia");

        bothAtOnce(() -> {
            walkCredit(credit);
            walkPricing(pricing);
            lifecycle.passGatesBeforeDeployment(routes.getId(), routes.getIntendedUse(), "NONE", false, false,
                    "1.0.0");
            lifecycle.deploy(routes.getId(), "1.0.0");
            lifecycle.reportDrift(routes.getId(), 0.14);
            soa.seed();
        }, () -> {
            walkChat(chat);
            lifecycle.passGatesBeforeDeployment(churn.getId(), churn.getIntendedUse(), "NONE", false, false, "4.2.0");
            lifecycle.deploy(churn.getId(), "4.2.0");
            lifecycle.retire(churn.getId(), "Customer Lifetime Value Model");
            lifecycle.passInception(demand.getId(), demand.getIntendedUse(), "NONE", false);
            lifecycle.registerDataset(demand.getId(), "Store sales history", List.of(),
                    io.aimsgate.datagovernance.PersonalDataTreatment.NONE);
            lifecycle.passDesign(demand.getId(), false);
            lifecycle.submitValidation(demand.getId(), "0.9.0", 0.74, 0.02);
            lifecycle.passInception(invoices.getId(), invoices.getIntendedUse(), "NONE", false);
            lifecycle.registerDataset(invoices.getId(), "Scanned invoices 2024", List.of("contact names", "signatures"),
                    io.aimsgate.datagovernance.PersonalDataTreatment.NONE);
            lifecycle.startDesign(invoices.getId());
            lifecycle.startInception(screening.getId(), screening.getIntendedUse(), "EMPLOYMENT", false);
            managementSystem.seed();
        });
        log.info("Demo inventory created: {} 2.1.0 submitted and halted, {} 1.4.0 submitted and routed, {} 3.0.0 ready "
                + "to submit (high-risk tier), and a system at each life-cycle stage", credit.getName(), chat.getName(),
                pricing.getName());
    }

    /** Halted on submission: an open high-severity risk (training data poisoning). */
    private void walkCredit(AiSystem credit) {
        lifecycle.passGatesBeforeDeployment(credit.getId(), credit.getIntendedUse(), "ESSENTIAL_SERVICES", false, true,
                "2.1.0");
        lifecycle.reviseModelCard(credit.getId(), "2.1.0");
        lifecycle.attachExpiringDataLineage(credit.getId());
        risks.record(credit.getId(), new RiskDetails(LifecycleStage.DESIGN_AND_DEVELOPMENT, StrideCategory.TAMPERING,
                "Training data poisoning through the third-party bureau feed",
                "The bureau feed is ingested without integrity checks; poisoned records could shift scores.",
                4, 5, RiskTreatment.MITIGATE, "mia", LocalDate.now().plusDays(30), null, null), "sam");
        risks.record(credit.getId(), new RiskDetails(LifecycleStage.VERIFICATION_AND_VALIDATION,
                StrideCategory.INFORMATION_DISCLOSURE, "Membership inference on applicants",
                "Confidence scores exposed to brokers allow membership inference.", 2, 3, RiskTreatment.MITIGATE,
                "mia", LocalDate.now().plusDays(60), null, null), "sam");
        // A halted request, so Tasklist has work on first login.
        submitAs("olivia", credit.getId(), "2.1.0");
    }

    /** Routed to its reviewers on submission: its one high risk is mitigated, its supplier vetted. */
    private void walkChat(AiSystem chat) {
        lifecycle.passGatesBeforeDeployment(chat.getId(), chat.getIntendedUse(), "NONE", true, true, "1.4.0");
        lifecycle.attachModelCard(chat.getId(), "1.5.0");
        lifecycle.vetSupplier(chat.getId());
        var injection = risks.record(chat.getId(), new RiskDetails(LifecycleStage.OPERATION_AND_MONITORING,
                StrideCategory.ELEVATION_OF_PRIVILEGE, "Prompt injection exposes internal instructions",
                "Crafted prompts reveal the system prompt and internal links.", 3, 4, RiskTreatment.MITIGATE, "mia",
                LocalDate.now().plusDays(14), 2, 2), "sam",
                "Input filter for instruction-like prompts and an output guard that strips internal links deployed.");
        risks.transition(chat.getId(), injection.getId(), RiskStatus.MITIGATED, "Input filter and output guard deployed",
                "sam", Set.of(RaciGroups.SECURITY));
        // A routed request, so Tasklist has work on first login.
        submitAs("olivia", chat.getId(), "1.4.0");
    }

    /** Ready to submit (high-risk tier), its one risk accepted. */
    private void walkPricing(AiSystem pricing) {
        lifecycle.passGatesBeforeDeployment(pricing.getId(), pricing.getIntendedUse(), "ESSENTIAL_SERVICES", false,
                true, "3.0.0");
        var drift = risks.record(pricing.getId(), new RiskDetails(LifecycleStage.OPERATION_AND_MONITORING,
                StrideCategory.DENIAL_OF_SERVICE, "Pricing drift after market change",
                "Premiums drift when claim patterns change faster than retraining.", 2, 4, RiskTreatment.ACCEPT,
                "olivia", null, null, null), "mia");
        risks.transition(pricing.getId(), drift.getId(), RiskStatus.ACCEPTED,
                "Monthly monitoring with manual review covers it", "olivia", Set.of(RaciGroups.AI_PRODUCT_OWNERS));
    }

    /**
     * Runs one walk on this thread and the other on a thread of its own, and returns when both have ended; a walk's
     * failure fails the start (after the other walk has ended, so nothing is still writing when it does).
     */
    static void bothAtOnce(Runnable here, Runnable there) {
        ExecutorService other = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-walk");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?> elsewhere = other.submit(there);
            RuntimeException failure = null;
            try {
                here.run();
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                elsewhere.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Demo walk failed", e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the demo was walked", e);
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            other.shutdown();
        }
    }

    private AiSystem system(String name, String intendedUse, String unit) {
        return inventory.createSystem(new SystemDetails(name, intendedUse, AiType.PREDICTIVE, "olivia", unit,
                SupplierType.IN_HOUSE, null, EuAiActTier.MINIMAL, List.of("operational records"), false),
                LifecycleStage.INCEPTION, "olivia");
    }

    private void submitAs(String userId, Long systemId, String versionLabel) {
        identityService.setAuthentication(userId, List.of(RaciGroups.AI_PRODUCT_OWNERS));
        try {
            submissions.submit(systemId, versionLabel, "Demo submission");
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static String sha(char fill) {
        char[] digest = new char[64];
        Arrays.fill(digest, fill);
        return new String(digest);
    }
}
