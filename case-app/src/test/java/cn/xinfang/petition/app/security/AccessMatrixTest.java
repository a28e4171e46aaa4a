package cn.xinfang.petition.app.security;

import cn.xinfang.petition.app.support.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix (issue 17): the table in docs/security.md (between the {@code access-matrix}
 * markers) says, for every API endpoint and every role, whether the role gets through ({@code ok}:
 * any answer but 401, 403 and 404 – a 400 or 409 is the endpoint's own check), is refused
 * ({@code 403}) or is not told the thing exists ({@code 404}). Every endpoint is called as every role
 * and the answer compared with the table; an endpoint of the service without a row fails.
 * {@code {id}} is a fresh case for each write (a complaint with {@code town}, or with {@code case}
 * {@code accusation} an accusation against {@code village-2} handled by {@code town}); the handler of
 * the own unit is {@code handler} (town), of another unit {@code village2}. Rows of issues 14–16 name other records
 * ({@code {visitId}}, {@code {receptionId}}, {@code {personId}}, {@code {campaignId}}, {@code {inspectionId}},
 * {@code {rectificationId}}, {@code {noticeId}}, {@code {draftId}}, {@code {unit}}/{@code {date}} of a rota day), made the
 * same way (see {@link #records()}), and prepare {@code {id}} by the {@code case} kinds {@code escalated},
 * {@code with-leader}, {@code supervised} and {@code repeat} (see {@link #newCase(String)}); a row may add a query.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final Path DOC = Path.of("../docs/security.md");
    static final List<String> ROLES = List.of("ADMIN", "SUPERVISOR", "LEADER", "AUDITOR", "HANDLER (own unit)", "HANDLER (other unit)");
    static final List<String> USERS = List.of("admin", "supervisor", "leader", "auditor", "handler", "village2");

    /** One row of the table: an endpoint, the case it is called on, the body sent, the expected outcome per role. */
    record Row(String method, String path, String kind, String body, List<String> expected) {
        /** The endpoint as mapped: the path without the query the row may add, every placeholder as {@code {…}}. */
        String endpoint() {
            int q = path.indexOf('?');
            return pattern(method + " " + (q < 0 ? path : path.substring(0, q)));
        }

        @Override
        public String toString() {
            return endpoint() + (kind.isEmpty() ? "" : " [" + kind + "]");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Api api;
    final Map<String, String> shared = new LinkedHashMap<>();

    @BeforeAll
    void setUp() {
        api = new Api(port);
        Api.Res u = api.post("admin", "/api/admin/users",
                "{\"username\":\"matrix\",\"password\":\"matrix-pass\",\"displayName\":\"矩阵\",\"role\":\"HANDLER\",\"unit\":\"village-1\"}");
        assertThat(u.status()).as(u.toString()).isEqualTo(201);
        // the rota day {unit}/{date} a swap is made on (issue 14)
        created("supervisor", "/api/receptions/rota", "{\"unit\":\"" + UNIT + "\",\"from\":\"" + DATE + "\",\"to\":\"2024-01-12\","
                + "\"monday\":\"leader\",\"friday\":\"leader\",\"others\":[\"leader\"]}");
    }

    static List<Row> table() {
        String doc;
        try {
            doc = Files.readString(DOC, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int from = doc.indexOf("<!-- access-matrix:begin -->");
        int to = doc.indexOf("<!-- access-matrix:end -->");
        assertThat(from).as("the access matrix markers in docs/security.md").isGreaterThan(0).isLessThan(to);
        List<Row> rows = new ArrayList<>();
        for (String line : doc.substring(from, to).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] c = line.split("\\|", -1);
            // | `METHOD path` | case | ADMIN | SUPERVISOR | LEADER | AUDITOR | HANDLER own | HANDLER other | body |
            String[] endpoint = strip(c[1]).split(" ", 2);
            List<String> expected = new ArrayList<>();
            for (int i = 3; i < 3 + ROLES.size(); i++) {
                expected.add(strip(c[i]));
            }
            rows.add(new Row(endpoint[0], endpoint[1], strip(c[2]), strip(c[3 + ROLES.size()]), expected));
        }
        return rows;
    }

    private static String strip(String cell) {
        String s = cell.trim();
        if (s.startsWith("`") && s.endsWith("`") && s.length() >= 2) {
            s = s.substring(1, s.length() - 1);
        }
        return s.equals("–") ? "" : s;
    }

    @Test
    @DisplayName("每个 API 端点在访问矩阵中都有一行")
    void everyEndpointHasARow() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> mapped.add(pattern(m.name() + " " + path)));
                }
            }
        });
        Set<String> rows = new TreeSet<>();
        table().forEach(r -> rows.add(r.endpoint()));
        assertThat(rows).as("rows of docs/security.md's access matrix").containsAll(mapped);
        assertThat(mapped).as("endpoints the service maps").containsAll(rows);
    }

    static Stream<Row> rows() {
        return table().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @DisplayName("访问矩阵")
    void everyRoleGetsWhatTheTableSays(Row row) {
        List<String> observed = new ArrayList<>();
        for (String user : USERS) {
            boolean write = !row.method().equals("GET");
            String path = row.path();
            String body = row.body();
            String caseId = null;
            if (path.contains("{id}")) {
                caseId = write ? newCase(row.kind()) : shared.computeIfAbsent(row.kind(), this::newCase);
                path = path.replace("{id}", caseId);
            }
            for (Map.Entry<String, java.util.function.Supplier<String>> p : records().entrySet()) {
                String placeholder = "{" + p.getKey() + "}";
                if (path.contains(placeholder) || body.contains(placeholder)) {
                    String value = write ? p.getValue().get() : shared.computeIfAbsent(placeholder, k -> p.getValue().get());
                    path = path.replace(placeholder, value);
                    body = body.replace(placeholder, value);
                }
            }
            if (body.contains("{otherId}")) {
                body = body.replace("{otherId}", caseId != null && earlier.containsKey(caseId) ? earlier.get(caseId) : newCase(""));
            }
            path = path.replace("{username}", "matrix").replace("{name}", "escalations")
                    .replace("{unit}", UNIT).replace("{date}", DATE);
            Api.Res r = api.send(user, row.method(), path, body.isEmpty() ? null : body, Map.of());
            observed.add(outcome(r.status()));
        }
        assertThat(observed).as("%s as %s (observed / table)", row, ROLES).isEqualTo(row.expected());
    }

    /** A row names its records ({@code {visitId}}), the mapping its path variables ({@code {id}}): both compare as {@code {…}}. */
    static String pattern(String endpoint) {
        return endpoint.replaceAll("\\{[^}]*}", "{…}");
    }

    static String outcome(int status) {
        return status == 401 || status == 403 || status == 404 ? Integer.toString(status) : "ok";
    }

    /** A fresh case of the row's {@code case} kind, made ready by the users permitted to (issues 15, 16). */
    String newCase(String kind) {
        switch (kind) {
            case "", "accusation" -> {
                return registered(kind);
            }
            case "escalated" -> {
                String id = registered("");
                created("supervisor", "/api/cases/" + id + "/escalate", "{\"reason\":\"HARD_CASE\",\"leader\":\"镇长\",\"plan\":\"包案化解\"}");
                return id;
            }
            case "with-leader" -> {
                String id = newCase("escalated");
                created("supervisor", "/api/cases/" + id + "/leader", LEADER);
                return id;
            }
            case "supervised" -> {
                String id = registered("");
                created("supervisor", "/api/cases/" + id + "/supervise", SUPERVISE);
                return id;
            }
            case "repeat" -> {
                // a person of its own, two subjects without a common bigram: only the link by hand makes it a repeat
                String person = "{\"name\":\"重复\",\"phone\":\"1380000" + String.format("%04d", persons.incrementAndGet()) + "\"}";
                String earlierId = created("handler", "/api/cases", complaint(person, "拖欠工资"));
                String id = created("handler", "/api/cases", complaint(person, "路灯不亮"));
                created("handler", "/api/cases/" + id + "/repeat-of", "{\"caseId\":\"" + earlierId + "\",\"reason\":\"同一诉求\"}");
                earlier.put(id, earlierId);
                return id;
            }
            default -> throw new IllegalArgumentException("unknown case kind in the access matrix: " + kind);
        }
    }

    static final String UNIT = "town";
    static final String DATE = "2024-01-08";
    static final String PERSON = "{\"name\":\"矩阵\",\"phone\":\"13900000017\"}";
    static final String LEADER = "{\"leader\":\"leader\",\"plan\":{\"crux\":\"工程款未结算\",\"measures\":\"协调结算\","
            + "\"responsible\":\"王镇长\",\"targetDate\":\"2024-12-31\"},\"reason\":\"包案\"}";
    static final String SUPERVISE = "{\"requirement\":\"限期办结\",\"limit\":{\"amount\":5,\"unit\":\"WORKING_DAYS\"}}";

    /** For a {@code repeat} case, the earlier case it is linked to ({@code {otherId}} in its body). */
    final Map<String, String> earlier = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The records besides cases a row may name, each made fresh through the API by a permitted user (for every call
     * of a write, once for reads): visits and receptions of {@code town} (issue 14), a person of a {@code town} case
     * (issue 15), a campaign, an inspection, a rectification and a
     * notice naming {@code town}, published ({@code noticeId}) or a draft ({@code draftId}) (issue 16).
     */
    Map<String, java.util.function.Supplier<String>> records() {
        Map<String, java.util.function.Supplier<String>> r = new LinkedHashMap<>();
        r.put("visitId", () -> created("handler", "/api/visits", "{\"unit\":\"town\",\"visitedAt\":\"" + DATE + "\",\"visitors\":[\"handler\"],"
                + "\"person\":" + PERSON + ",\"demands\":\"访问矩阵\"}"));
        r.put("receptionId", () -> created("leader", "/api/receptions", "{\"unit\":\"town\",\"date\":\"" + DATE + "\",\"leader\":\"leader\","
                + "\"kind\":\"RECEPTION\",\"person\":" + PERSON + ",\"headcount\":1,\"demands\":\"访问矩阵\",\"raiseCase\":false}"));
        r.put("personId", this::newPerson);
        r.put("campaignId", () -> created("supervisor", "/api/campaigns", "{\"name\":\"矩阵专项\",\"reportEvery\":\"P7D\",\"units\":[\"town\"],"
                + "\"phases\":[{\"name\":\"一阶段\",\"from\":\"2024-03-04\",\"to\":\"2024-03-08\"}]}"));
        r.put("inspectionId", this::newInspection);
        r.put("rectificationId", () -> created("supervisor", "/api/inspections/" + newInspection() + "/rectifications",
                "{\"finding\":0,\"unit\":\"town\",\"requirement\":\"建立台账\",\"limit\":{\"amount\":5,\"unit\":\"WORKING_DAYS\"}}"));
        r.put("draftId", () -> created("supervisor", "/api/notices", "{\"kind\":\"CRITICISM\",\"units\":[\"town\"],\"text\":\"矩阵通报\"}"));
        r.put("noticeId", () -> {
            String id = created("supervisor", "/api/notices", "{\"kind\":\"CRITICISM\",\"units\":[\"town\"],\"text\":\"矩阵通报\"}");
            created("supervisor", "/api/notices/" + id + "/publish", "{\"date\":\"2024-02-27\"}");
            return id;
        });
        return r;
    }

    String newInspection() {
        return created("supervisor", "/api/inspections", "{\"kind\":\"SPOT\",\"methods\":[\"RECORDS\"],\"unit\":\"town\",\"date\":\"2024-02-08\","
                + "\"inspectors\":[\"supervisor\"],\"findings\":[{\"kind\":\"SLOW\",\"text\":\"办理迟缓\"}]}");
    }

    final java.util.concurrent.atomic.AtomicInteger persons = new java.util.concurrent.atomic.AtomicInteger();

    /** The person of a fresh {@code town} case, once the person registry has it. */
    String newPerson() {
        String phone = "1390000" + String.format("%04d", persons.incrementAndGet());
        String id = created("handler", "/api/cases", complaint("{\"name\":\"矩阵\",\"phone\":\"" + phone + "\"}", "矩阵"));
        String personId = api.get("handler", "/api/cases/" + id).body().at("/petitioner/personId").asText();
        assertThat(personId).as("petitioner.personId of case " + id).isNotEmpty();
        for (int i = 0; i < 100 && api.get("supervisor", "/api/persons/" + personId).status() != 200; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return personId;
    }

    static String complaint(String petitioner, String subject) {
        return "{\"track\":\"SIMPLE\",\"channel\":\"VISIT\",\"category\":\"COMPLAINT\",\"petitioner\":" + petitioner
                + ",\"headcount\":1,\"subject\":\"" + subject + "\",\"content\":\"访问矩阵测试\",\"unit\":\"town\"}";
    }

    String created(String user, String path, String body) {
        Api.Res r = api.post(user, path, body);
        assertThat(r.status()).as(path + " as " + user + ": " + r).isIn(200, 201);
        return r.body().isArray() ? "" : r.body().get("id").asText();
    }

    String registered(String kind) {
        String body = "accusation".equals(kind)
                ? "{\"track\":\"GENERAL\",\"channel\":\"LETTER\",\"category\":\"ACCUSATION\",\"accusedUnit\":\"village-2\","
                + "\"petitioner\":{\"name\":\"矩阵\"},\"headcount\":1,\"subject\":\"检举\",\"content\":\"检举村干部\",\"unit\":\"town\"}"
                : "{\"track\":\"SIMPLE\",\"channel\":\"VISIT\",\"category\":\"COMPLAINT\",\"petitioner\":{\"name\":\"矩阵\"},"
                + "\"headcount\":1,\"subject\":\"矩阵\",\"content\":\"访问矩阵测试\",\"unit\":\"town\"}";
        Api.Res r = api.post("handler", "/api/cases", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().get("id").asText();
    }
}
