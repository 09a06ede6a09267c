package io.aimsgate.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.risk.RiskStatus;
import io.aimsgate.risk.Severity;
import io.aimsgate.risk.StrideCategory;
import io.aimsgate.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports: the governance KPIs and the board report (governance board and auditors), and the register exports
 * (every participant, as the registers they export).
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    static final MediaType PDF = MediaType.APPLICATION_PDF;
    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final KpiQueries kpis;
    private final BoardReport boardReport;
    private final Exports exports;
    private final Clock clock;

    ReportController(KpiQueries kpis, BoardReport boardReport, Exports exports, Clock clock) {
        this.kpis = kpis;
        this.boardReport = boardReport;
        this.exports = exports;
        this.clock = clock;
    }

    @Operation(summary = "Governance KPIs",
            description = "Gate throughput, decision times, SLA breaches and escalations in the period (default: the last 90 days).")
    @GetMapping("/kpis")
    @PreAuthorize("hasAnyAuthority('governance-board', 'auditors')")
    GovernanceKpis kpis(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return kpis.kpis(ReportPeriod.of(from, to, clock));
    }

    @Operation(summary = "Board report (PDF)",
            description = "The governance board's report for the period as a PDF.")
    @ApiResponse(responseCode = "200", description = "The report as a PDF download.", content = @Content(
            mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/board")
    @PreAuthorize("hasAnyAuthority('governance-board', 'auditors')")
    ResponseEntity<byte[]> board(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        byte[] pdf = boardReport.render(kpis.kpis(period));
        return download(pdf, PDF, "board-report-" + period.from() + "-to-" + period.to() + ".pdf");
    }

    @Operation(summary = "Export the risk register",
            description = "The risk register as CSV or XLSX (format), optionally of one system.")
    @ApiResponse(responseCode = "200", description = "The export as a download (format csv, the default, or xlsx).",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/risk-register")
    @PreAuthorize("@access.isParticipant()")
    ResponseEntity<byte[]> riskRegister(@RequestParam(required = false) String format, @RequestParam(required = false) Long systemId,
            @RequestParam(required = false) RiskStatus status, @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) LifecycleStage stage,
            @RequestParam(required = false) StrideCategory stride) {
        ExportFormat chosen = ExportFormat.of(format);
        ExportTable table = exports.riskRegister(systemId, status, severity, stage, stride);
        return export(table, chosen, systemId == null ? "risk-register" : "risk-register-system-" + systemId);
    }

    @Operation(summary = "Export the gate history",
            description = "Every gate decision as CSV or XLSX (format), optionally of one system and period.")
    @ApiResponse(responseCode = "200", description = "The export as a download (format csv, the default, or xlsx).",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/gate-history")
    @PreAuthorize("@access.isParticipant()")
    ResponseEntity<byte[]> gateHistory(@RequestParam(required = false) String format, @RequestParam(required = false) Long systemId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ExportFormat chosen = ExportFormat.of(format);
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        ExportTable table = exports.gateHistory(systemId, period);
        return export(table, chosen, systemId == null ? "gate-history" : "gate-history-system-" + systemId);
    }

    private static ResponseEntity<byte[]> export(ExportTable table, ExportFormat format, String name) {
        return format == ExportFormat.CSV ? download(table.csv(), CSV, name + ".csv")
                : download(table.xlsx(), XLSX, name + ".xlsx");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    enum ExportFormat {
        CSV, XLSX;

        static ExportFormat of(String value) {
            if (value == null) {
                throw new InvalidInputException("format", "is required: csv or xlsx");
            }
            return switch (value) {
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                default -> throw new InvalidInputException("format", "must be csv or xlsx");
            };
        }
    }
}
