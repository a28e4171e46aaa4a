package cn.xinfang.petition.app.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The figures a reliability test reports (kills survived, acknowledged writes checked, deadlines
 * fired once, fuzz requests sent, 5xx seen): printed, and appended to
 * {@code target/reliability-figures.txt}, from which docs/runbook.md's table is filled.
 */
final class Figures {

    private Figures() {
    }

    static void report(String test, String figures) {
        String db = cn.xinfang.petition.app.support.PerClassDatabase.onPostgres() ? "postgres" : "h2";
        String line = test + " [" + db + "] " + figures;
        System.out.println("RELIABILITY " + line);
        try {
            Path file = Path.of("target", "reliability-figures.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("cannot write the figures: " + e.getMessage());
        }
    }
}
