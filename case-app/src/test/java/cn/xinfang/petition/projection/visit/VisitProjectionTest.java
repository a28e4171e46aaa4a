package cn.xinfang.petition.projection.visit;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Channel;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.TransferKind;
import cn.xinfang.petition.api.event.PetitionRegisteredEvent;
import cn.xinfang.petition.api.event.PetitionTransferredEvent;
import cn.xinfang.petition.api.visit.*;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The visit read model is idempotent: every event handled twice leaves the rows it leaves once. */
@SpringBootTest(classes = cn.xinfang.petition.app.CaseApplication.class)
class VisitProjectionTest {

    static final Instant T = Instant.parse("2024-01-08T02:00:00Z");
    static final Actor HANDLER = new Actor("handler", "town", Role.HANDLER);
    static final Petitioner P = new Petitioner("张三", "11010519491231002X", "13812345678", "一村三组");
    static final LocalDate D = LocalDate.parse("2024-01-08");

    @Autowired
    VisitProjection projection;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyEventTwiceLeavesTheSameRows() {
        VisitDetails first = new VisitDetails(D, List.of("handler", "leader"), P, "一村三组", "诉求", null, null);
        VisitDetails corrected = new VisitDetails(D.plusDays(1), List.of("leader"), P, "一村三组", "诉求（更正）", "已化解", "备注");
        List<Consumer<VisitProjection>> events = List.of(
                p -> p.on(new VisitRecordedEvent("pv1", "2024-0001", "town", first, HANDLER, T)),
                p -> p.on(new VisitCorrectedEvent("pv1", "town", corrected, HANDLER, T.plusSeconds(60))),
                p -> p.on(new VisitCaseLinkedEvent("pv1", "town", "pc1", HANDLER, T.plusSeconds(120))),
                p -> p.on(new RotaGeneratedEvent("town", D, D.plusDays(1), List.of(new RotaEntry(D, "leader", null),
                        new RotaEntry(D.plusDays(1), "handler", null)), "v", HANDLER, T)),
                p -> p.on(new RotaDaySwappedEvent("town", D, "leader", "supervisor", "外出", HANDLER, T)),
                p -> p.on(new ReceptionRecordedEvent("pr1", "town", D, "leader", ReceptionKind.RECEPTION, P, 2, "诉求", HANDLER, T)),
                p -> p.on(new ReceptionCaseLinkedEvent("pr1", "town", "pc2", HANDLER, T)),
                p -> p.on(new PetitionRegisteredEvent(new CaseId("pc1"), "2024-000001", Track.SIMPLE, Channel.FIELD_VISIT, Category.COMPLAINT,
                        P, 1, false, "s", "c", "town", "town", null, null, null, HANDLER, T, T, "pv1", null, null, null)),
                p -> p.on(new PetitionTransferredEvent(new CaseId("pc1"), "town", "village-1", "属地", TransferKind.TRANSFER, T, HANDLER,
                        T, T)));
        List<List<String>> once = new ArrayList<>();
        for (Consumer<VisitProjection> e : events) {
            e.accept(projection);
            once.add(snapshot());
            e.accept(projection);
            assertThat(snapshot()).isEqualTo(once.get(once.size() - 1));
        }
        List<String> rows = once.get(once.size() - 1);
        assertThat(String.join("\n", rows)).contains("pv1", "诉求（更正）", "已化解", "pc1", "supervisor", "外出", "pr1", "pc2", "village-1");
    }

    List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("visit_entry", "visit_visitor", "rota_entry", "reception_entry", "visit_case_person")) {
            jdbc.queryForList("select * from " + table).forEach(r -> rows.add(table + " " + new java.util.TreeMap<>(r)));
        }
        rows.sort(String::compareTo);
        return rows;
    }
}
