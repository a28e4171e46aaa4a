package cn.xinfang.petition.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Java Flight Recorder recording of one scenario (with {@code -Dbench.jfr=true}), summarised
 * into where the JVM's time went: the hottest methods (top frame of the execution samples), the
 * hottest of the service's own frames (the first {@code cn.xinfang} frame), the busiest threads,
 * and what threads waited in native code for (socket reads: waiting for the database).
 * The .jfr files stay in the work directory for {@code jfr print} / {@code jfr summary}.
 */
final class Profiler implements AutoCloseable {

    private final Recording recording;
    private final Path file;
    private Map<String, Object> summary = Map.of();

    private Profiler(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static Profiler start(BenchConfig config, String scenario) throws Exception {
        if (!config.jfr()) {
            return new Profiler(null, null);
        }
        Path dir = Files.createDirectories(config.work().resolve("jfr"));
        Recording r = new Recording(Configuration.getConfiguration("default"));
        r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        r.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(20));
        Path file = dir.resolve(scenario + ".jfr");
        r.setDestination(file);
        r.start();
        return new Profiler(r, file);
    }

    Map<String, Object> summary() {
        return summary;
    }

    @Override
    public void close() throws Exception {
        if (recording == null) {
            return;
        }
        recording.stop();
        recording.close();
        summary = summarise(file);
    }

    static Map<String, Object> summarise(Path file) throws Exception {
        Map<String, Integer> hot = new HashMap<>();
        Map<String, Integer> app = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> waits = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        int nativeSamples = 0;
        try (RecordingFile in = new RecordingFile(file)) {
            while (in.hasMoreEvents()) {
                RecordedEvent e = in.readEvent();
                String type = e.getEventType().getName();
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = st.getFrames();
                if (type.equals("jdk.ExecutionSample")) {
                    samples++;
                    hot.merge(name(frames.get(0)), 1, Integer::sum);
                    libraries.merge(library(frames.get(0).getMethod().getType().getName()), 1, Integer::sum);
                    frames.stream().filter(f -> INCLUSIVE.matcher(f.getMethod().getType().getName()).lookingAt())
                            .map(Profiler::name).filter(n -> !WRAPPER.matcher(n).find())
                            .distinct().forEach(n -> inclusive.merge(n, 1, Integer::sum));
                    frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("cn.xinfang")).findFirst()
                            .ifPresent(f -> app.merge(name(f), 1, Integer::sum));
                    String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
                    threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1, Integer::sum);
                } else if (type.equals("jdk.NativeMethodSample")) {
                    nativeSamples++;
                    // the native method and the first frame outside the JDK that led to it
                    String caller = frames.stream().map(f -> f.getMethod().getType().getName())
                            .filter(c -> !c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun."))
                            .findFirst().orElse("?");
                    waits.merge(name(frames.get(0)) + " ← " + caller, 1, Integer::sum);
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("executionSamples", samples);
        m.put("hotMethods", top(hot, samples, 12));
        m.put("serviceFrames", top(app, samples, 12));
        m.put("byLibrary", top(libraries, samples, 10));
        m.put("inclusive", top(inclusive, samples, 25));
        m.put("threads", top(threads, samples, 10));
        m.put("nativeWaits", top(waits, nativeSamples, 8));
        return m;
    }

    /** Frames counted inclusively (share of samples with the method anywhere on the stack): the service and its frameworks. */
    private static final java.util.regex.Pattern INCLUSIVE = java.util.regex.Pattern.compile(
            "cn\\.xinfang\\.petition\\.(app|domain|process|projection|api)|org\\.axonframework\\.(eventsourcing|modelling|eventhandling\\.pooled|"
                    + "commandhandling|messaging\\.unitofwork|deadline|serialization)|com\\.github\\.kagkarlsson");

    /** Frames that wrap everything below them (units of work, lambdas, dispatch plumbing): they say nothing about cost. */
    private static final java.util.regex.Pattern WRAPPER = java.util.regex.Pattern.compile(
            "^\\d+\\.|UnitOfWork\\.|\\.lambda\\$|InterceptorChain|MessageProcessingContext|ExecutionChain|SimpleCommandBus\\.|"
                    + "CommandGateway\\.|FetchCandidates|Executor\\.|ExecutePicked\\.run|OneTimeTask|Tasks\\$|Coordinator\\$CoordinationTask\\.run");

    /** Where the top frame's code comes from. */
    private static String library(String type) {
        String[][] prefixes = {{"com.fasterxml.jackson", "Jackson"}, {"org.postgresql", "PostgreSQL JDBC driver"},
                {"org.h2", "H2"}, {"org.axonframework", "Axon"}, {"org.springframework", "Spring"}, {"com.zaxxer", "HikariCP"},
                {"io.micrometer", "Micrometer"}, {"org.apache", "Tomcat / Apache"}, {"java.util.regex", "java.util.regex"},
                {"cn.xinfang.petition.bench", "benchmark"}, {"cn.xinfang", "service"}, {"java.", "JDK"}, {"jdk.", "JDK"},
                {"sun.", "JDK"}, {"com.github.kagkarlsson", "db-scheduler"}, {"ch.qos.logback", "Logback"}, {"org.slf4j", "Logback"}};
        for (String[] p : prefixes) {
            if (type.startsWith(p[0])) {
                return p[1];
            }
        }
        return "other";
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    private static List<String> top(Map<String, Integer> counts, int total, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .map(e -> String.format("%5.1f%%  %s", 100.0 * e.getValue() / Math.max(1, total), e.getKey())).toList();
    }
}
