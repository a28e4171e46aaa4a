package cn.xinfang.petition.app.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service (the Spring Boot jar that {@code mvn package} built) running in a child JVM,
 * as an operator runs it: {@code java -jar case-app.jar} in a working directory, with command-line
 * properties. It can be killed with SIGKILL ({@link #kill()}: no shutdown hook, no flush, as a
 * power cut) or stopped with SIGTERM ({@link #stop()}: a graceful shutdown).
 */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern STARTED_PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final List<ServiceProcess> RUNNING = new ArrayList<>();

    static {
        // a test JVM that dies leaves no service behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (RUNNING) {
                RUNNING.forEach(s -> s.process.destroyForcibly());
            }
        }));
    }

    final String name;
    final Path log;
    private final Process process;
    private int port;

    private ServiceProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** The jar under test: {@code service.jar} (set by failsafe), else the module's target directory. */
    static Path jar() {
        String configured = System.getProperty("service.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target/case-app-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged service " + jar.toAbsolutePath() + " is missing: run `mvn -B verify` "
                    + "(the *IT tests run after `package`)");
        }
        return jar.toAbsolutePath();
    }

    /**
     * Starts the jar in {@code workDir} with {@code properties} ({@code key=value}, passed as
     * {@code --key=value}) on a free port, and waits until it answers. Its output goes to
     * {@code workDir/<name>-<n>.log}.
     */
    static ServiceProcess start(String name, Path workDir, List<String> properties, Duration timeout) throws IOException {
        Files.createDirectories(workDir);
        Path log;
        int n = 0;
        do {
            log = workDir.resolve(name + "-" + (++n) + ".log");
        } while (Files.exists(log));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.timezone=UTC",
                "-jar", jar().toString(), "--server.port=0", "--spring.main.banner-mode=off",
                "--cases.security.bcrypt-strength=4", "--cases.security.demo-data=true"));
        properties.forEach(p -> cmd.add("--" + p));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ServiceProcess s = new ServiceProcess(name, log, p);
        synchronized (RUNNING) {
            RUNNING.add(s);
        }
        s.awaitStarted(timeout);
        return s;
    }

    private void awaitStarted(Duration timeout) throws IOException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up; log " + log + ":\n" + tail(60));
            }
            Matcher m = STARTED_PORT.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find() && output().contains("Started CaseApplication")) {
                port = Integer.parseInt(m.group(1));
                return;
            }
            sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not start within " + timeout + "; log " + log + ":\n" + tail(60));
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the process ends at once, with no shutdown hook and nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
        synchronized (RUNNING) {
            RUNNING.remove(this);
        }
    }

    /** SIGTERM: Spring's graceful shutdown; killed if it takes longer than 60 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        synchronized (RUNNING) {
            RUNNING.remove(this);
        }
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last {@code lines} lines of the service's log, for failure messages. */
    String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
