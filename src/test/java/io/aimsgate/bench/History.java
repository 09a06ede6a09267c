package io.aimsgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The headline figures of every run, appended to a CSV ({@code bench.history}, default {@code docs/bench/history.csv})
 * and drawn as one SVG chart per figure over the runs ({@code docs/bench/history.svg}), which docs/benchmarks.md
 * embeds. One line per run and figure: {@code run,commit,figure,value,load1}. Earlier passes, measured before the
 * bench wrote this file, are lines transcribed from the tables the bench printed then (commit {@code table}).
 */
final class History {

    /** Figure -> (title, unit, target or NaN, whether lower is better). */
    record Figure(String title, String unit, double target, boolean lowerIsBetter) {
    }

    static final Map<String, Figure> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("start_jar_s", new Figure("java -jar: start to ready (demo data in place)", "s", 15, true));
        FIGURES.put("start_run_s", new Figure("./mvnw spring-boot:run: start to ready (demo data in place)", "s", 15, true));
        FIGURES.put("rss_jar_mb", new Figure("java -jar: resident memory after start", "MB", 512, true));
        FIGURES.put("start_jar_cpu_s", new Figure("java -jar: JVM CPU until ready", "s", Double.NaN, true));
        FIGURES.put("gate_ratio", new Figure("gates/s ours / bare (same server)", "", 0.9, false));
        FIGURES.put("stack_ratio", new Figure("gates/s bare through our server / plain Camunda", "", 0.75, false));
        FIGURES.put("pipeline_vs_probe", new Figure("pipeline check (approved) / liveness probe req/s", "", 0.9, false));
        FIGURES.put("pipeline_p99_ms", new Figure("pipeline check (approved) p99, 64 connections", "ms", 20, true));
        FIGURES.put("tasklist_count_p95_ms", new Figure("Tasklist count, 100,000 open tasks, p95", "ms", 100, true));
        FIGURES.put("kpi_p95_ms", new Figure("KPIs over a year of history, p95", "ms", Double.NaN, true));
        FIGURES.put("ledger_appends_per_s", new Figure("ledger appends/s, own transaction, 1 thread", "/s", Double.NaN,
                false));
        FIGURES.put("ledger_appends_per_s_8", new Figure("ledger appends/s, own transaction, 8 threads", "/s",
                Double.NaN, false));
        FIGURES.put("ledger_append_p99_ms", new Figure("ledger append p99, 1 thread", "ms", Double.NaN, true));
        FIGURES.put("ledger_verify_100k_s", new Figure("verify the whole ledger at 100,000 entries", "s", Double.NaN,
                true));
        FIGURES.put("evidence_upload_mb_s", new Figure("evidence upload, 25 MB, at p50", "MB/s", Double.NaN, false));
        FIGURES.put("evidence_download_mb_s", new Figure("evidence download, 25 MB, at p50", "MB/s", Double.NaN,
                false));
        FIGURES.put("evidence_largest_alloc_mib", new Figure("evidence: largest server allocation, up to 100 MB files",
                "MiB", Double.NaN, true));
    }

    private final Map<String, Double> figures = new LinkedHashMap<>();

    /** Redraws the chart from the CSV alone: {@code java -cp target/test-classes io.aimsgate.bench.History [csv]}. */
    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args.length > 0 ? args[0] : "docs/bench/history.csv");
        Files.writeString(csv.resolveSibling("history.svg"), svg(Files.readAllLines(csv)), StandardCharsets.UTF_8);
    }
    private final Instant run = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    void figure(String name, double value) {
        if (!Double.isNaN(value) && value >= 0) {
            figures.put(name, value);
        }
    }

    /** Appends this run's figures and redraws the chart from every run in the file. */
    void write(Path csv, String commit, String load1) {
        try {
            Files.createDirectories(csv.toAbsolutePath().getParent());
            StringBuilder lines = new StringBuilder();
            if (!Files.exists(csv)) {
                lines.append("run,commit,figure,value,load1\n");
            }
            figures.forEach((name, value) -> lines.append(run).append(',').append(commit).append(',').append(name)
                    .append(',').append(String.format(Locale.ROOT, "%.3f", value)).append(',').append(load1)
                    .append('\n'));
            Files.writeString(csv, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Files.writeString(csv.resolveSibling("history.svg"), svg(Files.readAllLines(csv)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Small multiples: one panel per figure, x = the runs in order (their date), y = the figure, target dashed. */
    static String svg(List<String> csvLines) {
        TreeSet<String> runs = new TreeSet<>();
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        FIGURES.keySet().forEach(name -> series.put(name, new LinkedHashMap<>()));
        for (String line : csvLines.subList(1, csvLines.size())) {
            String[] cells = line.split(",");
            if (cells.length < 4 || !series.containsKey(cells[2])) {
                continue;
            }
            runs.add(cells[0]);
            series.get(cells[2]).put(cells[0], Double.parseDouble(cells[3]));
        }
        List<String> order = new ArrayList<>(runs);
        int columns = 2;
        int width = 460;
        int height = 200;
        int rows = (FIGURES.size() + columns - 1) / columns;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">\n", columns * width, rows * height + 30));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"10\" y=\"18\" font-size=\"14\">AIMS Gate benchmark figures over the runs "
                + "(docs/bench/history.csv; dashed: target)</text>\n");
        int index = 0;
        for (Map.Entry<String, Figure> entry : FIGURES.entrySet()) {
            int x0 = (index % columns) * width + 50;
            int y0 = (index / columns) * height + 40;
            int w = width - 80;
            int h = height - 70;
            index++;
            Figure figure = entry.getValue();
            Map<String, Double> values = series.get(entry.getKey());
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s%s</text>\n", x0,
                    y0 - 6, escape(figure.title), figure.unit.isEmpty() ? "" : " (" + figure.unit + ")"));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                    + "stroke=\"#999\"/>\n", x0, y0, w, h));
            double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
            if (!Double.isNaN(figure.target)) {
                max = Math.max(max, figure.target);
            }
            max = max <= 0 ? 1 : max * 1.1;
            final double top = max;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", x0 - 4,
                    y0 + 10, number(top)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>\n", x0 - 4,
                    y0 + h));
            if (!Double.isNaN(figure.target)) {
                double ty = y0 + h - h * figure.target / top;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c00\" "
                        + "stroke-dasharray=\"4 3\"/>\n", x0, ty, x0 + w, ty));
            }
            if (values.isEmpty()) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#666\">not measured yet</text>\n",
                        x0 + 10, y0 + h / 2));
                continue;
            }
            StringBuilder path = new StringBuilder();
            for (Map.Entry<String, Double> point : values.entrySet()) {
                int i = order.indexOf(point.getKey());
                double x = x0 + (order.size() == 1 ? w / 2.0 : 10 + (w - 20) * i / (double) (order.size() - 1));
                double y = y0 + h - h * point.getValue() / top;
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f4e9c\"/>\n", x, y));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"9\">"
                        + "%s</text>\n", x, y - 5, number(point.getValue())));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"8\" "
                        + "fill=\"#666\">%s</text>\n", x, y0 + h + 11, point.getKey().substring(5, 16).replace('T', ' ')));
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1f4e9c\"/>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
