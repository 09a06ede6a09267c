package io.aimsgate.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import io.aimsgate.shared.PlatformEngineAccess;
import org.springframework.stereotype.Service;

/**
 * Severity comes from the deployed {@code risk-severity} DMN table, so the governance team changes its
 * risk appetite by deploying a new version of the table, without code. The table is evaluated once per
 * deployed version for all 25 cells; assessments then read the matrix (no per-risk DMN call, no
 * history rows per lookup).
 */
@Service
public class RiskSeverityService {

    public static final String DECISION_KEY = "risk-severity";

    private final RepositoryService repositoryService;
    private final PlatformEngineAccess engine;
    private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, SeverityMatrix> matrixByDefinition = new ConcurrentHashMap<>();

    RiskSeverityService(RepositoryService repositoryService, PlatformEngineAccess engine) {
        this.repositoryService = repositoryService;
        this.engine = engine;
    }

    /**
     * The matrix of the latest deployed version of the decision. The risk appetite applies to every caller
     * alike (a pipeline client included), so it is read on the platform's behalf.
     */
    public SeverityMatrix currentMatrix() {
        return engine.withoutUserAuthorization(() -> {
            DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(DECISION_KEY).latestVersion().singleResult();
            if (latest == null) {
                throw new IllegalStateException("The decision '" + DECISION_KEY + "' is not deployed");
            }
            return matrixByDefinition.computeIfAbsent(latest.getId(), this::evaluateAllCells);
        });
    }

    public Severity severityOf(int likelihood, int impact) {
        return currentMatrix().severityOf(likelihood, impact);
    }

    private SeverityMatrix evaluateAllCells(String definitionId) {
        DmnDecision decision;
        try (InputStream model = repositoryService.getDecisionModel(definitionId)) {
            decision = dmnEngine.parseDecision(DECISION_KEY, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Severity[][] cells = new Severity[SeverityMatrix.MAX][SeverityMatrix.MAX];
        for (int likelihood = SeverityMatrix.MIN; likelihood <= SeverityMatrix.MAX; likelihood++) {
            for (int impact = SeverityMatrix.MIN; impact <= SeverityMatrix.MAX; impact++) {
                cells[likelihood - 1][impact - 1] = evaluate(decision, likelihood, impact);
            }
        }
        return new SeverityMatrix(definitionId, cells);
    }

    static Severity evaluate(DmnDecision decision, DmnEngine engine, int likelihood, int impact) {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision,
                Variables.createVariables().putValue("likelihood", likelihood).putValue("impact", impact));
        if (result.size() != 1) {
            throw new IllegalStateException("The risk-severity table must classify likelihood " + likelihood
                    + " x impact " + impact + " exactly once, found " + result.size() + " matches");
        }
        return Severity.valueOf(result.getSingleResult().getSingleEntry());
    }

    private Severity evaluate(DmnDecision decision, int likelihood, int impact) {
        return evaluate(decision, dmnEngine, likelihood, impact);
    }
}
