package cn.xinfang.petition.projection.ledger;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.TransferKind;
import cn.xinfang.petition.api.event.PetitionTransferredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.xinfang.petition.projection.ledger.LedgerAndOverdueBatchTest.at;
import static cn.xinfang.petition.projection.ledger.LedgerAndOverdueBatchTest.fiveRegistered;
import static cn.xinfang.petition.projection.ledger.LedgerAndOverdueBatchTest.fiveStarted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's counts per unit and status ({@code ledger_case_count}), kept with the rows they count,
 * and the ledger's total read from them (issue 18: the ledger page of all units counted every case).
 * The expected counts are worked out by hand from the events: five cases registered in {@code town};
 * the first three signed, the first two of them accepted (see {@link LedgerAndOverdueBatchTest#fiveStarted}).
 */
class LedgerCaseCountsTest {

    static final Actor TOWN_HANDLER = new Actor("handler", "town", Role.HANDLER);

    LedgerAndOverdueBatchTest views;

    @BeforeEach
    void setUp() {
        views = LedgerAndOverdueBatchTest.fresh();
    }

    /** The counts with a case in them, as "unit/status" → cases. */
    static Map<String, Long> counts(LedgerAndOverdueBatchTest views) {
        Map<String, Long> counts = new TreeMap<>();
        views.jdbc.query("select unit, status, cases from ledger_case_count where cases <> 0",
                rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                });
        return counts;
    }

    static final Map<String, Long> AFTER_FIVE_STARTED = Map.of("town/REGISTERED", 2L, "town/SIGNED", 1L, "town/ACCEPTED", 2L);

    static PetitionTransferredEvent transfer(String caseId, String toUnit) {
        return new PetitionTransferredEvent(new CaseId(caseId), "town", toUnit, "属地", TransferKind.TRANSFER, null, TOWN_HANDLER,
                at("2024-03-05T09:00"), at("2024-03-05T09:00"));
    }

    @Test
    @DisplayName("按单位与状态的件数：在一个批次内、逐个处理、每个处理两次，结果相同，按手工给定")
    void theCountsAreTheSameInOneBatchOneByOneAndTwice() {
        views.handle(fiveRegistered(), 0, 1, true);
        assertThat(counts(views)).isEqualTo(Map.of("town/REGISTERED", 5L));
        views.handle(fiveStarted(), 5, 1, true);
        assertThat(counts(views)).isEqualTo(AFTER_FIVE_STARTED);

        LedgerAndOverdueBatchTest single = LedgerAndOverdueBatchTest.fresh();
        single.handle(fiveRegistered(), 0, 1, false);
        single.handle(fiveStarted(), 5, 1, false);
        assertThat(counts(single)).isEqualTo(AFTER_FIVE_STARTED);

        LedgerAndOverdueBatchTest twice = LedgerAndOverdueBatchTest.fresh();
        twice.handle(fiveRegistered(), 0, 2, false);
        twice.handle(fiveStarted(), 5, 2, false);
        assertThat(counts(twice)).isEqualTo(AFTER_FIVE_STARTED);

        LedgerAndOverdueBatchTest together = LedgerAndOverdueBatchTest.fresh();
        List<Object> history = new java.util.ArrayList<>(fiveRegistered());
        history.addAll(fiveStarted());
        together.handle(history, 0, 2, true);
        assertThat(counts(together)).isEqualTo(AFTER_FIVE_STARTED);
    }

    @Test
    @DisplayName("转送改变单位与状态：原单位原状态减一，新单位登记状态加一；批次内与逐个处理相同")
    void aTransferMovesTheCaseToTheOtherUnitsCount() {
        views.handle(fiveRegistered(), 0, 1, true);
        views.handle(fiveStarted(), 5, 1, true);
        // case-m3 is SIGNED, case-m4 REGISTERED: both leave town for village-1, registered there anew
        views.handle(List.of(transfer("case-m3", "village-1"), transfer("case-m4", "village-1")), 20, 1, true);
        assertThat(counts(views)).isEqualTo(Map.of("town/REGISTERED", 1L, "town/ACCEPTED", 2L, "village-1/REGISTERED", 2L));

        LedgerAndOverdueBatchTest single = LedgerAndOverdueBatchTest.fresh();
        single.handle(fiveRegistered(), 0, 1, false);
        single.handle(fiveStarted(), 5, 1, false);
        single.handle(List.of(transfer("case-m3", "village-1"), transfer("case-m4", "village-1")), 20, 2, false);
        assertThat(counts(single)).isEqualTo(Map.of("town/REGISTERED", 1L, "town/ACCEPTED", 2L, "village-1/REGISTERED", 2L));
    }

    @Test
    @DisplayName("登记事件在后一批次重放到已更新的台账行：状态回到登记，件数随之而变")
    void aRegistrationReplayedOverUpdatedRowsMovesTheCountsWithTheRows() {
        views.handle(fiveRegistered(), 0, 1, true);
        views.handle(fiveStarted(), 5, 1, true);
        views.handle(fiveRegistered(), 18, 1, true);
        // the registration sets the status again: the five rows say REGISTERED, and so do the counts
        assertThat(views.jdbc.queryForObject("select count(*) from ledger_case where status = 'REGISTERED'", Long.class)).isEqualTo(5L);
        assertThat(counts(views)).isEqualTo(Map.of("town/REGISTERED", 5L));
    }

    @Test
    @DisplayName("重置后件数清空；台账总数按件数表：全部、按单位、按状态、按单位与状态；其他筛选逐行计数")
    void theLedgersTotalComesFromTheCountsAndAResetEmptiesThem() {
        views.handle(fiveRegistered(), 0, 1, true);
        views.handle(fiveStarted(), 5, 1, true);
        views.handle(List.of(transfer("case-m4", "village-1")), 20, 1, true);
        LedgerQueries queries = new LedgerQueries(views.jdbc);

        assertThat(queries.find(query(null, null, null)).total()).isEqualTo(5);
        assertThat(queries.find(query("town", null, null)).total()).isEqualTo(4);
        assertThat(queries.find(query("village-1", null, null)).total()).isEqualTo(1);
        assertThat(queries.find(query(null, "ACCEPTED", null)).total()).isEqualTo(2);
        assertThat(queries.find(query("town", "REGISTERED", null)).total()).isEqualTo(1);
        assertThat(queries.find(query("village-2", null, null)).total()).isZero();
        // a filter the counts do not have: the rows are counted (all five are GENERAL, none SIMPLE)
        assertThat(queries.find(query(null, null, "GENERAL")).total()).isEqualTo(5);
        assertThat(queries.find(query(null, null, "SIMPLE")).total()).isZero();
        assertThat(queries.find(query(null, null, null)).items()).hasSize(5);

        // a total from the counts, not from the rows: a count changed by hand shows in it
        views.jdbc.update("update ledger_case_count set cases = cases + 100 where unit = 'town' and status = 'ACCEPTED'");
        assertThat(queries.find(query(null, null, null)).total()).isEqualTo(105);
        assertThat(queries.find(query(null, null, "GENERAL")).total()).isEqualTo(5);

        views.ledger.reset();
        assertThat(counts(views)).isEmpty();
        assertThat(queries.find(query(null, null, null)).total()).isZero();
    }

    static FindLedgerQuery query(String unit, String status, String track) {
        return new FindLedgerQuery(unit, status, track, null, null, null, null, null, at("2024-04-01T09:00"), true, 0, 50);
    }
}
