package io.aimsgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.AsDemoUsers;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.ProcessEngineBinding;
import org.junit.jupiter.api.extension.ExtendWith;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The KPI API and the board report over HTTP on the demo data (H2): each figure against the tables or the engine's
 * history counted the slow way, the PDF read back with PDFBox, who may see them, and bad periods.
 */
@ExtendWith(ProcessEngineBinding.class)
abstract class AbstractReportScenarios extends AsDemoUsers {

    @Autowired
    HistoryService historyService;

    String period;
    LocalDate from;
    LocalDate to;

    @BeforeEach
    void period() {
        to = LocalDate.now(ZoneOffset.UTC);
        from = to.minusDays(60);
        period = "?from=" + from + "&to=" + to;
    }

    @Test
    void portfolioRisksAndDeploymentsAreTheTablesCounts() {
        JsonNode kpis = grace.get("/api/reports/kpis" + period).expect(200).json();

        long systems = count("SELECT COUNT(*) FROM ai_system");
        assertThat(systems).as("the demo data has a portfolio").isPositive();
        assertThat(kpis.at("/portfolio/systems").asLong()).isEqualTo(systems);
        assertThat(kpis.at("/portfolio/byTier/HIGH").asLong())
                .isEqualTo(count("SELECT COUNT(*) FROM ai_system WHERE eu_ai_act_tier = 'HIGH'"));
        assertThat(kpis.at("/portfolio/byStage/RETIRE").asLong())
                .isEqualTo(count("SELECT COUNT(*) FROM ai_system WHERE lifecycle_stage = 'RETIRE'"));
        long notClosed = count("SELECT COUNT(*) FROM risk WHERE status <> 'CLOSED'");
        assertThat(notClosed).as("the demo data has risks").isPositive();
        assertThat(kpis.at("/risks/notClosed").asLong()).isEqualTo(notClosed);
        assertThat(kpis.at("/risks/residualBySeverity/HIGH").asLong()).isEqualTo(
                count("SELECT COUNT(*) FROM risk WHERE status <> 'CLOSED' AND current_severity = 'HIGH'"));
        long heatTotal = 0;
        for (JsonNode row : kpis.at("/risks/inherentHeatMap")) {
            for (JsonNode cell : row) {
                heatTotal += cell.asLong();
            }
        }
        assertThat(heatTotal).isEqualTo(notClosed);
        assertThat(kpis.at("/risks/inherentHeatMap/3/4").asLong()).as("likelihood 4, impact 5").isEqualTo(
                count("SELECT COUNT(*) FROM risk WHERE status <> 'CLOSED' AND likelihood = 4 AND impact = 5"));
        assertThat(kpis.at("/deployments/halted").asLong())
                .isEqualTo(count("SELECT COUNT(*) FROM deployment_request WHERE status = 'HALTED'"));
        assertThat(kpis.at("/deployments/inReview").asLong())
                .isEqualTo(count("SELECT COUNT(*) FROM deployment_request WHERE status = 'IN_REVIEW'"));
        assertThat(kpis.at("/governanceFlow/months").size()).isBetween(2, 4);
        long approvals = 0;
        for (JsonNode month : kpis.at("/governanceFlow/months")) {
            approvals += month.get("approvals").asLong();
        }
        assertThat(approvals).as("deployments approved and life-cycle gates passed in the period").isEqualTo(
                count("SELECT COUNT(*) FROM gate_event WHERE event_type = 'APPROVED'")
                        + count("SELECT COUNT(*) FROM gate_run WHERE kind <> 'DEPLOYMENT' AND status = 'PASSED'"));
    }

