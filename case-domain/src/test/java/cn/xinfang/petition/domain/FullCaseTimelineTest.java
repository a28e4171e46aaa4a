package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.event.PetitionResolvedEvent;
import cn.xinfang.petition.api.event.ReplyDeliveredEvent;
import cn.xinfang.petition.api.event.TimeLimitStartedEvent;
import cn.xinfang.petition.api.event.TimeLimitStoppedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static cn.xinfang.petition.domain.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole SIMPLE and a whole GENERAL case across a long holiday, step by step, with every time
 * limit's due instant worked out by hand from the 2024 State Council notice:
 * Spring Festival 2024-02-10..02-17 off, Sun 02-04 and Sun 02-18 make-up working days;
 * National Day 2024-10-01..10-07 off, Sun 09-29 and Sat 10-12 make-up working days.
 */
class FullCaseTimelineTest {

    /** Runs commands one after another, each on the history the previous ones produced. */
    static final class Timeline {
        final List<Object> history = new ArrayList<>();
        final Map<Stage, TimeLimit> started = new EnumMap<>(Stage.class);
        final Map<Stage, TimeLimitStoppedEvent> stopped = new EnumMap<>(Stage.class);

        Timeline run(Object... commands) {
            for (Object cmd : commands) {
                AggregateTestFixture<PetitionCase> f = new AggregateTestFixture<>(PetitionCase.class);
                f.registerInjectableResource(rules());
                f.registerInjectableResource(UNITS);
                PetitionCaseTest.Captured c = new PetitionCaseTest.Captured();
                (history.isEmpty() ? f.givenNoPriorActivity() : f.given(history)).when(cmd)
                        .expectSuccessfulHandlerExecution().expectEventsMatching(c);
                history.addAll(c.payloads);
                c.payloads.forEach(p -> {
                    if (p instanceof TimeLimitStartedEvent s) {
                        started.put(s.timeLimit().stage(), s.timeLimit());
                    } else if (p instanceof TimeLimitStoppedEvent s) {
                        stopped.put(s.stage(), s);
                    }
                });
            }
            return this;
        }
    }

    @Test
    @DisplayName("简易事项（225）跨春节全流程")
    void aSimpleCaseAcrossTheSpringFestival() {
        Timeline t = new Timeline().run(register(Track.SIMPLE, "2024-02-07T16:00"));
        // Wed 16:00: 90 min to 17:30, 30 min from Thu 08:30 → Thu 09:00
        assertThat(t.started.get(Stage.SIGN).due()).isEqualTo(at("2024-02-08T09:00"));

        t.run(sign("2024-02-08T08:45"));
        assertThat(t.stopped.get(Stage.SIGN).met()).isTrue();
        assertThat(t.started.get(Stage.ACCEPT).due()).isEqualTo(at("2024-02-08T10:45"));

        // 书面告知: 02-07 + 15 days = Thu 02-22, a working day
        assertThat(t.started.get(Stage.NOTIFY).due()).isEqualTo(at("2024-02-22T17:30"));

        t.run(accept("2024-02-08T10:00"), notifyAccepted("2024-02-08T11:00"));
        assertThat(t.stopped.get(Stage.NOTIFY).met()).isTrue();
        // Fri 02-09 is a working day: respond by its close
        assertThat(t.started.get(Stage.RESPOND).due()).isEqualTo(at("2024-02-09T17:30"));
        // 02-09 (1), Sun 02-18 make-up (2), 02-19 (3), 02-20 (4), 02-21 (5)
        assertThat(t.started.get(Stage.OPINION).due()).isEqualTo(at("2024-02-21T17:30"));
        assertThat(t.started.get(Stage.OPINION).warning()).isEqualTo(at("2024-02-20T15:45"));
        assertThat(t.started.get(Stage.MEET_HANDLING).due()).isEqualTo(at("2024-02-21T17:30"));
        // 02-08 + 60 days = 04-08 (Mon, a working day; Qingming is 04-04..04-06)
        assertThat(t.started.get(Stage.CONCLUDE).due()).isEqualTo(at("2024-04-08T17:30"));

        t.run(respond("2024-02-09T09:00"), meet(MeetingKind.HANDLING, "2024-02-18T10:00"), opinion("2024-02-19T10:00"));
        assertThat(t.stopped.get(Stage.RESPOND).met()).isTrue();
        assertThat(t.stopped.get(Stage.OPINION).met()).isTrue();
        // 02-20 (1), 02-21 (2), 02-22 (3)
        assertThat(t.started.get(Stage.MEET_CONCLUSION).due()).isEqualTo(at("2024-02-22T17:30"));

        t.run(meet(MeetingKind.CONCLUSION, "2024-02-23T09:00"), deliver("2024-02-23T09:30"), resolve("2024-02-23T10:00"));
        assertThat(t.stopped.get(Stage.MEET_CONCLUSION).met()).isFalse(); // a day late
        // CONCLUDE stops when the reply reaches the petitioner (送达), not at the resolution
        assertThat(t.stopped.get(Stage.CONCLUDE).met()).isTrue();
        assertThat(t.stopped.get(Stage.CONCLUDE).occurredAt()).isEqualTo(at("2024-02-23T09:30"));
        // a review may be requested for 30 days: 02-23 + 30 = 03-24, a Sunday → Mon 03-25 (2024 is a leap year)
        ReplyDeliveredEvent delivered = t.history.stream().filter(ReplyDeliveredEvent.class::isInstance)
                .map(ReplyDeliveredEvent.class::cast).findFirst().orElseThrow();
        assertThat(delivered.reviewRequestDeadline()).isEqualTo(at("2024-03-25T17:30"));
        assertThat(t.history).last().isInstanceOf(PetitionResolvedEvent.class);
    }

