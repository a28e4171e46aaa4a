package cn.xinfang.petition.app.readmodel;

import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several views rebuilt in one pass over the store (issue 18), with batches of three events so that
 * a pass of this small store is many transactions: every view ends with the rows it had and its token at
 * the store's last event (a view is handed only the events of the types it has handlers for; a batch
 * without any stores the token alone), only the views named are reset, a name that is not a view resets
 * nothing, and a batch that fails leaves every view complete up to the token committed with the batch
 * before it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cases.performance.rebuild-batch-size=" + RebuildPassTest.BATCH)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Import(RebuildPassTest.LedgerInterceptor.class)
class RebuildPassTest {

    /** Counts the events the ledger's processor interceptors see on a rebuild pass's threads. */
    @TestConfiguration
    static class LedgerInterceptor {
        static final AtomicInteger SEEN_IN_PASS = new AtomicInteger();

        @Bean
        ConfigurerModule countingLedgerInterceptor() {
            return configurer -> configurer.eventProcessing(p -> p.registerHandlerInterceptor("ledger", c -> (unit, chain) -> {
                if (Thread.currentThread().getName().startsWith("rebuild-")) {
                    SEEN_IN_PASS.incrementAndGet();
                }
                return chain.proceed();
            }));
        }
    }

    static final int BATCH = 3;
    static final List<String> VIEWS = List.of("ledger", "overdue", "escalations", "backlog");
    /** Each view's rows, in an order that does not depend on how they were written. */
    static final Map<String, String> ROWS = Map.of(
            "ledger", "select * from ledger_case order by case_id",
            "overdue", "select r.*, d.version_no, d.due_at, d.warning_at, d.effective_at, d.recorded_at from time_limit_run r "
                    + "join time_limit_due d on d.run_id = r.run_id order by r.run_id, d.version_no",
            "escalations", "select * from escalation_entry order by event_id",
            "backlog", "select * from backlog_case order by case_id");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    final List<String> cases = new ArrayList<>();

    String ok(Api.Res r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r.body().path("id").asText();
    }

    @BeforeAll
    void script() {
        api = new Api(port);
        // registered now: their first deadlines are hours away (working time), so no event comes in while a test runs
        for (int i = 0; i < 6; i++) {
            String id = ok(api.post("handler", "/api/cases", """
                    {"track":"%s","channel":"VISIT","category":"COMPLAINT",
                     "petitioner":{"name":"王五","idNumber":"11010519491231002X","phone":"13812345678","address":"一村五组"},
                     "subject":"重建%d 道路维修","content":"来访登记","unit":"town"}
                    """.formatted(i % 2 == 0 ? "SIMPLE" : "GENERAL", i)));
            cases.add(id);
            ok(api.post("handler", "/api/cases/" + id + "/sign", null));
            if (i % 2 == 0) {
                ok(api.post("handler", "/api/cases/" + id + "/accept", null));
            }
        }
        ok(api.post("supervisor", "/api/cases/" + cases.get(1) + "/escalate",
                "{\"reason\":\"HARD_CASE\",\"leader\":\"王镇长\",\"plan\":\"一案一策：联合调处\"}"));
        // the store ends with events the escalations view has no handler for (a notice and its stage's stop, twice): a
        // pass's last batch hands that view nothing and stores its token alone
        for (int i : new int[] {0, 2}) {
            ok(api.post("handler", "/api/cases/" + cases.get(i) + "/notify", "{\"kind\":\"ACCEPTED\",\"mode\":\"POST\",\"text\":\"受理告知书\"}"));
        }
        awaitCaughtUp();
        for (String view : VIEWS) {
            assertThat(jdbc.queryForList(ROWS.get(view))).as(view).isNotEmpty();
        }
    }

