package cn.xinfang.petition.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the figures were measured on, and where the CPU went: the JVM's heap after a full GC and
 * its peak resident set, and CPU seconds used by this JVM, by PostgreSQL's processes and by the
 * whole machine (other work on the machine shows up as the difference).
 */
final class Machine {

    private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux

    private Machine() {
    }

    static Map<String, Object> facts() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memTotal", meminfo("MemTotal"));
        m.put("cpu", cpuModel());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version") + ")");
        m.put("jvmArgs", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-Dbench.")).toList()));
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("loadAverageAtStart", loadAverage());
        return m;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Heap in use after a full collection, in MiB. */
    static double heapAfterGcMiB() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /**
     * The classes holding most of the heap (live objects only: the histogram forces a full GC),
     * from the JVM's GC.class_histogram diagnostic command.
     */
    static List<String> heapHistogram(int lines) {
        try {
            String out = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[]{new String[0]}, new String[]{String[].class.getName()});
            return out.lines().skip(3).limit(lines).map(l -> {
                String[] f = l.trim().split("\\s+");
                return f.length < 4 ? l.trim() : String.format("%6.1f MiB  %,11d  %s", Long.parseLong(f[2]) / 1048576.0,
                        Long.parseLong(f[1]), f[3]);
            }).toList();
        } catch (Exception e) {
            return List.of("histogram not available: " + e);
        }
    }

    /** Peak resident set size of this process (VmHWM), in MiB. */
    static double peakRssMiB() {
        return status("VmHWM") / 1024.0;
    }

    /** CPU seconds so far: this JVM, PostgreSQL's processes, and all processes of the machine. */
    record Cpu(long nanoTime, double jvm, double postgres, double machine) {

        static Cpu now() {
            return new Cpu(System.nanoTime(), jvmCpu(), postgresCpu(), machineCpu());
        }

        /** Wall seconds and CPU seconds between {@code start} and this sample. */
        Map<String, Object> since(Cpu start) {
            Map<String, Object> m = new LinkedHashMap<>();
            double wall = (nanoTime - start.nanoTime) / 1e9;
            m.put("wallSeconds", round(wall));
            m.put("jvmCpuSeconds", round(jvm - start.jvm));
            m.put("postgresCpuSeconds", round(postgres - start.postgres));
            m.put("otherCpuSeconds", round(Math.max(0, (machine - start.machine) - (jvm - start.jvm) - (postgres - start.postgres))));
            m.put("idleCpuSeconds", round(Math.max(0, wall * Runtime.getRuntime().availableProcessors() - (machine - start.machine))));
            return m;
        }
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double jvmCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return 0;
    }

    /**
     * Every process named postgres: the server, its backends and its background workers (also those serving others), and
     * the processes of the server that have ended (their time is added to the server's when it reaps them: the children's
     * times of each process): parallel workers and backends that start and end between two samples would otherwise be
     * counted as other processes.
     */
    private static double postgresCpu() {
        double total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(open + 1, close).startsWith("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    // utime, stime, cutime, cstime (fields 14 to 17 of proc(5))
                    total += (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]))
                            / CLOCK_TICKS;
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** Busy CPU seconds of the whole machine since boot (all cores; idle and iowait excluded). */
    private static double machineCpu() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long meminfoKiB(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    private static String meminfo(String key) {
        long kib = meminfoKiB(key);
        return kib < 0 ? "?" : String.format("%.1f GiB", kib / 1024.0 / 1024.0);
    }

    private static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
