package io.aimsgate.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.aimsgate.report.GovernanceKpis.AttentionItem;
import io.aimsgate.report.GovernanceKpis.MonthCount;
import io.aimsgate.report.GovernanceKpis.TaskTimes;
import io.aimsgate.report.GovernanceKpis.TierStageCount;
import io.aimsgate.report.GovernanceKpis.TimerCount;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * The board report as a PDF: the KPIs of {@link KpiQueries} as text, tables and JFreeChart charts, laid out with
 * OpenPDF. Every figure printed as "label: value" is the same number the KPI API returns for the period.
 */
@Component
public class BoardReport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

    public byte[] render(GovernanceKpis k) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("AIMS Gate governance board report " + k.from() + " to " + k.to());
            document.addCreator("AIMS Gate");
            document.open();
            document.add(new Paragraph("AI governance board report", TITLE));
            document.add(new Paragraph("Period: " + k.from() + " to " + k.to() + ". Generated " + STAMP.format(
                    k.generatedAt()) + ". Portfolio, risks, deployments and corrective actions as of the date of "
                    + "generation; incidents and the governance flow within the period.", TEXT));

            heading(document, "1. Needs the board's attention");
            attention(document, k.attention());

            heading(document, "2. AI portfolio");
            figure(document, "Systems in the portfolio", k.portfolio().systems());
            counts(document, "By EU AI Act tier", k.portfolio().byTier());
            document.add(chart(portfolioChart(k.portfolio().byTierAndStage()), 515, 230));

            heading(document, "3. Risks");
            figure(document, "Risks not closed", k.risks().notClosed());
            figure(document, "Overdue risk treatments", k.risks().overdueTreatments());
            PdfPTable severity = table(new float[] {2, 1, 1, 1, 1}, "Severity", "LOW", "MEDIUM", "HIGH", "CRITICAL");
            row(severity, "Inherent", k.risks().inherentBySeverity());
            row(severity, "Residual", k.risks().residualBySeverity());
            document.add(severity);
            PdfPTable maps = new PdfPTable(2);
            maps.setWidthPercentage(100);
            maps.setSpacingBefore(6);
            maps.addCell(mapCell("Heat map, inherent (likelihood x impact)", k.risks().inherentHeatMap()));
            maps.addCell(mapCell("Heat map, residual (likelihood x impact)", k.risks().residualHeatMap()));
            document.add(maps);

            heading(document, "4. Deployments");
            figure(document, "Deployments halted", k.deployments().halted());
            figure(document, "Versions suspended", k.deployments().suspendedVersions());
            figure(document, "Awaiting re-approval", k.deployments().awaitingReapproval());
            figure(document, "Deployment requests in review", k.deployments().inReview());
            document.add(chart(monthChart(k.governanceFlow().months()), 515, 210));

            heading(document, "5. Time to decision");
            timeTable(document, k.governanceFlow().tasks());
            if (k.governanceFlow().tasks().stream().anyMatch(t -> t.p90Hours() != null && t.p90Hours() > 0)) {
                document.add(chart(decisionTimeChart(k.governanceFlow().tasks()), 515, 230));
            }
            figure(document, "Escalations fired", k.governanceFlow().escalations());
            figure(document, "SLA breaches", k.governanceFlow().slaBreaches().stream().mapToLong(TimerCount::fired)
                    .sum());
            for (TimerCount timer : k.governanceFlow().slaBreaches()) {
                document.add(new Paragraph("  " + timer.process() + " / " + timer.timer() + ": " + timer.fired(), SMALL));
            }

            heading(document, "6. Incidents");
            figure(document, "Incidents reported", k.incidents().reported());
            counts(document, "By severity", k.incidents().bySeverity());
            document.add(new Paragraph("Median hours to contain: " + hours(k.incidents().medianHoursToContain()), TEXT));
            figure(document, "Art. 73 deadlines met", k.incidents().art73Met());
            figure(document, "Art. 73 deadlines missed", k.incidents().art73Missed());
            figure(document, "Art. 73 deadlines pending", k.incidents().art73Pending());
            if (k.incidents().art73Met() + k.incidents().art73Missed() + k.incidents().art73Pending() > 0) {
                document.add(chart(deadlineChart(k), 515, 160));
            }
            figure(document, "Corrective actions overdue", k.correctiveActionsOverdue());

            heading(document, "7. Not yet in this report");
            document.add(new Paragraph("The statement of applicability, the AI management system objectives and open "
                    + "audit findings join this report once those registers exist in AIMS Gate.", TEXT));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The board report could not be laid out", e);
        }
        return out.toByteArray();
    }

    private static void heading(Document document, String text) {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private static void figure(Document document, String label, long value) {
        document.add(new Paragraph(label + ": " + value, TEXT));
    }

    private static void counts(Document document, String label, Map<String, Long> counts) {
        StringBuilder text = new StringBuilder(label).append(": ");
        counts.forEach((key, value) -> text.append(key).append(' ').append(value).append("; "));
        document.add(new Paragraph(text.substring(0, text.length() - 2), TEXT));
    }

    private static void attention(Document document, List<AttentionItem> items) {
        if (items.isEmpty()) {
            document.add(new Paragraph("Nothing is waiting for the board.", TEXT));
            return;
        }
        PdfPTable table = table(new float[] {2.2f, 5, 1, 1.5f}, "What", "Item", "System", "Due");
        for (AttentionItem item : items) {
            table.addCell(cell(item.kind().replace('_', ' ').toLowerCase(), SMALL));
            table.addCell(cell(item.text() == null ? "" : item.text(), SMALL));
            table.addCell(cell(item.systemId() == null ? "" : item.systemId().toString(), SMALL));
            table.addCell(cell(item.due() == null ? "" : item.due().toString(), SMALL));
        }
        document.add(table);
    }

    private static void timeTable(Document document, List<TaskTimes> tasks) {
        if (tasks.isEmpty()) {
            document.add(new Paragraph("No task was completed in the period.", TEXT));
            return;
        }
        PdfPTable table = table(new float[] {3, 3, 1.2f, 1.3f, 1.3f, 1.5f}, "Process (gate)", "RACI group",
                "Completed", "Median h", "P90 h", "Median h to claim");
        for (TaskTimes t : tasks) {
            table.addCell(cell(t.process() == null ? "(no process)" : t.process(), SMALL));
            table.addCell(cell(t.group(), SMALL));
            table.addCell(cell(Long.toString(t.completed()), SMALL));
            table.addCell(cell(hours(t.medianHours()), SMALL));
            table.addCell(cell(hours(t.p90Hours()), SMALL));
            table.addCell(cell(hours(t.medianHoursToClaim()), SMALL));
        }
        document.add(table);
    }

    static String hours(Double hours) {
        return hours == null ? "-" : String.format(java.util.Locale.ROOT, "%.2f", hours);
    }

    private static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = cell(header, BOLD);
            cell.setBackgroundColor(new Color(0xE8, 0xEC, 0xF2));
            table.addCell(cell);
        }
        return table;
    }

    private static void row(PdfPTable table, String label, Map<String, Long> counts) {
        table.addCell(cell(label, SMALL));
        for (String severity : List.of("LOW", "MEDIUM", "HIGH", "CRITICAL")) {
            table.addCell(cell(Long.toString(counts.getOrDefault(severity, 0L)), SMALL));
        }
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(3);
        return cell;
    }

    /** A 5x5 grid: likelihood 5 at the top, impact 1 to 5 left to right, coloured by likelihood x impact. */
    private static PdfPCell mapCell(String title, long[][] counts) {
        PdfPTable grid = new PdfPTable(6);
        grid.setWidthPercentage(100);
        grid.addCell(plain(""));
        for (int impact = 1; impact <= 5; impact++) {
            grid.addCell(plain("I" + impact));
        }
        for (int likelihood = 5; likelihood >= 1; likelihood--) {
            grid.addCell(plain("L" + likelihood));
            for (int impact = 1; impact <= 5; impact++) {
                PdfPCell c = new PdfPCell(new Phrase(Long.toString(counts[likelihood - 1][impact - 1]), BOLD));
                c.setHorizontalAlignment(Element.ALIGN_CENTER);
                c.setPadding(4);
                c.setBackgroundColor(heat(likelihood * impact));
                grid.addCell(c);
            }
        }
        PdfPCell holder = new PdfPCell();
        holder.setBorder(0);
        holder.setPadding(4);
        holder.addElement(new Paragraph(new Chunk(title, BOLD)));
        holder.addElement(grid);
        return holder;
    }

    private static PdfPCell plain(String text) {
        PdfPCell c = new PdfPCell(new Phrase(text, SMALL));
        c.setBorder(0);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        return c;
    }

    private static Color heat(int score) {
        if (score >= 15) {
            return new Color(0xE5, 0x73, 0x73);
        }
        if (score >= 10) {
            return new Color(0xF6, 0xB2, 0x6B);
        }
        if (score >= 5) {
            return new Color(0xFF, 0xE0, 0x82);
        }
        return new Color(0xA5, 0xD6, 0xA7);
    }

    private static JFreeChart portfolioChart(List<TierStageCount> cells) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TierStageCount cell : cells) {
            data.addValue(cell.systems(), cell.tier(), cell.stage().replace('_', ' ').toLowerCase());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Portfolio by life-cycle stage and EU AI Act tier", null,
                "Systems", data, PlotOrientation.HORIZONTAL, true, false, false);
        return styled(chart);
    }

    private static JFreeChart monthChart(List<MonthCount> months) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MonthCount month : months) {
            data.addValue(month.approvals(), "Approvals", month.month());
            data.addValue(month.rejections(), "Rejections", month.month());
            data.addValue(month.halts(), "Halts", month.month());
        }
        JFreeChart chart = ChartFactory.createBarChart("Approvals, rejections and halts per month", null, "Decisions",
                data, PlotOrientation.VERTICAL, true, false, false);
        return styled(chart);
    }

    private static JFreeChart decisionTimeChart(List<TaskTimes> tasks) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TaskTimes t : tasks) {
            String key = (t.process() == null ? "(no process)" : t.process()) + " / " + t.group();
            data.addValue(t.medianHours() == null ? 0 : t.medianHours(), "Median", key);
            data.addValue(t.p90Hours() == null ? 0 : t.p90Hours(), "90th percentile", key);
        }
        JFreeChart chart = ChartFactory.createBarChart("Hours from task creation to decision", null, "Hours", data,
                PlotOrientation.HORIZONTAL, true, false, false);
        return styled(chart);
    }

    private static JFreeChart deadlineChart(GovernanceKpis k) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(k.incidents().art73Met(), "Incidents", "Met");
        data.addValue(k.incidents().art73Missed(), "Incidents", "Missed");
        data.addValue(k.incidents().art73Pending(), "Incidents", "Pending");
        JFreeChart chart = ChartFactory.createBarChart("EU AI Act Art. 73 reporting deadlines", null, "Incidents",
                data, PlotOrientation.HORIZONTAL, false, false, false);
        return styled(chart);
    }

    private static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
        chart.getPlot().setBackgroundPaint(new Color(0xF7, 0xF8, 0xFA));
        return chart;
    }

    /** Charts are drawn at twice the printed size so they stay sharp when zoomed or printed. */
    private static Image chart(JFreeChart chart, int width, int height) {
        try {
            byte[] png = ChartUtils.encodeAsPNG(chart.createBufferedImage(width * 2, height * 2, width * 1.4, height * 1.4, null));
            Image image = Image.getInstance(png);
            image.scaleToFit(width, height);
            image.setSpacingBefore(6);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("A chart of the board report could not be drawn", e);
        }
    }
}
