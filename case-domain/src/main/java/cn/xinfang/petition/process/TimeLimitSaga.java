package cn.xinfang.petition.process;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.command.RecordTimeLimitBreachCommand;
import cn.xinfang.petition.api.command.RecordTimeLimitWarningCommand;
import cn.xinfang.petition.api.event.PetitionDeclinedEvent;
import cn.xinfang.petition.api.event.PetitionRegisteredEvent;
import cn.xinfang.petition.api.event.PetitionResolvedEvent;
import cn.xinfang.petition.api.event.ReplyDeliveredEvent;
import cn.xinfang.petition.api.event.TimeLimitExtendedEvent;
import cn.xinfang.petition.api.event.TimeLimitRecomputedEvent;
import cn.xinfang.petition.api.event.TimeLimitStartedEvent;
import cn.xinfang.petition.api.event.TimeLimitStoppedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * 时限督办 – one saga per case. For every stage that starts (or is extended or recomputed) it
 * schedules the warning and the due deadline at the instants the event carries; when a stage stops
 * it cancels exactly those two; when one fires it asks the case to record the warning or the
 * breach (the case decides whether anything is recorded, and what a breach leads to). It reads no
 * policy: the instants come in the events. A stage whose instants are already past when it starts (a paper
 * record entered late) is warned and breached at once, in that order. Ends when the case is closed
 * and none of its stages runs any more (the case stops every stage it no longer runs, and the saga
 * cancels their deadlines one by one).
 * <p>
 * Commands are sent and waited for: if one fails (the database, a concurrent change), the failure
 * reaches the processor or the deadline scheduler, which retry, instead of being lost.
 * <p>
 * "Now" is the event's timestamp (when the case recorded it) in event handlers, and the injected
 * {@link Clock} (the service's one clock) when a deadline fires.
 */
public class TimeLimitSaga {

    private static final Logger log = LoggerFactory.getLogger(TimeLimitSaga.class);
    private static final String CASE_ID = "caseId";

    private CaseId caseId;
    private Map<Stage, ScheduledStage> scheduled = new HashMap<>();
    /** The stages of the case that run (started, not yet stopped), scheduled or already past. */
    private Set<Stage> running = new HashSet<>();
    private boolean closed;

    @StartSaga
    @SagaEventHandler(associationProperty = CASE_ID)
    void on(PetitionRegisteredEvent e) {
        caseId = e.caseId();
    }

    @SagaEventHandler(associationProperty = CASE_ID)
    void on(TimeLimitStartedEvent e, @Timestamp Instant now, DeadlineManager deadlines, CommandGateway commands) {
        running.add(e.timeLimit().stage());
        schedule(e.timeLimit(), now, deadlines, commands);
    }

    @SagaEventHandler(associationProperty = CASE_ID)
    void on(TimeLimitExtendedEvent e, @Timestamp Instant now, DeadlineManager deadlines, CommandGateway commands) {
        cancel(e.stage(), deadlines);
        schedule(e.timeLimit(), now, deadlines, commands);
    }

    @SagaEventHandler(associationProperty = CASE_ID)
    void on(TimeLimitRecomputedEvent e, @Timestamp Instant now, DeadlineManager deadlines, CommandGateway commands) {
        cancel(e.stage(), deadlines);
        schedule(e.timeLimit(), now, deadlines, commands);
    }

    @SagaEventHandler(associationProperty = CASE_ID)
    void on(TimeLimitStoppedEvent e, DeadlineManager deadlines) {
        cancel(e.stage(), deadlines);
        running.remove(e.stage());
        endIfDone();
    }

    /**
     * A closed case may still owe its written notice (书面告知) and the delivery of its reply (送达): the
     * saga ends once the case is closed and no stage of it runs any more.
     */
    @SagaEventHandler(associationProperty = CASE_ID)
    void on(PetitionResolvedEvent e) {
        closed = true;
        endIfDone();
    }

    @SagaEventHandler(associationProperty = CASE_ID)
    void on(PetitionDeclinedEvent e) {
        closed = true;
        endIfDone();
    }

    @SagaEventHandler(associationProperty = CASE_ID)
    void on(ReplyDeliveredEvent e) {
        closed = closed || e.concludes();
        endIfDone();
    }

    @DeadlineHandler(deadlineName = DeadlineNames.WARNING)
    void onWarning(StageDeadline d, Clock clock, CommandGateway commands) {
        log.info("deadline fired name={} caseId={} stage={}", DeadlineNames.WARNING, d.caseId(), d.stage());
        ScheduledStage s = scheduled.get(d.stage());
        if (s != null && s.due().equals(d.due())) {
            scheduled.put(d.stage(), new ScheduledStage(null, s.dueScheduleId(), s.due()));
        }
        commands.sendAndWait(new RecordTimeLimitWarningCommand(d.caseId(), d.stage(), d.due(), clock.instant()));
    }

    @DeadlineHandler(deadlineName = DeadlineNames.DUE)
    void onDue(StageDeadline d, Clock clock, CommandGateway commands) {
        log.info("deadline fired name={} caseId={} stage={}", DeadlineNames.DUE, d.caseId(), d.stage());
        ScheduledStage s = scheduled.get(d.stage());
        if (s != null && s.due().equals(d.due())) {
            scheduled.remove(d.stage());
        }
        commands.sendAndWait(new RecordTimeLimitBreachCommand(d.caseId(), d.stage(), d.due(), clock.instant()));
    }

    private void schedule(TimeLimit limit, Instant now, DeadlineManager deadlines, CommandGateway commands) {
        StageDeadline payload = new StageDeadline(caseId, limit.stage(), limit.due());
        String warningId = null;
        String dueId = null;
        if (limit.due().isAfter(now)) {
            if (limit.warning().isAfter(now)) {
                warningId = deadlines.schedule(limit.warning(), DeadlineNames.WARNING, payload);
            } else {
                commands.sendAndWait(new RecordTimeLimitWarningCommand(caseId, limit.stage(), limit.due(), now));
            }
            dueId = deadlines.schedule(limit.due(), DeadlineNames.DUE, payload);
            scheduled.put(limit.stage(), new ScheduledStage(warningId, dueId, limit.due()));
        } else {
            // A back-entered record whose limit has already run out: warn, then breach, now and in that order.
            log.info("time limit already past caseId={} stage={}", caseId, limit.stage());
            commands.sendAndWait(new RecordTimeLimitWarningCommand(caseId, limit.stage(), limit.due(), now));
            commands.sendAndWait(new RecordTimeLimitBreachCommand(caseId, limit.stage(), limit.due(), now));
            scheduled.remove(limit.stage());
        }
    }

    private void cancel(Stage stage, DeadlineManager deadlines) {
        ScheduledStage s = scheduled.remove(stage);
        if (s == null) {
            return;
        }
        cancelQuietly(deadlines, DeadlineNames.WARNING, s.warningScheduleId());
        cancelQuietly(deadlines, DeadlineNames.DUE, s.dueScheduleId());
    }

    private void endIfDone() {
        if (closed && running.isEmpty()) {
            SagaLifecycle.end();
        }
    }

    /**
     * Cancels one deadline by the id it was scheduled with. A deadline that already fired or was
     * removed is not an error (db-scheduler throws for a missing task, Axon issue #3857), or the
     * saga would retry forever.
     */
    private static void cancelQuietly(DeadlineManager deadlines, String name, String scheduleId) {
        if (scheduleId == null) {
            return;
        }
        try {
            deadlines.cancelSchedule(name, scheduleId);
        } catch (RuntimeException e) {
            log.debug("deadline {} {} was already gone: {}", name, scheduleId, e.getMessage());
        }
    }
}
