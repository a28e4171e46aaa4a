package cn.xinfang.petition.app.security;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No personal data in logs (issue 17). The surefire tests (every HTTP test of the service, the pages
 * and the API) write all their log output to {@code target/test-logs/tests.log} (logback-test.xml);
 * this test, run by failsafe after them in {@code mvn verify}, searches that log for the test data's
 * personal data: any resident ID number (18 characters), any mobile number, and every petitioner name
 * the test sources register. Skipped when the surefire tests did not run in this build.
 */
class LogScanIT {

    static final Path LOG = Path.of("target/test-logs/tests.log");
    static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    static final Pattern JUNIT_TEMP_DIR = Pattern.compile("(?<=[/\\\\])junit-?\\d+(?=[/\\\\])");
    static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z.:-])1[3-9]\\d{9}(?![0-9A-Za-z])");
    static final Pattern NAME_IN_SOURCE = Pattern.compile("petitioner\\\\?\"\\s*:\\s*\\{\\s*\\\\?\"name\\\\?\"\\s*:\\s*\\\\?\"([^\"\\\\%]{2,20})\\\\?\"");
    static final Pattern NAME_CONSTANT = Pattern.compile("static final String (?:OTHER_)?NAME(?:_\\d)?\\s*=\\s*\"([^\"]{2,20})\"");

    @Test
    @DisplayName("测试全程的日志中没有测试数据的身份证号、手机号和信访人姓名")
    void theLogsOfTheTestSuiteHoldNoPersonalData() throws IOException {
        Assumptions.assumeTrue(Files.exists(LOG), "no log of the surefire tests in this build (" + LOG + ")");
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        Set<String> names = petitionerNames();
        assertThat(names).as("petitioner names found in the test sources").contains("张三", "李四");

        List<String> found = new ArrayList<>();
        for (String line : log.split("\n")) {
            found.addAll(personalData(line, names));
        }
        assertThat(found).as("log lines with personal data (of %d lines)", log.split("\n").length).isEmpty();
    }

    @Test
    @DisplayName("扫描器认出身份证号、手机号和姓名，不把 JUnit 临时目录的随机数当作身份证号")
    void theScannerFindsPersonalDataButNotJUnitTemporaryDirectories() {
        assertThat(personalData("registered 11010519491231002X at 13812345678", Set.of())).hasSize(2);
        assertThat(personalData("petitioner 张三", Set.of("张三"))).hasSize(1);
        assertThat(personalData("generated a new master key in /tmp/junit-914485455444338560/data/petition.master.key", Set.of()))
                .isEmpty();
        assertThat(personalData("file /tmp/x-914485455444338560/data", Set.of())).as("other paths are still scanned").hasSize(1);
    }

    /** What of the line looks like personal data: an ID number, a mobile number, one of the names. */
    static List<String> personalData(String logged, Set<String> names) {
        // JUnit's temporary directories are named junit-<random number>, which has 18 digits one time in ten
        String line = JUNIT_TEMP_DIR.matcher(logged).replaceAll("junit-tempdir");
        List<String> found = new ArrayList<>();
        Matcher id = ID_NUMBER.matcher(line);
        if (id.find()) {
            found.add("ID number " + id.group() + ": " + logged);
        }
        Matcher phone = MOBILE.matcher(line);
        if (phone.find()) {
            found.add("phone " + phone.group() + ": " + logged);
        }
        for (String name : names) {
            if (line.contains(name)) {
                found.add("name " + name + ": " + logged);
            }
        }
        return found;
    }

    static Set<String> petitionerNames() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (Pattern p : List.of(NAME_IN_SOURCE, NAME_CONSTANT)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }
}
