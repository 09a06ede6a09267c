package io.aimsgate.controls.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.aimsgate.controls.SoaEntry;
import io.aimsgate.controls.SoaVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A frozen SoA version as a download: CSV (Jackson CSV, one row per control), JSON (the version with its entries)
 * and PDF (OpenPDF: the version's header, its approval, and the table of controls).
 */
@Component
class SoaExport {

    static final List<String> CSV_COLUMNS = List.of("control_id", "objective", "title", "applicable",
            "justification", "implementation_status", "owner", "risk_ids", "evidence_file_ids");

    private final CsvMapper csv = new CsvMapper();
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    byte[] csv(SoaVersion version) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        CSV_COLUMNS.forEach(schema::addColumn);
        List<Map<String, Object>> rows = version.entries().stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("control_id", e.controlId());
            row.put("objective", e.objectiveId());
            row.put("title", cell(e.title()));
            row.put("applicable", e.applicable() ? "yes" : "no");
            row.put("justification", cell(e.justification()));
            row.put("implementation_status", e.implementationStatus().name());
            row.put("owner", cell(e.owner()));
            row.put("risk_ids", join(e.riskIds()));
            row.put("evidence_file_ids", join(e.evidenceFileIds()));
            return row;
        }).toList();
        try {
            return csv.writer(schema.build()).writeValueAsBytes(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] json(SoaVersion version) {
        try {
            return json.writeValueAsBytes(version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] pdf(SoaVersion version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Statement of Applicability version " + version.versionNo());
            document.addCreator("AIMS Gate");
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font text = FontFactory.getFont(FontFactory.HELVETICA, 9);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
            document.add(new Paragraph("Statement of Applicability, version " + version.versionNo(), title));
            document.add(new Paragraph("ISO/IEC 42001:2023 clause 6.1.3, Annex A controls. Status: "
                    + version.status() + ".", text));
            document.add(new Paragraph("Submitted by " + version.submittedBy() + " at " + version.submittedAt()
                    + ": " + version.note(), text));
            if (version.decidedBy() != null) {
                document.add(new Paragraph("Decided by " + version.decidedBy() + " at " + version.decidedAt() + ": "
                        + version.decisionRationale(), text));
            }
            document.add(new Paragraph("Applicable controls: " + version.applicableEntries().size() + " of "
                    + version.entries().size() + ". Content SHA-256: " + version.contentSha256() + ". Gate run: "
                    + version.gateRunId() + ".", text));
            document.add(new Paragraph(" ", text));
            PdfPTable table = new PdfPTable(new float[] {6, 14, 6, 34, 10, 12, 9, 9});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String header : List.of("Control", "Title", "Applicable", "Justification", "Status", "Owner",
                    "Risks", "Evidence")) {
                table.addCell(new PdfPCell(new Phrase(header, bold)));
            }
            for (SoaEntry e : version.entries()) {
                for (String value : List.of(e.controlId(), e.title(), e.applicable() ? "yes" : "no",
                        e.justification(), e.implementationStatus().name(), e.owner() == null ? "" : e.owner(),
                        join(e.riskIds()), join(e.evidenceFileIds()))) {
                    table.addCell(new PdfPCell(new Phrase(value, small)));
                }
            }
            document.add(table);
        } catch (DocumentException e) {
            throw new IllegalStateException("The SoA PDF cannot be written", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    /** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR) is written with a leading apostrophe. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
