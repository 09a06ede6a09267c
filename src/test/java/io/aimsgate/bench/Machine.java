package io.aimsgate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The load of the machine and the CPU time of this JVM, to report next to every number. */
final class Machine {

    private Machine() {
    }

    /** The 1-minute load average, as uptime prints it. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static double load1() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** CPU time of this whole JVM (application and driver) in nanoseconds. */
    static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    /** Total time the JIT compilers of this JVM have spent compiling, in milliseconds (summed over its threads). */
    static long compilationMillis() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
    }

    /**
     * CPU time of this JVM's JIT compiler threads ({@code C1 CompilerThread*}, {@code C2 CompilerThread*}), in
     * nanoseconds, from Linux's per-thread scheduler statistics (0 where there are none). Unlike
     * {@link #compilationMillis()}, which counts a compilation's elapsed time, waits for a core included, this is the
     * CPU the compilers took from the cores. Compiler threads the JVM has ended since are not counted.
     */
    static long compilerCpuNanos() {
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        total += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while it was read
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /**
     * CPU time of the application's request threads (Tomcat's {@code http-nio-*} workers) in nanoseconds: what the
     * requests cost without the JIT compiler, the garbage collector and the driver, which the process total includes.
     */
    static long requestThreadCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("http-nio-") && thread.getName().contains("-exec-")) {
                long cpu = threads.getThreadCpuTime(thread.getId());
                total += Math.max(cpu, 0);
            }
        }
        return total;
    }

    static String description() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException e) {
            // keep unknown
        }
        long memoryMb = 0;
        try {
            memoryMb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(0L);
        } catch (IOException e) {
            // keep 0
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memoryMb + " MB RAM, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    /** The machine-wide CPU ticks so far (busy, all), from the first line of /proc/stat; null where there is none. */
    static long[] cpuTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
            long all = busy + Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {busy, all};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Busy cores between two readings of {@link #cpuTicks()} (NaN without them). */
    static double busyCores(long[] before, long[] after) {
        if (before == null || after == null || after[1] <= before[1]) {
            return Double.NaN;
        }
        return (double) (after[0] - before[0]) / (after[1] - before[1]) * Runtime.getRuntime().availableProcessors();
    }

    /** How busy the cores were in the last second waited, and how long {@link #waitForQuiet} waited in all. */
    record Quiet(double busyCores, double waitedSeconds) {
    }

    /**
     * Waits, one second at a time, until the machine's cores were busy for less than {@code quietCores} over the last
     * second (at most {@code maxSeconds}), so a start-up is not measured while the database server still works off
     * an earlier section's load; returns the last second's busy cores and how long it waited.
     */
    static Quiet waitForQuiet(double quietCores, int maxSeconds) throws InterruptedException {
        long started = System.nanoTime();
        double busy = Double.NaN;
        for (int second = 0; second < maxSeconds; second++) {
            long[] before = cpuTicks();
            Thread.sleep(1000);
            busy = busyCores(before, cpuTicks());
            if (Double.isNaN(busy) || busy < quietCores) {
                break;
            }
        }
        return new Quiet(busy, (System.nanoTime() - started) / 1e9);
    }

    /** Resident set size of a process in MB, from /proc. */
    static long rssMb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }
}
