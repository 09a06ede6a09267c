package io.aimsgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.H2DemoApp;
import io.aimsgate.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Cockpit plugin over HTTP with real webapp sessions: registered with Cockpit, its script served, its data the
 * KPI API's for the board and auditors, and refused to a Cockpit-less reviewer and to anyone not logged in.
 */
@H2DemoApp
class CockpitDashboardTest {

    static final String DATA = "/camunda/api/cockpit/plugin/ai-governance/default";

    @LocalServerPort
    int port;

    @Test
    void theBoardAndAuditorsGetTheKpiApisFigures() {
        for (String user : new String[] {"grace", "alex"}) {
            WebappSession cockpit = WebappSession.login(port, user, Api.DEMO_PASSWORD);
            JsonNode dashboard = cockpit.get(DATA + "/kpis?from=2026-01-01&to=2026-12-31").expect(200).json();
            JsonNode api = new Api(port).as(user).get("/api/reports/kpis?from=2026-01-01&to=2026-12-31").expect(200)
                    .json();
            ((ObjectNode) dashboard).remove("generatedAt");
            ((ObjectNode) api).remove("generatedAt");
            assertThat(dashboard).isEqualTo(api);
            assertThat(dashboard.at("/portfolio/systems").asLong()).isPositive();
        }
    }

    @Test
    void theBoardReportDownloadsFromCockpit() {
        WebappSession cockpit = WebappSession.login(port, "grace", Api.DEMO_PASSWORD);
        Response pdf = cockpit.get(DATA + "/board-report?from=2026-11-01&to=2026-11-30").expect(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(pdf.header("Content-Disposition").orElseThrow())
                .contains("attachment", "board-report-2026-11-01-to-2026-11-30.pdf");
        Response bad = cockpit.get(DATA + "/kpis?from=someday").expect(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("from");
    }

    @Test
    void cockpitLoadsThePluginScript() {
        WebappSession cockpit = WebappSession.login(port, "grace", Api.DEMO_PASSWORD);
        assertThat(cockpit.get("/camunda/app/cockpit/default/").expect(200).body()).contains("ai-governance");
        Response script = cockpit.get("/camunda/api/cockpit/plugin/ai-governance/static/app/plugin.js").expect(200);
        assertThat(script.body()).contains("pluginPoint: 'cockpit.dashboard'", "/kpis");
    }

    @Test
    void othersGetNoData() {
        WebappSession mia = WebappSession.login(port, "mia", Api.DEMO_PASSWORD);
        assertThat(mia.get(DATA + "/kpis").status()).isEqualTo(403);
        assertThat(mia.get(DATA + "/board-report").status()).isEqualTo(403);
        WebappSession olivia = WebappSession.login(port, "olivia", Api.DEMO_PASSWORD);
        assertThat(olivia.get(DATA + "/kpis").status()).isEqualTo(403);
        WebappSession admin = WebappSession.login(port, "admin", Api.ADMIN_PASSWORD);
        assertThat(admin.get(DATA + "/kpis").status()).as("Cockpit access alone is not enough").isEqualTo(403);
        Response anonymous = new Api(port).anonymous().get(DATA + "/kpis");
        assertThat(anonymous.status()).isIn(401, 403);
        assertThat(anonymous.body()).doesNotContain("portfolio");
    }
}
