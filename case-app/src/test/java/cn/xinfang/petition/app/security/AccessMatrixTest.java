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
 * the own unit is {@code handler} (town), of another unit {@code village2}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final Path DOC = Path.of("../docs/security.md");
    static final List<String> ROLES = List.of("ADMIN", "SUPERVISOR", "LEADER", "AUDITOR", "HANDLER (own unit)", "HANDLER (other unit)");
    static final List<String> USERS = List.of("admin", "supervisor", "leader", "auditor", "handler", "village2");

    /** One row of the table: an endpoint, the case it is called on, the body sent, the expected outcome per role. */
    record Row(String method, String path, String kind, String body, List<String> expected) {
        String endpoint() {
            return method + " " + path;
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
                    info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + path));
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
            String path = row.path();
            if (path.contains("{id}")) {
                boolean write = !row.method().equals("GET");
                String id = write ? newCase(row.kind()) : shared.computeIfAbsent(row.kind(), this::newCase);
                path = path.replace("{id}", id);
            }
            path = path.replace("{username}", "matrix").replace("{name}", "escalations");
            Api.Res r = api.send(user, row.method(), path, row.body().isEmpty() ? null : row.body(), Map.of());
            observed.add(outcome(r.status()));
        }
        assertThat(observed).as("%s as %s (observed / table)", row, ROLES).isEqualTo(row.expected());
    }

    static String outcome(int status) {
        return status == 401 || status == 403 || status == 404 ? Integer.toString(status) : "ok";
    }

    String newCase(String kind) {
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
