package cn.xinfang.petition.app.process;

import cn.xinfang.petition.api.*;
import cn.xinfang.petition.api.command.RecordTimeLimitBreachCommand;
import cn.xinfang.petition.api.command.RegisterPetitionCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One command through the real wiring: event store, saga store and persistent deadlines in the database. */
@SpringBootTest
class AxonWiringTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void aRegisteredCaseIsStoredAndItsDeadlinesArePersisted() {
        CaseId id = CaseId.newId();
        commands.sendAndWait(new RegisterPetitionCommand(id, "2026-000001", Track.SIMPLE, Channel.VISIT, Category.COMPLAINT,
                new Petitioner("张三", null, "13812345678", null), 1, "道路维修", "村道损坏", "town", null,
                new Actor("handler", "town", Role.HANDLER), null, clock.instant()));

        List<String> types = events.readEvents(id.value()).asStream().map(m -> m.getPayloadType().getSimpleName()).toList();
        // the registration, and the SIGN and NOTIFY (书面告知) limits
        assertThat(types).containsExactly("PetitionRegisteredEvent", "TimeLimitStartedEvent", "TimeLimitStartedEvent");
        String payload = jdbc.queryForObject("select payload from domainevententry where aggregateidentifier = ? and sequencenumber = 0",
                (rs, i) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8), id.value());
        assertThat(payload).contains("\"caseNo\":\"2026-000001\"").doesNotContain("XStream");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select count(*) from sagaentry", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'AxonDeadline'", Integer.class))
                    .as("a warning and a due deadline for SIGN and for NOTIFY").isEqualTo(4);
        });

        commands.sendAndWait(new RecordTimeLimitBreachCommand(id, Stage.SIGN, clock.instant(), clock.instant()));
        assertThat(events.readEvents(id.value()).asStream().count()).isEqualTo(3);
    }
}
