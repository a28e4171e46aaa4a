package cn.xinfang.petition.app.process;

import cn.xinfang.petition.api.*;
import cn.xinfang.petition.api.command.RecordTimeLimitBreachCommand;
import cn.xinfang.petition.api.command.RegisterPetitionCommand;
import cn.xinfang.petition.api.command.SignPetitionCommand;
import cn.xinfang.petition.app.CaseApplication;
import cn.xinfang.petition.app.support.PerClassDatabase;
import cn.xinfang.petition.time.BusinessTime;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines survive a restart: a stage due a few seconds ahead, the service stopped before it is
 * due and started again after; the breach is recorded exactly once and the escalation follows.
 * To have a limit run out within seconds whatever day the test runs, the service counts every
 * day as a working day (an operator calendar that makes each weekend day a make-up working day)
 * and works 00:00–23:59.
 */
class DeadlineRestartTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path dir;

    final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void closeAll() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    ConfigurableApplicationContext start(Path calendar) {
        List<String> props = new ArrayList<>(List.of(PerClassDatabase.properties(PerClassDatabase.databaseName(getClass()))));
        props.addAll(List.of("server.port=0", "spring.main.banner-mode=off", "db-scheduler.polling-interval=500ms",
                "cases.time.working-hours=00:00-23:59", "cases.time.calendar-file=" + calendar));
        // command-line arguments: they take precedence over application.yml (builder properties would not)
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CaseApplication.class)
                .run(props.stream().map(p -> "--" + p).toArray(String[]::new));
        contexts.add(ctx);
        return ctx;
    }

    /** A calendar for this year and the next with no holidays and every weekend day a make-up working day. */
    static Path everyDayWorks() throws IOException {
        return cn.xinfang.petition.app.support.EveryDayWorks.write(dir.resolve("every-day-works.json"));
    }

    /** The occurrence time whose 2-working-hour limit runs out exactly at {@code target}. */
    static Instant startFor(BusinessTime time, Instant target) {
        Instant start = target.minus(Duration.ofHours(2));
        for (int i = 0; i < 10; i++) {
            Instant due = time.addWorkingTime(start, Duration.ofHours(2));
            if (due.equals(target)) {
                return start;
            }
            start = start.plus(Duration.between(due, target));
        }
        throw new IllegalStateException("no start found for " + target);
    }

    static long count(EventStore store, CaseId id, Class<?> type) {
        return store.readEvents(id.value()).asStream().filter(m -> m.getPayloadType().equals(type)).count();
    }

    @Test
    @DisplayName("服务重启后期限照常触发：超期只记录一次，随后提级")
    void aDeadlineDueWhileTheServiceIsDownFiresOnceAfterRestart() throws IOException {
        Path calendar = everyDayWorks();
        ConfigurableApplicationContext first = start(calendar);
        BusinessTime time = first.getBean(BusinessTime.class);
        CommandGateway commands = first.getBean(CommandGateway.class);
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);

        // the next whole minute at least 15 s ahead: due instants are whole minutes
        Instant due = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant signedAt = startFor(time, due);
        CaseId id = CaseId.newId();
        Actor handler = new Actor("handler", "town", Role.HANDLER);
        commands.sendAndWait(new RegisterPetitionCommand(id, "2026-000100", Track.SIMPLE, Channel.VISIT, Category.COMPLAINT,
                new Petitioner("王五", null, null, null), 1, "补录", "纸质台账补录", "town", null, handler,
                signedAt.minusSeconds(60), Instant.now()));
        commands.sendAndWait(new SignPetitionCommand(id, handler, signedAt, Instant.now()));

        // the saga has scheduled the ACCEPT due deadline in the database (its warning was already past)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select task_data from scheduled_tasks where task_name = 'AxonDeadline' and execution_time = ?",
                java.sql.Timestamp.from(due))).hasSize(1));
        assertThat(Instant.now()).isBefore(due);
        first.close();

        await().atMost(Duration.ofSeconds(90)).until(() -> Instant.now().isAfter(due.plusSeconds(2)));
        ConfigurableApplicationContext second = start(calendar);
        EventStore store = second.getBean(EventStore.class);
        // everything recorded before the restart is still there, over HTTP too
        cn.xinfang.petition.app.support.Api api = new cn.xinfang.petition.app.support.Api(
                Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
        var view = api.get("handler", "/api/cases/" + id);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body().get("caseNo").asText()).isEqualTo("2026-000100");
        assertThat(view.body().get("status").asText()).isEqualTo("SIGNED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count(store, id, cn.xinfang.petition.api.event.TimeLimitBreachedEvent.class)).isEqualTo(1);
            assertThat(count(store, id, cn.xinfang.petition.api.event.PetitionEscalatedEvent.class)).isEqualTo(1);
        });
        var breach = store.readEvents(id.value()).asStream()
                .filter(m -> m.getPayload() instanceof cn.xinfang.petition.api.event.TimeLimitBreachedEvent)
                .map(m -> (cn.xinfang.petition.api.event.TimeLimitBreachedEvent) m.getPayload()).findFirst().orElseThrow();
        assertThat(breach.stage()).isEqualTo(Stage.ACCEPT);
        assertThat(breach.due()).isEqualTo(due);

        // the same deadline firing again records nothing more
        CommandGateway again = second.getBean(CommandGateway.class);
        again.sendAndWait(new RecordTimeLimitBreachCommand(id, Stage.ACCEPT, due, Instant.now()));
        again.sendAndWait(new RecordTimeLimitBreachCommand(id, Stage.ACCEPT, due, Instant.now()));
        assertThat(count(store, id, cn.xinfang.petition.api.event.TimeLimitBreachedEvent.class)).isEqualTo(1);
        assertThat(count(store, id, cn.xinfang.petition.api.event.PetitionEscalatedEvent.class)).isEqualTo(1);
        assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from scheduled_tasks where task_name = 'AxonDeadline'", Integer.class))
                .as("only the written notice's warning and due remain scheduled (NOTIFY runs 15 days)").isEqualTo(2);
        assertThat(store.readEvents(id.value()).asStream().map(m -> m.getPayloadType().getSimpleName())
                .collect(Collectors.toList())).contains("TimeLimitWarningRaisedEvent");
    }
}
