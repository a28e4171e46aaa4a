package cn.xinfang.petition.app.persons;

import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.app.support.Api;
import cn.xinfang.petition.app.support.SegmentClaims;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person registry is written in the transaction that records the event: right after a 201 the
 * registry holds the case, and the next registration of the same person finds it (重复访) without
 * waiting for any processor. A token left by the tracking processor the registry once was is caught
 * up with and deleted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonRegistryProcessingTest {

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TokenStore tokens;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    PersonRegistryCatchUp catchUp;
    @Autowired
    PersonRegistry registry;

    Api api;
    TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tx = new TransactionTemplate(transactionManager);
    }

    @AfterEach
    void noTokenLeft() {
        jdbc.update("delete from tokenentry where processorname = ?", PersonRegistry.NAME);
    }

    static String phone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    String register(String phone, String subject) {
        Api.Res r = api.post("handler", "/api/cases", """
                {"track":"GENERAL","channel":"VISIT","category":"COMPLAINT",
                 "petitioner":{"name":"钱七","phone":"%s"},
                 "headcount":1,"subject":"%s","content":"反映问题","unit":"town"}
                """.formatted(phone, subject));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().get("id").asText();
    }

    @Test
    @DisplayName("登记后立即可查：信访人台账在记录事件的同一事务中写入，紧接着的重复访登记无需等待即可识别")
    void theRegistryHoldsACaseAsSoonAsItIsRecorded() {
        assertThat(processing.eventProcessor(PersonRegistry.NAME)).get().isInstanceOf(SubscribingEventProcessor.class);
        String phone = phone();
        String first = register(phone, "拖欠工资 李四工地");

        // no waiting: the 201 came after the registry's rows were committed
        JsonNode found = api.get("supervisor", "/api/persons?q=" + phone).body();
        assertThat(found.size()).as(found.toString()).isEqualTo(1);
        assertThat(found.get(0).get("caseIds").toString()).isEqualTo("[\"" + first + "\"]");

        Api.Res second = api.post("handler", "/api/cases", """
                {"track":"GENERAL","channel":"VISIT","category":"COMPLAINT",
                 "petitioner":{"name":"钱七","phone":"%s"},
                 "headcount":1,"subject":"李四工地拖欠工资问题","content":"反映问题","unit":"town"}
                """.formatted(phone));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.body().get("repeatOf").toString()).isEqualTo("[\"" + first + "\"]");
    }

    @Test
    @DisplayName("升级：旧追踪处理器令牌之后的事件（且仅这些）补入信访人台账，令牌随后删除；没有令牌时什么也不做")
    void eventsAfterTheOldTrackingTokenAreHandedToTheRegistryOnce() {
        assertThat(catchUp.catchUp()).isEqualTo(-1);

        String phone = phone();
        String earlier = register(phone, "宅基地纠纷");
        String later = register(phone, "道路积水");
        // as if the tracking processor had stopped between the two registrations, with both rows gone:
        // only the later one is after its token, so only the later one comes back
        jdbc.update("delete from person_case where case_id in (?, ?)", earlier, later);
        assertThat(caseIds(phone)).isEqualTo("[]");
        tx.executeWithoutResult(s -> tokens.initializeTokenSegments(PersonRegistry.NAME, 1,
                GapAwareTrackingToken.newInstance(registration(later) - 1, Set.of())));

        int handled = catchUp.catchUp();

        assertThat(handled).isPositive();
        assertThat(caseIds(phone)).isEqualTo("[\"" + later + "\"]");
        assertThat(jdbc.queryForObject("select count(*) from tokenentry where processorname = ?", Integer.class, PersonRegistry.NAME))
                .isZero();
        // once only: without the token, a second start finds nothing to do and the rows stay as they are
        assertThat(catchUp.catchUp()).isEqualTo(-1);
        assertThat(caseIds(phone)).isEqualTo("[\"" + later + "\"]");
    }

    @Test
    @DisplayName("升级：重放中的令牌（ReplayToken）从其已到达的位置补起；令牌被另一节点占用时不变，之后重试补齐")
    void aReplayTokenIsReadAtItsPositionAndATokenHeldElsewhereIsRetried() {
        String phone = phone();
        String caseId = register(phone, "土地承包纠纷");
        jdbc.update("delete from person_case where case_id = ?", caseId);
        long position = registration(caseId);
        TrackingToken head = GapAwareTrackingToken.newInstance(position + 1_000, Set.of());
        tx.executeWithoutResult(s -> tokens.initializeTokenSegments(PersonRegistry.NAME, 1,
                ReplayToken.createReplayToken(head, GapAwareTrackingToken.newInstance(position - 1, Set.of()))));
        SegmentClaims.claimAsAnotherNode(jdbc, PersonRegistry.NAME, 0);

        assertThat(catchUp.attempt()).isFalse();
        assertThat(caseIds(phone)).isEqualTo("[]");
        assertThat(jdbc.queryForObject("select count(*) from tokenentry where processorname = ?", Integer.class, PersonRegistry.NAME))
                .isEqualTo(1);

        SegmentClaims.release(jdbc, PersonRegistry.NAME, 0);
        assertThat(catchUp.attempt()).isTrue();
        assertThat(caseIds(phone)).isEqualTo("[\"" + caseId + "\"]");
        assertThat(jdbc.queryForObject("select count(*) from tokenentry where processorname = ?", Integer.class, PersonRegistry.NAME))
                .isZero();
    }

    @Test
    @DisplayName("同一新信访人的两次登记同时进行（各在自己的事务中）：后到的等前者提交，不因主键冲突失败")
    void twoRecordsOfANewPersonAtOnceDoNotFailOnItsKey() throws Exception {
        Petitioner p = new Petitioner("吴十一", null, phone(), null);
        CountDownLatch firstInserted = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> tx.executeWithoutResult(s -> {
                registry.recordVisit(p, "race-visit-1", "VISIT", Instant.parse("2026-11-02T00:00:00Z"));
                firstInserted.countDown();
                sleep(500); // the second runs into the uncommitted row meanwhile
            }));
            var second = two.submit(() -> {
                firstInserted.await();
                tx.executeWithoutResult(s -> registry.recordVisit(p, "race-visit-2", "VISIT",
                        Instant.parse("2026-11-03T00:00:00Z")));
                return null;
            });
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            two.shutdownNow();
        }
        String personId = jdbc.queryForObject("select person_id from person_visit where visit_id = 'race-visit-1'", String.class);
        assertThat(jdbc.queryForObject("select person_id from person_visit where visit_id = 'race-visit-2'", String.class))
                .isEqualTo(personId);
        assertThat(jdbc.queryForObject("select count(*) from person where person_id = ?", Integer.class, personId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select updated_at from person where person_id = ?", Timestamp.class, personId)
                .toInstant()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The global position of the case's registration event. */
    private long registration(String caseId) {
        return jdbc.queryForObject("select globalindex from domainevententry where aggregateidentifier = ? and sequencenumber = 0",
                Long.class, caseId);
    }

    private String caseIds(String phone) {
        JsonNode found = api.get("supervisor", "/api/persons?q=" + phone).body();
        return found.isEmpty() ? "" : found.get(0).get("caseIds").toString();
    }
}
