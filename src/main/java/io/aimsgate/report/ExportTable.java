package io.aimsgate.report;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Rows for an export: named columns, values that are numbers, text or null. Written as CSV with Jackson's CSV
 * module, or as an XLSX sheet with fastexcel.
 */
record ExportTable(String sheet, List<String> columns, List<List<Object>> rows) {

    private static final CsvMapper CSV = new CsvMapper();

    byte[] csv() {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        try {
            List<Map<String, Object>> records = rows.stream().map(this::record).toList();
            return CSV.writer(schema.build()).writeValueAsBytes(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "AIMS Gate", "1.0");
            Worksheet sheet = workbook.newWorksheet(this.sheet);
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(0, c, columns.get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        sheet.value(r + 1, c, number);
                    } else if (value != null) {
                        // A string cell: never read as a formula by a spreadsheet.
                        sheet.value(r + 1, c, value.toString());
                    }
                }
            }
            sheet.freezePane(0, 1);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Map<String, Object> record(List<Object> row) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            Object value = row.get(c);
            record.put(columns.get(c), value instanceof String text ? defused(text) : value);
        }
        return record;
    }

    /**
     * CSV injection (OWASP): a text cell that a spreadsheet would read as a formula gets a leading apostrophe, which
     * spreadsheets show as text and which readers of these exports strip again.
     */
    static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
