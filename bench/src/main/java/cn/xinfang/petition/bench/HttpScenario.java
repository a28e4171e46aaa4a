package cn.xinfang.petition.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scenario 2: the same complete cases through the REST API, {@code senders} clients on loopback
 * with java.net.http, HTTP Basic on every request as the API requires. The demo users' password
 * hashes have BCrypt cost 4 (a benchmark setting); a second, smaller run signs in as a user whose
 * hash has the production default cost 10, so the price of password checking is visible.
 */
final class HttpScenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchConfig config;
    private final Service service;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    HttpScenario(BenchConfig config, Service service) {
        this.config = config;
        this.service = service;
    }

    Outcome run(double commandsPerSecond) throws Exception {
        Outcome out = new Outcome("http");
        String base = "http://127.0.0.1:" + service.port();
        // warm-up: the first case alone, then a tenth of the cases (the first numbers of a year taken
        // concurrently once failed on PostgreSQL; fixed, see docs/performance.md, "Bug found")
        String handler = "Basic " + Base64.getEncoder().encodeToString("handler:demo".getBytes(StandardCharsets.UTF_8));
        oneCase(base, handler, new Samples(6_999_999L), new Stats());
        runCases(base, "handler", Math.max(3, config.httpCases() / 10), new Stats());
        service.awaitCaughtUp(Duration.ofMinutes(5));

        Stats lat = new Stats();
        double rate = runCases(base, "handler", config.httpCases(), lat);
        Duration lag = service.awaitCaughtUp(Duration.ofMinutes(10));
        Stats.Summary s = lat.summary();
        out.add(Row.of("http", "requests/s, " + config.senders() + " clients, BCrypt 4", "/s", rate)
                .against(commandsPerSecond, "commands/s over the bus"));
        out.add(Row.of("http", "request p50, BCrypt 4", "ms", s.p50()));
        out.add(Row.of("http", "request p99, BCrypt 4", "ms", s.p99()));
        out.detail("bcrypt4LatencyMs", QueryScenario.describe(s));
        out.detail("bcrypt4", Map.of("cases", config.httpCases(), "requests", s.count(), "maxMs", s.max(),
                "readSideCaughtUpAfterSeconds", Machine.round(lag.toMillis() / 1000.0)));

        if (config.httpCasesCost10() > 0) {
            addCost10User();
            Stats lat10 = new Stats();
            double rate10 = runCases(base, "handler10", config.httpCasesCost10(), lat10);
            service.awaitCaughtUp(Duration.ofMinutes(5));
            Stats.Summary s10 = lat10.summary();
            out.add(Row.of("http", "requests/s, " + config.senders() + " clients, BCrypt 10", "/s", rate10)
                    .against(rate, "same with BCrypt 4").target("≥ 0.8 × baseline", rate10 >= 0.8 * rate));
            out.add(Row.of("http", "request p50, BCrypt 10", "ms", s10.p50()).against(s.p50(), "BCrypt 4"));
            out.add(Row.of("http", "request p99, BCrypt 10", "ms", s10.p99()).against(s.p99(), "BCrypt 4"));
            out.detail("bcrypt10LatencyMs", QueryScenario.describe(s10));
            out.detail("bcrypt10", Map.of("cases", config.httpCasesCost10(), "requests", s10.count(), "maxMs", s10.max()));
        }
        return out;
    }

    /** A handler of the town whose stored hash has BCrypt's default cost, as a production account would. */
    private void addCost10User() {
        Timestamp now = Timestamp.from(Instant.now());
        service.jdbc().update("insert into app_user (username, password_hash, display_name, role, unit, enabled, created_at, updated_at) "
                        + "values ('handler10', ?, '镇信访办经办人（BCrypt 10）', 'HANDLER', ?, true, ?, ?)",
                new BCryptPasswordEncoder(10).encode("demo"), CaseSteps.UNIT, now, now);
    }

    /** Runs {@code cases} complete cases over HTTP on {@code senders} clients; answers requests/s. */
    private double runCases(String base, String user, int cases, Stats lat) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        CommandScenario.parallel(config.senders(), cases, i -> oneCase(base, auth, new Samples(7_000_000L + i), lat));
        return lat.count() / ((System.nanoTime() - start) / 1e9);
    }

    void oneCase(String base, String auth, Samples samples, Stats lat) throws Exception {
        String subject = samples.subject();
        var p = samples.petitioner();
        Map<String, Object> petitioner = new LinkedHashMap<>();
        petitioner.put("name", p.name());
        petitioner.put("idNumber", p.idNumber());
        petitioner.put("phone", p.phone());
        petitioner.put("address", p.address());
        Map<String, Object> register = new LinkedHashMap<>();
        register.put("track", "SIMPLE");
        register.put("channel", "VISIT");
        register.put("category", "COMPLAINT");
        register.put("petitioner", petitioner);
        register.put("subject", subject);
        register.put("content", samples.content(subject));
        register.put("unit", CaseSteps.UNIT);
        JsonNode created = post(base + "/api/cases", auth, register, lat);
        String cases = base + "/api/cases/" + created.get("id").asText();
        post(cases + "/sign", auth, Map.of(), lat);
        post(cases + "/accept", auth, Map.of(), lat);
        post(cases + "/notify", auth, Map.of("kind", "ACCEPTED", "mode", "POST", "text", "受理告知书"), lat);
        post(cases + "/respond", auth, Map.of("mode", "PHONE", "summary", "电话告知信访人已受理，并告知办理时限"), lat);
        post(cases + "/meetings", auth, Map.of("kind", "HANDLING", "place", "镇信访接待室", "summary", "当面听取信访人诉求"), lat);
        post(cases + "/opinion", auth, Map.of("decision", "SUPPORTED", "text", "经调查核实，信访人诉求合理，由村委会按原界址恢复"), lat);
        post(cases + "/meetings", auth, Map.of("kind", "CONCLUSION", "place", "信访人家中", "summary", "当面送达处理意见书"), lat);
        post(cases + "/deliver", auth, Map.of("mode", "IN_PERSON", "receivedBy", "信访人本人"), lat);
        post(cases + "/resolve", auth, Map.of("summary", "按处理意见落实到位", "satisfaction", "SATISFIED",
                "satisfactionSource", "PHONE_CALLBACK"), lat);
    }

    private JsonNode post(String url, String auth, Object body, Stats lat) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .timeout(Duration.ofSeconds(60))
                .build();
        long t = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        lat.add(System.nanoTime() - t);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body());
    }
}