    /** The medians and percentiles of the SQL against the same figures computed task by task from HistoryService. */
    @Test
    void timeToDecisionIsTheHistoryServicesTasksMedianAndNinetiethPercentile() {
        JsonNode tasks = grace.get("/api/reports/kpis" + period).expect(200).json().at("/governanceFlow/tasks");
        assertThat(tasks.size()).as("the demo walks have completed gate tasks").isPositive();

        Map<String, List<Double>> durations = new HashMap<>();
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery().finished()
                .taskDeleteReason("completed").list()) {
            Set<String> groups = new HashSet<>();
            for (HistoricIdentityLinkLog link : historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId())
                    .type("candidate").operationType("add").list()) {
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
            for (String group : groups) {
                durations.computeIfAbsent(task.getProcessDefinitionKey() + "|" + group, key -> new ArrayList<>())
                        .add(task.getDurationInMillis() / 1000.0);
            }
        }
        assertThat(tasks.size()).isEqualTo(durations.size());
        for (JsonNode row : tasks) {
            List<Double> seconds = durations.get(row.get("process").asText() + "|" + row.get("group").asText());
            assertThat(seconds).as(row.toString()).isNotNull();
            assertThat(row.get("completed").asLong()).isEqualTo(seconds.size());
            assertThat(row.get("medianHours").asDouble()).as(row.toString())
                    .isCloseTo(percentile(seconds, 0.5) / 3600, within(0.006));
            assertThat(row.get("p90Hours").asDouble()).as(row.toString())
                    .isCloseTo(percentile(seconds, 0.9) / 3600, within(0.006));
        }
    }

    @Test
    void theBoardReportPdfShowsTheKpiApisFigures() throws IOException {
        JsonNode kpis = grace.get("/api/reports/kpis" + period).expect(200).json();
        HttpResponse<byte[]> response = Downloads.get(port, "grace", "/api/reports/board" + period);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "board-report-" + from + "-to-" + to + ".pdf");

        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(pdf).replace("\r", "");
            assertThat(text).contains("AI governance board report", "Period: " + from + " to " + to,
                    "Systems in the portfolio: " + kpis.at("/portfolio/systems").asLong(),
                    "Risks not closed: " + kpis.at("/risks/notClosed").asLong(),
                    "Overdue risk treatments: " + kpis.at("/risks/overdueTreatments").asLong(),
                    "Deployments halted: " + kpis.at("/deployments/halted").asLong(),
                    "Versions suspended: " + kpis.at("/deployments/suspendedVersions").asLong(),
                    "Awaiting re-approval: " + kpis.at("/deployments/awaitingReapproval").asLong(),
                    "Escalations fired: " + kpis.at("/governanceFlow/escalations").asLong(),
                    "Incidents reported: " + kpis.at("/incidents/reported").asLong(),
                    "Art. 73 deadlines missed: " + kpis.at("/incidents/art73Missed").asLong(),
                    "Corrective actions overdue: " + kpis.at("/correctiveActionsOverdue").asLong());
            String tiers = "By EU AI Act tier: UNACCEPTABLE " + kpis.at("/portfolio/byTier/UNACCEPTABLE").asLong()
                    + "; HIGH " + kpis.at("/portfolio/byTier/HIGH").asLong();
            assertThat(text).contains(tiers);
            JsonNode firstTask = kpis.at("/governanceFlow/tasks/0");
            assertThat(text).contains(firstTask.get("process").asText() + " " + firstTask.get("group").asText() + " "
                    + firstTask.get("completed").asLong() + " "
                    + BoardReport.hours(firstTask.get("medianHours").asDouble()));

            PDFRenderer renderer = new PDFRenderer(pdf);
            // No page is blank. The first two (figures and charts) are full; a last page that takes the rest of a
            // table may hold only a few rows, whose share of ink depends on how much history the database holds.
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 60);
                assertThat(inkShare(image)).as("page %d has content", page + 1)
                        .isGreaterThan(page < 2 ? 0.01 : 0.001);
            }
            Path out = Path.of("target", "board-report");
            Files.createDirectories(out);
            ImageIO.write(renderer.renderImageWithDPI(0, 110), "png", out.resolve("board-report-page-1.png").toFile());
            ImageIO.write(renderer.renderImageWithDPI(1, 110), "png", out.resolve("board-report-page-2.png").toFile());
        }
    }

    @Test
    void onlyTheBoardAndAuditorsSeeKpisAndTheBoardReport() {
        alex.get("/api/reports/kpis").expect(200);
        assertThat(Downloads.get(port, "alex", "/api/reports/board").statusCode()).isEqualTo(200);
        for (Caller other : List.of(mia, guest, api.as("olivia"), api.as("ben"))) {
            assertThat(other.get("/api/reports/kpis").expect(403).isProblem()).isTrue();
            assertThat(Downloads.get(port, other.userId(), "/api/reports/board").statusCode()).isEqualTo(403);
        }
        api.anonymous().get("/api/reports/kpis").expect(401);
        assertThat(Downloads.get(port, null, "/api/reports/board").statusCode()).isEqualTo(401);
    }

    @Test
    void aBadPeriodIsAProblemNamingTheField() {
        assertThat(grace.get("/api/reports/kpis?from=2026-13-01").expect(400).problemFields()).contains("from");
        assertThat(grace.get("/api/reports/kpis?to=yesterday").expect(400).problemFields()).contains("to");
        assertThat(grace.get("/api/reports/kpis?from=2026-06-02&to=2026-06-01").expect(400).problemFields())
                .contains("from");
        assertThat(grace.get("/api/reports/board?to=2026-06-01&from=2000-01-01").expect(400).problemFields())
                .contains("from");
        assertThat(grace.get("/api/reports/kpis?from=2026-06-01&to=2026-06-01").expect(200).json().at("/from").asText())
                .isEqualTo("2026-06-01");
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** PERCENTILE_CONT: linear interpolation between the closest ranks. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        double rank = p * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
    }

    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }
}
