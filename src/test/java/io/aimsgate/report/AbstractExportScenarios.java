package io.aimsgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.aimsgate.support.AsDemoUsers;
import io.aimsgate.support.ProcessEngineBinding;
import org.junit.jupiter.api.extension.ExtendWith;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The exports parsed back (CSV with Jackson's CSV module, XLSX with Apache POI: not the library that wrote it) and
 * compared, cell by cell, with what the JSON API returns for the same filters.
 */
@ExtendWith(ProcessEngineBinding.class)
abstract class AbstractExportScenarios extends AsDemoUsers {


    @Test
    void eachSystemsRiskRegisterIsTheRiskApisList() throws IOException {
        int compared = 0;
        for (JsonNode system : olivia.get("/api/systems?size=100").expect(200).json().get("content")) {
            long id = system.get("id").asLong();
            List<Map<String, String>> expected = apiRisks(id, "", system.get("name").asText());
            String query = "/api/reports/risk-register?systemId=" + id + "&format=";
            assertThat(csv(download("olivia", query + "csv", "text/csv"))).isEqualTo(expected);
            assertThat(xlsx(download("olivia", query + "xlsx", ReportController.XLSX.toString())))
                    .isEqualTo(expected);
            compared += expected.size();
        }
        assertThat(compared).as("the demo data has risks").isPositive();
    }

    @Test
    void theOrganisationsRegisterWithAFilterIsEverySystemsFilteredList() throws IOException {
        for (String filter : List.of("", "&severity=HIGH", "&status=OPEN", "&stride=INFORMATION_DISCLOSURE")) {
            List<Map<String, String>> expected = new ArrayList<>();
            for (JsonNode system : olivia.get("/api/systems?size=100&sort=id").expect(200).json().get("content")) {
                expected.addAll(apiRisks(system.get("id").asLong(), filter, system.get("name").asText()));
            }
            String query = "/api/reports/risk-register?format=";
            assertThat(csv(download("olivia", query + "csv" + filter, "text/csv"))).as(filter).isEqualTo(expected);
            assertThat(xlsx(download("olivia", query + "xlsx" + filter, ReportController.XLSX.toString())))
                    .as(filter).isEqualTo(expected);
        }
    }

    /** Deployment rows against each request's decisions in the API; life-cycle rows against the decision table. */
    @Test
    void theGateHistoryHoldsEveryRecordedDecision() throws IOException {
        List<Map<String, String>> rows = csv(download("grace", "/api/reports/gate-history?format=csv", "text/csv"));
        assertThat(xlsx(download("grace", "/api/reports/gate-history?format=xlsx", ReportController.XLSX.toString())))
                .isEqualTo(rows);
        List<Map<String, String>> deployment = rows.stream().filter(r -> r.get("gate").equals("DEPLOYMENT")).toList();
        assertThat(deployment).hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM gate_decision x JOIN gate_run g ON "
                + "g.id = x.run_id WHERE g.kind = 'DEPLOYMENT'", Integer.class));
        assertThat(rows.size() - deployment.size()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM gate_decision x "
                + "JOIN gate_run g ON g.id = x.run_id WHERE g.kind <> 'DEPLOYMENT'", Integer.class));
        assertThat(rows.size() - deployment.size()).as("the demo walks record life-cycle decisions").isPositive();
        for (Map<String, String> row : deployment) {
            JsonNode request = olivia.get("/api/deployment-requests/" + row.get("runId")).expect(200).json();
            assertThat(row.get("systemId")).isEqualTo(request.get("systemId").asText());
            assertThat(row.get("processInstanceId")).isEqualTo(request.get("processInstanceId").asText());
            boolean found = false;
            for (JsonNode decision : request.get("decisions")) {
                found |= decision.get("taskKey").asText().equals(row.get("taskKey"))
                        && decision.get("decision").asText().equals(row.get("decision"))
                        && decision.get("decidedBy").asText().equals(row.get("decidedBy"))
                        && decision.get("decidedAt").asText().equals(row.get("decidedAt"))
                        && decision.get("raciRole").asText().equals(row.get("raciRole"))
                        && decision.get("rationale").asText().equals(row.get("rationale"));
            }
            assertThat(found).as(row.toString()).isTrue();
        }
        String system = deployment.isEmpty() ? rows.get(0).get("systemId") : deployment.get(0).get("systemId");
        List<Map<String, String>> ofSystem = csv(download("grace",
                "/api/reports/gate-history?format=csv&systemId=" + system, "text/csv"));
        assertThat(ofSystem).isNotEmpty().isEqualTo(rows.stream().filter(r -> r.get("systemId").equals(system))
                .toList());
    }

    @Test
    void exportsAreForParticipantsAndRefuseBadInput() {
        assertThat(api.as("guest").get("/api/reports/risk-register?format=csv").expect(403).isProblem()).isTrue();
        api.anonymous().get("/api/reports/gate-history?format=csv").expect(401);
        assertThat(olivia.get("/api/reports/risk-register?format=pdf").expect(400).problemFields()).contains("format");
        assertThat(olivia.get("/api/reports/risk-register").expect(400).problemFields()).contains("format");
        assertThat(olivia.get("/api/reports/risk-register?format=csv&severity=huge").expect(400).problemFields())
                .contains("severity");
        assertThat(olivia.get("/api/reports/risk-register?format=csv&systemId=987654").expect(404).isProblem())
                .isTrue();
        assertThat(olivia.get("/api/reports/gate-history?format=csv&from=2026-02-30").expect(400).problemFields())
                .contains("from");
    }

    @Test
    void aTextCellThatLooksLikeAFormulaIsDefusedInCsv() {
        assertThat(ExportTable.defused("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(ExportTable.defused("-1+2")).isEqualTo("'-1+2");
        assertThat(ExportTable.defused("Prompt injection")).isEqualTo("Prompt injection");
    }

    private List<Map<String, String>> apiRisks(long systemId, String filter, String systemName) {
        List<Map<String, String>> rows = new ArrayList<>();
        JsonNode page = olivia.get("/api/systems/" + systemId + "/risks?size=1000&sort=id" + filter).expect(200).json();
        for (JsonNode risk : page.get("content")) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String column : Exports.RISK_COLUMNS) {
                JsonNode value = column.equals("systemName") ? null : risk.get(column);
                row.put(column, column.equals("systemName") ? systemName
                        : value == null || value.isNull() ? "" : value.asText());
            }
            rows.add(row);
        }
        return rows;
    }

    private byte[] download(String user, String path, String contentType) {
        HttpResponse<byte[]> response = Downloads.get(port, user, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(contentType);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        return response.body();
    }

    private static List<Map<String, String>> csv(byte[] body) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(new String(body, StandardCharsets.UTF_8))) {
            while (it.hasNext()) {
                Map<String, String> row = new LinkedHashMap<>();
                it.next().forEach((k, v) -> row.put(k, v.startsWith("'") ? v.substring(1) : v));
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Map<String, String>> xlsx(byte[] body) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> values = new LinkedHashMap<>();
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    String value = cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                            ? numeric(cell.getNumericCellValue()) : cell.getStringCellValue();
                    values.put(header.getCell(c).getStringCellValue(), value);
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static String numeric(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