    @Test
    @DisplayName("一般事项（510）跨国庆全流程")
    void aGeneralCaseAcrossNationalDay() {
        Timeline t = new Timeline().run(register(Track.GENERAL, "2024-09-27T10:00"));
        assertThat(t.started).doesNotContainKey(Stage.SIGN);
        // 书面告知: 09-27 + 15 days = Sat 10-12, a make-up working day → 17:30 that day
        assertThat(t.started.get(Stage.NOTIFY).due()).isEqualTo(at("2024-10-12T17:30"));
        // Sun 09-29 make-up (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 (5)
        assertThat(t.started.get(Stage.ACCEPT).due()).isEqualTo(at("2024-10-10T17:30"));

        t.run(sign("2024-09-29T09:00"), accept("2024-10-08T09:00"), notifyAccepted("2024-10-08T10:00"));
        assertThat(t.stopped.get(Stage.ACCEPT).met()).isTrue();
        assertThat(t.started.get(Stage.RESPOND).due()).isEqualTo(at("2024-10-09T17:30"));
        // 10-09 (1), 10 (2), 11 (3), Sat 10-12 make-up (4), 14 (5), 15 (6), 16 (7), 17 (8), 18 (9), 21 (10)
        assertThat(t.started.get(Stage.OPINION).due()).isEqualTo(at("2024-10-21T17:30"));
        // 10-08 + 60 days = 12-07, a Saturday → Monday 12-09
        assertThat(t.started.get(Stage.CONCLUDE).due()).isEqualTo(at("2024-12-09T17:30"));

        t.run(respond("2024-10-08T15:00"), meet(MeetingKind.HANDLING, "2024-10-12T10:00"), opinion("2024-10-18T16:00"));
        // 10-21 (1), 10-22 (2), 10-23 (3)
        assertThat(t.started.get(Stage.MEET_CONCLUSION).due()).isEqualTo(at("2024-10-23T17:30"));

        t.run(meet(MeetingKind.CONCLUSION, "2024-10-22T09:00"), deliver("2024-10-22T09:30"),
                resolve("2024-10-25T09:00"));
        assertThat(t.stopped.values()).allMatch(TimeLimitStoppedEvent::met);
        assertThat(t.stopped).containsOnlyKeys(Stage.ACCEPT, Stage.RESPOND, Stage.MEET_HANDLING, Stage.OPINION,
                Stage.MEET_CONCLUSION, Stage.CONCLUDE, Stage.NOTIFY);
    }
}
