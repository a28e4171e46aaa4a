package cn.xinfang.petition.domain.visit;

import cn.xinfang.petition.api.visit.*;
import cn.xinfang.petition.domain.Rejection;
import cn.xinfang.petition.domain.RuleCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** 走访 – one visit of the 大走访: recorded by its unit, corrected (each correction kept), and linked to the case raised from it. */
public class Visit {

    @AggregateIdentifier
    private String visitId;
    private String unit;
    private String caseId;

    protected Visit() {
    }

    @CommandHandler
    public Visit(RecordVisitCommand cmd) {
        VisitRules.mayRecordFor(cmd.actor(), cmd.unit()).ifPresent(VisitRules::refuse);
        apply(new VisitRecordedEvent(cmd.visitId(), cmd.visitNo(), cmd.unit(), cmd.details(), cmd.actor(), cmd.recordedAt()));
    }

    @CommandHandler
    void handle(CorrectVisitCommand cmd) {
        VisitRules.mayRecordFor(cmd.actor(), unit).ifPresent(VisitRules::refuse);
        apply(new VisitCorrectedEvent(visitId, unit, cmd.details(), cmd.actor(), cmd.recordedAt()));
    }

    @CommandHandler
    void handle(LinkVisitCaseCommand cmd) {
        VisitRules.mayRecordFor(cmd.actor(), unit).ifPresent(VisitRules::refuse);
        if (caseId != null) {
            VisitRules.refuse(Rejection.of(RuleCode.CASE_ALREADY_RAISED, caseId));
        }
        apply(new VisitCaseLinkedEvent(visitId, unit, cmd.caseId(), cmd.actor(), cmd.recordedAt()));
    }

    @EventSourcingHandler
    void on(VisitRecordedEvent e) {
        visitId = e.visitId();
        unit = e.unit();
    }

    @EventSourcingHandler
    void on(VisitCaseLinkedEvent e) {
        caseId = e.caseId();
    }
}
