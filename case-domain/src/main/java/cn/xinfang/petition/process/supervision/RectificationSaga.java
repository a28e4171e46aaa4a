package cn.xinfang.petition.process.supervision;

import cn.xinfang.petition.api.supervision.RectificationCommands;
import cn.xinfang.petition.api.supervision.RectificationEvents;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;

import java.time.Clock;
import java.time.Instant;

/**
 * 整改时限 – one saga per rectification, on the same db-scheduler deadline machinery as
 * {@code TimeLimitSaga}: for the due instant an issue or a reopening carries it schedules the warning
 * and the due deadline; when one fires it asks the rectification to record it (the rectification
 * records each once, and nothing for a due instant that no longer runs). Instants already past when
 * the event is handled (a back-entered inspection) are recorded at once: warning, then breach. Ends
 * when the rectification is closed. It reads no rule: the instants come in the events.
 */
public class RectificationSaga {

    private static final String ID = "rectificationId";
    public static final String WARNING = "rectification-warning";
    public static final String DUE = "rectification-due";

    private String rectificationId;

    @StartSaga
    @SagaEventHandler(associationProperty = ID)
    void on(RectificationEvents.Issued e, @Timestamp Instant now, DeadlineManager deadlines, CommandGateway commands) {
        rectificationId = e.rectificationId();
        schedule(e.due(), e.warning(), now, deadlines, commands);
    }

    @SagaEventHandler(associationProperty = ID)
    void on(RectificationEvents.Reopened e, @Timestamp Instant now, DeadlineManager deadlines, CommandGateway commands) {
        schedule(e.due(), e.warning(), now, deadlines, commands);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(RectificationEvents.Closed e) {
        // deadlines still scheduled fire into a closed rectification, which records nothing
    }

    @DeadlineHandler(deadlineName = WARNING)
    void onWarning(RectificationDeadline d, Clock clock, CommandGateway commands) {
        commands.sendAndWait(new RectificationCommands.RecordWarning(d.rectificationId(), d.due(), clock.instant()));
    }

    @DeadlineHandler(deadlineName = DUE)
    void onDue(RectificationDeadline d, Clock clock, CommandGateway commands) {
        commands.sendAndWait(new RectificationCommands.RecordBreach(d.rectificationId(), d.due(), clock.instant()));
    }

    private void schedule(Instant due, Instant warning, Instant now, DeadlineManager deadlines, CommandGateway commands) {
        RectificationDeadline payload = new RectificationDeadline(rectificationId, due);
        if (warning.isAfter(now)) {
            deadlines.schedule(warning, WARNING, payload);
        } else {
            commands.sendAndWait(new RectificationCommands.RecordWarning(rectificationId, due, now));
        }
        if (due.isAfter(now)) {
            deadlines.schedule(due, DUE, payload);
        } else {
            commands.sendAndWait(new RectificationCommands.RecordBreach(rectificationId, due, now));
        }
    }
}
