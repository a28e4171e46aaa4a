package cn.xinfang.petition.app.config;

import cn.xinfang.petition.api.SatisfactionSource;
import cn.xinfang.petition.api.TransferKind;
import cn.xinfang.petition.api.event.PetitionResolvedEvent;
import cn.xinfang.petition.api.event.PetitionTransferredEvent;
import cn.xinfang.petition.api.event.TimeLimitExtendedEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revision 1 payloads, as the previous release stored them, are read as the current events: the
 * upcasters fill what the old revision meant (a transfer was a transfer; no rating source was kept).
 */
@SpringBootTest
class EventUpcastersTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore events;

    void store(String caseId, long seq, Class<?> type, String json) {
        jdbc.update("insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, "
                        + "payloadrevision, payloadtype, timestamp) values (?, ?, 'PetitionCase', ?, ?, ?, '1', ?, ?)",
                caseId, seq, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8),
                type.getName(), "2026-11-28T02:00:00Z");
    }

    @Test
    @DisplayName("旧版本的转送、延期、办结事件按当前结构读取")
    void revisionOnePayloadsAreUpcast() {
        String id = UUID.randomUUID().toString();
        store(id, 0, PetitionTransferredEvent.class, """
                {"caseId":{"value":"%s"},"fromUnit":"town","toUnit":"village-1","reason":"属地管理","returnableUntil":"2026-12-04T09:30:00Z",
                 "actor":{"userId":"handler","unit":"town","role":"HANDLER"},"occurredAt":"2026-11-27T02:00:00Z",
                 "recordedAt":"2026-11-27T02:00:00Z"}""".formatted(id));
        store(id, 1, TimeLimitExtendedEvent.class, """
                {"caseId":{"value":"%s"},"stage":"CONCLUDE","extension":{"amount":10,"unit":"CALENDAR_DAYS"},"reason":"复杂",
                 "previousDue":"2027-01-26T09:30:00Z",
                 "timeLimit":{"stage":"CONCLUDE","start":"2026-11-27T02:00:00Z","limit":{"amount":60,"unit":"CALENDAR_DAYS"},
                  "extensions":[{"amount":10,"unit":"CALENDAR_DAYS"}],"due":"2027-02-05T09:30:00Z","warning":"2027-02-01T09:30:00Z",
                  "rule":"GENERAL.CONCLUDE","policyId":"xinfang-2022","policyVersion":1},
                 "actor":{"userId":"supervisor","unit":null,"role":"SUPERVISOR"},
                 "occurredAt":"2026-11-27T03:00:00Z","recordedAt":"2026-11-27T03:00:00Z"}""".formatted(id));
        store(id, 2, PetitionResolvedEvent.class, """
                {"caseId":{"value":"%s"},"summary":"已化解","satisfaction":"SATISFIED",
                 "actor":{"userId":"handler","unit":"town","role":"HANDLER"},"occurredAt":"2026-11-27T04:00:00Z",
                 "recordedAt":"2026-11-27T04:00:00Z"}""".formatted(id));
        store(id, 3, PetitionResolvedEvent.class, """
                {"caseId":{"value":"%s"},"summary":"已化解","satisfaction":null,
                 "actor":{"userId":"handler","unit":"town","role":"HANDLER"},"occurredAt":"2026-11-27T05:00:00Z",
                 "recordedAt":"2026-11-27T05:00:00Z"}""".formatted(id));
        List<Object> payloads = events.readEvents(id).asStream().map(m -> (Object) m.getPayload()).toList();
        PetitionTransferredEvent t = (PetitionTransferredEvent) payloads.get(0);
        assertThat(t.kind()).isEqualTo(TransferKind.TRANSFER);
        assertThat(t.toUnit()).isEqualTo("village-1");
        TimeLimitExtendedEvent e = (TimeLimitExtendedEvent) payloads.get(1);
        assertThat(e.approvedBy()).isNull();
        assertThat(e.petitionerToldAt()).isNull();
        // previous due 2027-01-26 + 10 calendar days, as the revision-1 payload stored it
        assertThat(e.timeLimit().due()).isEqualTo(java.time.Instant.parse("2027-02-05T09:30:00Z"));
        assertThat(((PetitionResolvedEvent) payloads.get(2)).satisfactionSource()).isNull();
        assertThat(((PetitionResolvedEvent) payloads.get(3)).satisfactionSource()).isEqualTo(SatisfactionSource.NOT_GIVEN);
    }
}
