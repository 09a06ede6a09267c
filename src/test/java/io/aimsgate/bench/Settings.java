package io.aimsgate.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Sizes of a run, from system properties ({@code -Dbench.gates=300} etc.); defaults keep a run near 10 minutes. */
record Settings(Set<String> sections, int gates, int clients, int rounds, int warmupGates, int poolSize,
        int dbSeconds, int pipelineConnections, int pipelineSeconds, int pipelineWarmupSeconds,
        int pipelineModerateConnections, List<Integer> riskSizes,
        int riskOrgTotal, int riskSamples, int tasks, int tasksViaApi, int taskSamples, int kpiTasks, int kpiSamples,
        int ledgerAppends, List<Integer> ledgerSizes, List<Integer> evidenceSizes, int evidenceTimedSize,
        int evidenceSamples, String out) {

    static final String ALL = "gates,pipeline,risk,tasklist,kpi,ledger,evidence,footprint";

    static Settings fromSystemProperties() {
        return new Settings(
                Arrays.stream(System.getProperty("bench.sections", ALL).split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).collect(Collectors.toSet()),
                integer("bench.gates", 300), integer("bench.clients", 8), integer("bench.rounds", 2),
                integer("bench.warmup", 60), integer("bench.pool", 20), integer("bench.db.seconds", 10),
                integer("bench.pipeline.connections", 64), integer("bench.pipeline.seconds", 20),
                integer("bench.pipeline.warmup", 20), integer("bench.pipeline.moderate", 8),
                Arrays.stream(System.getProperty("bench.risk.sizes", "10,1000,100000").split(","))
                        .map(String::strip).map(Integer::valueOf).toList(),
                integer("bench.risk.org", 1_000_000), integer("bench.risk.samples", 200),
                integer("bench.tasks", 100_000), integer("bench.tasks.api", 2_000), integer("bench.tasks.samples", 50),
                integer("bench.kpi.tasks", 50_000), integer("bench.kpi.samples", 30),
                integer("bench.ledger.appends", 2_000), integers("bench.ledger.sizes", "10000,100000"),
                integers("bench.evidence.sizes", "1,25,100"), integer("bench.evidence.timed", 25),
                integer("bench.evidence.samples", 5),
                System.getProperty("bench.out", "target/bench/results.md"));
    }

    boolean runs(String section) {
        return sections.contains(section);
    }

    private static List<Integer> integers(String name, String fallback) {
        return Arrays.stream(System.getProperty(name, fallback).split(",")).map(String::strip)
                .filter(v -> !v.isEmpty()).map(v -> Integer.valueOf(v.replace("_", ""))).toList();
    }

    private static int integer(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip().replace("_", ""));
    }

    @Override
    public String toString() {
        return "sections=" + sections + ", gates=" + gates + " x " + rounds + " rounds (+" + warmupGates
                + " warm-up) per kind, clients=" + clients + ", pool=" + poolSize + ", db limit " + dbSeconds
                + " s, pipeline " + pipelineConnections + " (and " + pipelineModerateConnections + ") connections x "
                + pipelineSeconds + " s, risk sizes "
                + riskSizes + " (org " + riskOrgTotal + "), tasks=" + tasks + ", kpi tasks=" + kpiTasks + " x "
                + kpiSamples + " samples, ledger " + ledgerAppends + " appends, verified at " + ledgerSizes
                + ", evidence " + evidenceSizes + " MB (" + evidenceSamples + " x " + evidenceTimedSize + " MB timed)";
    }
}
