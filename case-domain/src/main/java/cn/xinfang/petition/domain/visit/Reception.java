package cn.xinfang.petition.domain.visit;

import cn.xinfang.petition.api.visit.*;
import cn.xinfang.petition.domain.Rejection;
import cn.xinfang.petition.domain.RuleCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** 接访记录 – one reception (接访, 下访, 约访) by a leader, and the case raised at it. */
public class Reception {

    @AggregateIdentifier
    private String receptionId;
    private String unit;
    private String caseId;

    protected Reception() {
    }

    @CommandHandler
    public Reception(RecordReceptionCommand cmd) {
        VisitRules.mayRecordFor(cmd.actor(), cmd.unit()).ifPresent(VisitRules::refuse);
        apply(new ReceptionRecordedEvent(cmd.receptionId(), cmd.unit(), cmd.date(), cmd.leader(), cmd.kind(), cmd.person(),
                cmd.headcount(), cmd.demands(), cmd.actor(), cmd.recordedAt()));
    }

    @CommandHandler
    void handle(LinkReceptionCaseCommand cmd) {
        VisitRules.mayRecordFor(cmd.actor(), unit).ifPresent(VisitRules::refuse);
        if (caseId != null) {
            VisitRules.refuse(Rejection.of(RuleCode.CASE_ALREADY_RAISED, caseId));
        }
        apply(new ReceptionCaseLinkedEvent(receptionId, unit, cmd.caseId(), cmd.actor(), cmd.recordedAt()));
    }

    @EventSourcingHandler
    void on(ReceptionRecordedEvent e) {
        receptionId = e.receptionId();
        unit = e.unit();
    }

    @EventSourcingHandler
    void on(ReceptionCaseLinkedEvent e) {
        caseId = e.caseId();
    }
}