    void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofMillis(100)).untilAsserted(() -> {
            for (String view : VIEWS) {
                JsonNode st = api.get("admin", "/api/admin/projections/" + view + "/rebuild").body();
                assertThat(st.get("caughtUp").asBoolean()).as(st.toString()).isTrue();
            }
        });
    }

    /** The ledger's counts with a case in them, as "unit/status" → cases. */
    Map<String, Long> ledgerCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select unit, status, cases from ledger_case_count where cases <> 0", rs -> {
            counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
        });
        return counts;
    }

    Map<String, List<Map<String, Object>>> rows() {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        VIEWS.forEach(v -> all.put(v, jdbc.queryForList(ROWS.get(v))));
        return all;
    }

    /** Each view's rows as before; on a difference, only the rows that differ are shown. */
    static void assertSameRows(Map<String, List<Map<String, Object>>> before, Map<String, List<Map<String, Object>>> after) {
        for (String view : VIEWS) {
            List<Map<String, Object>> was = before.get(view);
            List<Map<String, Object>> is = after.get(view);
            assertThat(is).as("%s: before only %s%n after only %s", view, was.stream().filter(r -> !is.contains(r)).toList(),
                    is.stream().filter(r -> !was.contains(r)).toList()).isEqualTo(was);
        }
    }

    /** A value in each view that only a reset of that view takes away (no event of this test comes after it). */
    void mark() {
        jdbc.update("update ledger_case set remark = 'mark' where case_id = ?", cases.get(0));
        jdbc.update("update overdue_case set subject = 'mark' where case_id = ?", cases.get(0));
        jdbc.update("update escalation_entry set leader = 'mark'");
        jdbc.update("update backlog_case set subject = 'mark'");
    }

    /** Per view, 1 while a mark is left in it, 0 when none is. */
    Map<String, Integer> marks() {
        return Map.of(
                "ledger", marked("select count(*) from ledger_case where remark = 'mark'"),
                "overdue", marked("select count(*) from overdue_case where subject = 'mark'"),
                "escalations", marked("select count(*) from escalation_entry where leader = 'mark'"),
                "backlog", marked("select count(*) from backlog_case where subject = 'mark'"));
    }

    int count(String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }

    int marked(String sql) {
        return Math.min(1, count(sql));
    }

    @Test
    @Order(1)
    @DisplayName("一次重建全部视图：逐行一致，每个视图各记一条管理审计")
    void everyViewInOnePassGivesTheSameRows() throws IOException {
        Map<String, List<Map<String, Object>>> before = rows();
        // the ledger's counts per unit and status, kept by the processors: six cases of town signed, the even ones accepted
        assertThat(ledgerCounts()).isEqualTo(Map.of("town/SIGNED", 3L, "town/ACCEPTED", 3L));
        mark();
        jdbc.update("update ledger_case_count set cases = cases + 100");
        int audits = count("select count(*) from admin_audit where action = 'rebuild-projection'");
        LedgerInterceptor.SEEN_IN_PASS.set(0);

        Api.Res started = api.post("admin", "/api/admin/projections/rebuild", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        List<String> names = new ArrayList<>();
        started.body().forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactlyElementsOf(VIEWS);

        awaitCaughtUp();
        assertSameRows(before, rows());
        assertThat(ledgerCounts()).as("the counts kept by the pass").isEqualTo(Map.of("town/SIGNED", 3L, "town/ACCEPTED", 3L));
        assertThat(marks()).as("every view was reset").containsOnlyKeys(VIEWS).allSatisfy((v, n) -> assertThat(n).as(v).isZero());
        // the pass applies the processor's interceptors around each event it hands the view; it hands a view the events
        // of the types the view has handlers for, and the ledger has one for every type this script records
        assertThat(LedgerInterceptor.SEEN_IN_PASS.get()).isEqualTo(count("select count(*) from domainevententry"));
        // each view's token, every segment, at the store's last event, the escalations view's included
        long last = count("select max(globalindex) from domainevententry");
        for (String view : VIEWS) {
            assertThat(List.of(tokenIndex(view, 0), tokenIndex(view, 1))).as(view).containsOnly(last);
        }
        List<Map<String, Object>> audit = jdbc.queryForList("select actor, target, detail from admin_audit "
                + "where action = 'rebuild-projection' order by id offset " + audits);
        assertThat(audit).extracting(r -> r.get("target")).containsExactlyElementsOf(VIEWS);
        assertThat(audit).allSatisfy(r -> {
            assertThat(r.get("actor")).isEqualTo("admin");
            assertThat((String) r.get("detail")).contains("in one pass with");
        });
    }

    @Test
    @Order(2)
    @DisplayName("只重建点名的视图，其余不动")
    void onlyTheNamedViewsAreRebuilt() {
        Map<String, List<Map<String, Object>>> before = rows();
        mark();
        Api.Res started = api.post("admin", "/api/admin/projections/rebuild?names=ledger,escalations", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.body().findValuesAsText("name")).containsExactly("ledger", "escalations");
        awaitCaughtUp();
        assertThat(marks()).isEqualTo(Map.of("ledger", 0, "overdue", 1, "escalations", 0, "backlog", 1));
        assertThat(rows().get("ledger")).isEqualTo(before.get("ledger"));
        assertThat(rows().get("escalations")).isEqualTo(before.get("escalations"));
        // the other two, named the other way (repeated parameter): their marks go too
        assertThat(api.post("admin", "/api/admin/projections/rebuild?names=overdue&names=backlog", null).status()).isEqualTo(202);
        awaitCaughtUp();
        assertThat(marks()).isEqualTo(Map.of("ledger", 0, "overdue", 0, "escalations", 0, "backlog", 0));
        assertSameRows(before, rows());
    }

    @Test
    @Order(3)
    @DisplayName("列表中有不存在的视图：404，什么都不重置")
    void aNameThatIsNoViewResetsNothing() {
        String remark = jdbc.queryForObject("select remark from ledger_case where case_id = ?", String.class, cases.get(0));
        jdbc.update("update ledger_case set remark = 'mark' where case_id = ?", cases.get(0));
        Api.Res refused = api.post("admin", "/api/admin/projections/rebuild?names=ledger&names=nope", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(refused.body().get("code").asText()).isEqualTo("projection-not-found");
        assertThat(refused.body().get("detailEn").asText()).contains("nope").contains("ledger, overdue, escalations, backlog");
        assertThat(marked("select count(*) from ledger_case where remark = 'mark'")).isEqualTo(1);
        assertThat(api.post("supervisor", "/api/admin/projections/rebuild", null).status()).isEqualTo(403);
        jdbc.update("update ledger_case set remark = ? where case_id = ?", remark, cases.get(0));
    }

    @Test
    @Order(4)
    @DisplayName("重建进行中再次重建：仍答 202，结果一致")
    void aRebuildWhileOneRunsStartsAgainFromTheBeginning() {
        awaitCaughtUp();
        Map<String, List<Map<String, Object>>> before = rows();
        assertThat(api.post("admin", "/api/admin/projections/rebuild", null).status()).isEqualTo(202);
        assertThat(api.post("admin", "/api/admin/projections/ledger/rebuild", null).status()).isEqualTo(202);
        awaitCaughtUp();
        assertSameRows(before, rows());
    }

    @Test
    @Order(9)
    @DisplayName("某批失败：之前各批连同令牌已提交，视图停在该令牌，修复后可重建")
    void aFailingBatchLeavesEveryViewCompleteUpToTheTokenBeforeIt() throws IOException {
        awaitCaughtUp();
        Map<String, List<Map<String, Object>>> before = rows();
        // the registration of the fifth case, unreadable: the batch that holds it fails in the pass
        long failing = position(cases.get(4), 0);
        byte[] payload = jdbc.queryForObject("select payload from domainevententry where globalindex = ?", byte[].class, failing);
        jdbc.update("update domainevententry set payload = ? where globalindex = ?", "{\"caseId\"".getBytes(StandardCharsets.UTF_8),
                failing);
        try {
            assertThat(api.post("admin", "/api/admin/projections/rebuild?names=ledger,overdue", null).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofMillis(100)).untilAsserted(() -> {
                JsonNode st = api.get("admin", "/api/admin/projections/ledger/rebuild").body();
                assertThat(st.get("error").asBoolean()).as(st.toString()).isTrue();
            });
            for (String view : List.of("ledger", "overdue")) {
                // the last batch the pass committed ends before the failing event, at most a batch before it. The
                // view's processor then goes on from there: the segment the failing case belongs to stops at it, the
                // other one may go past it.
                long stuck = Math.min(tokenIndex(view, 0), tokenIndex(view, 1));
                assertThat(stuck).as(view).isLessThan(failing).isGreaterThanOrEqualTo(failing - BATCH);
            }
            long committed = Math.min(tokenIndex("ledger", 0), tokenIndex("ledger", 1));
            // every case registered up to the token is in the ledger, the failing one is not
            assertThat(jdbc.queryForList("select case_id from ledger_case", String.class)).containsAll(jdbc.queryForList(
                    "select aggregateidentifier from domainevententry where sequencenumber = 0 and globalindex <= ? "
                            + "and payloadtype like '%PetitionRegisteredEvent'", String.class, committed))
                    .doesNotContain(cases.get(4));
        } finally {
            jdbc.update("update domainevententry set payload = ? where globalindex = ?", payload, failing);
        }
        // repaired, a rebuild brings every row back
        assertThat(api.post("admin", "/api/admin/projections/rebuild?names=ledger,overdue", null).status()).isEqualTo(202);
        awaitCaughtUp();
        assertSameRows(before, rows());
    }

    long position(String caseId, long sequence) {
        Long p = jdbc.queryForObject("select globalindex from domainevententry where aggregateidentifier = ? and sequencenumber = ?",
                Long.class, caseId, sequence);
        return p == null ? -1 : p;
    }

    /** The position a view's segment token holds (a plain gap-aware token, as the pass stores it). */
    long tokenIndex(String view, int segment) throws IOException {
        Map<String, Object> row = jdbc.queryForMap("select tokentype, token from tokenentry where processorname = ? and segment = ?",
                view, segment);
        assertThat((String) row.get("tokentype")).endsWith("GapAwareTrackingToken");
        return new ObjectMapper().readTree((byte[]) row.get("token")).get("index").asLong();
    }
}
