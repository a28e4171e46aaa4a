package cn.xinfang.petition.domain.supervision;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.supervision.RectificationCommands;
import cn.xinfang.petition.api.supervision.RectificationEvents;
import cn.xinfang.petition.api.supervision.RectificationRule;
import cn.xinfang.petition.api.supervision.RectificationStatus;
import cn.xinfang.petition.domain.Rejection;
import cn.xinfang.petition.domain.RuleCode;
import cn.xinfang.petition.time.Deadline;
import cn.xinfang.petition.time.TimeRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * 整改 – a rectification a supervisor issued for one finding of an inspection. Its due instant comes
 * from the business-time engine, counted from the inspection's date (or, when reopened, from the
 * rejected verification); the warning at 75 % of the allowed working time and the breach at the due
 * instant are scheduled by {@code process.supervision.RectificationSaga} on the same db-scheduler
 * deadline machinery as a case's stages, and recorded here once per due instant. A deadline that
 * fires for a due instant that no longer runs (reported, closed, reopened with a new due) records
 * nothing. It is closed only by an accepting verification (一督到底).
 */
public class Rectification {

    @AggregateIdentifier
    private String rectificationId;
    private String unit;
    private RectificationStatus status;
    private LimitAmount limit;
    private Instant due;
    private Instant warning;
    private boolean warned;
    private boolean breached;

    protected Rectification() {
    }

    @CommandHandler
    public Rectification(RectificationCommands.Issue cmd, TimeRules rules) {
        if (cmd.actor().role() != Role.SUPERVISOR) {
            throw Rejection.of(RuleCode.SUPERVISOR_REQUIRED, cmd.actor().role()).toException();
        }
        Deadline d = rules.calculator().time().compute(cmd.start(), cmd.limit(), RectificationRule.WARNING_FRACTION,
                RectificationRule.english(cmd.limit(), false), RectificationRule.chinese(cmd.limit(), false));
        apply(new RectificationEvents.Issued(cmd.rectificationId(), cmd.inspectionId(), cmd.finding(), cmd.unit(),
                cmd.requirement(), cmd.limit(), cmd.start(), d.due(), d.warning(), d.explanation(), cmd.actor(),
                cmd.recordedAt()));
    }

    @CommandHandler
    void handle(RectificationCommands.Report cmd) {
        Actor a = cmd.actor();
        if (!a.role().isUnitBound() || !unit.equals(a.unit())) {
            throw Rejection.of(RuleCode.NOT_OF_UNIT, unit).toException();
        }
        if (status != RectificationStatus.OPEN && status != RectificationStatus.REOPENED) {
            throw Rejection.of(RuleCode.RECTIFICATION_NOT_OPEN, status).toException();
        }
        apply(new RectificationEvents.Reported(rectificationId, unit, cmd.text(), !cmd.at().isAfter(due), a, cmd.at(),
                cmd.recordedAt()));
    }

    @CommandHandler
    void handle(RectificationCommands.Verify cmd, TimeRules rules) {
        if (cmd.actor().role() != Role.SUPERVISOR) {
            throw Rejection.of(RuleCode.SUPERVISOR_REQUIRED, cmd.actor().role()).toException();
        }
        if (status != RectificationStatus.REPORTED) {
            throw Rejection.of(RuleCode.RECTIFICATION_NOT_REPORTED, status).toException();
        }
        if (cmd.accepted()) {
            apply(new RectificationEvents.Closed(rectificationId, unit, cmd.text(), cmd.actor(), cmd.at(), cmd.recordedAt()));
            return;
        }
        LimitAmount next = cmd.limit() != null ? cmd.limit() : limit;
        Deadline d = rules.calculator().time().compute(cmd.at(), next, RectificationRule.WARNING_FRACTION,
                RectificationRule.english(next, true), RectificationRule.chinese(next, true));
        apply(new RectificationEvents.Reopened(rectificationId, unit, cmd.text(), next, cmd.at(), d.due(), d.warning(),
                d.explanation(), cmd.actor(), cmd.at(), cmd.recordedAt()));
    }

    @CommandHandler
    void handle(RectificationCommands.RecordWarning cmd) {
        if (running(cmd.due()) && !warned && !breached) {
            apply(new RectificationEvents.WarningRaised(rectificationId, unit, due, warning, cmd.recordedAt()));
        }
    }

    @CommandHandler
    void handle(RectificationCommands.RecordBreach cmd) {
        if (running(cmd.due()) && !breached) {
            apply(new RectificationEvents.Breached(rectificationId, unit, due, cmd.recordedAt()));
        }
    }

    /** Whether {@code dueAt} is the due instant of a limit that runs now (open or reopened, not reported). */
    private boolean running(Instant dueAt) {
        return (status == RectificationStatus.OPEN || status == RectificationStatus.REOPENED) && due.equals(dueAt);
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(RectificationEvents.Issued e) {
        rectificationId = e.rectificationId();
        unit = e.unit();
        status = RectificationStatus.OPEN;
        limit = e.limit();
        due = e.due();
        warning = e.warning();
    }

    @EventSourcingHandler
    void on(RectificationEvents.WarningRaised e) {
        warned = true;
    }

    @EventSourcingHandler
    void on(RectificationEvents.Breached e) {
        breached = true;
    }

    @EventSourcingHandler
    void on(RectificationEvents.Reported e) {
        status = RectificationStatus.REPORTED;
    }

    @EventSourcingHandler
    void on(RectificationEvents.Closed e) {
        status = RectificationStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(RectificationEvents.Reopened e) {
        status = RectificationStatus.REOPENED;
        limit = e.limit();
        due = e.due();
        warning = e.warning();
        warned = false;
        breached = false;
    }
}
