package io.aimsgate.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The governance KPIs for a period: {@code GET /api/reports/kpis}. Portfolio, risk, deployment and corrective-action
 * figures are the state at {@code generatedAt}; incidents and the governance flow are those of the period.
 */
public record GovernanceKpis(LocalDate from, LocalDate to, Instant generatedAt, Portfolio portfolio, Risks risks,
        Deployments deployments, Incidents incidents, long correctiveActionsOverdue, GovernanceFlow governanceFlow,
        List<AttentionItem> attention) {

    /** AI systems (retired ones included) by EU AI Act tier, by life-cycle stage, and both. */
    public record Portfolio(long systems, Map<String, Long> byTier, Map<String, Long> byStage,
            List<TierStageCount> byTierAndStage) {
    }

    public record TierStageCount(String tier, String stage, long systems) {
    }

    /**
     * Risks not closed. {@code inherent}: before treatment; {@code residual}: after treatment where one is recorded,
     * else the inherent value (what the deployment gate assesses). Heat maps: [likelihood-1][impact-1] counts.
     */
    public record Risks(long notClosed, Map<String, Long> inherentBySeverity, Map<String, Long> residualBySeverity,
            long[][] inherentHeatMap, long[][] residualHeatMap, long overdueTreatments) {
    }

    /**
     * Requests halted now (an unresolved high risk), model versions suspended by an incident, requests in review
     * for a version whose earlier request was halted or rejected (awaiting re-approval), and requests in review.
     */
    public record Deployments(long halted, long suspendedVersions, long awaitingReapproval, long inReview) {
    }

    /**
     * Incidents reported in the period by severity (UNCLASSIFIED while triage has not set one); median hours from
     * detection to containment; Art. 73 deadlines of serious incidents met (notified by the deadline), missed
     * (notified late, or not notified and the deadline passed) and pending.
     */
    public record Incidents(long reported, Map<String, Long> bySeverity, Double medianHoursToContain,
            long art73Met, long art73Missed, long art73Pending) {
    }

    /**
     * From the engine's history for tasks completed in the period, per process (gate) and candidate group (RACI
     * role); fired SLA timers and escalation tasks started in the period; decisions per month.
     */
    public record GovernanceFlow(List<TaskTimes> tasks, List<TimerCount> slaBreaches, long escalations,
            List<MonthCount> months) {
    }

    /** Hours from task creation to completion (median, 90th percentile) and from creation to the first claim. */
    public record TaskTimes(String process, String group, long completed, Double medianHours, Double p90Hours,
            Double medianHoursToClaim) {
    }

    public record TimerCount(String process, String timer, long fired) {
    }

    /** Month as yyyy-MM; approvals (deployments approved, life-cycle gates passed), rejections, deployment halts. */
    public record MonthCount(String month, long approvals, long rejections, long halts) {
    }

    /** What needs the board: kind, a one-line text, the system, the due date, and the Tasklist task if there is one. */
    public record AttentionItem(String kind, String text, Long systemId, LocalDate due, String taskId) {
    }
}
