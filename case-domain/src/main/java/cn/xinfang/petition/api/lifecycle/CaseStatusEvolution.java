package cn.xinfang.petition.api.lifecycle;

import cn.xinfang.petition.api.CaseStatus;
import cn.xinfang.petition.api.event.OpinionGivenEvent;
import cn.xinfang.petition.api.event.PetitionAcceptedEvent;
import cn.xinfang.petition.api.event.PetitionDeclinedEvent;
import cn.xinfang.petition.api.event.PetitionRegisteredEvent;
import cn.xinfang.petition.api.event.PetitionResolvedEvent;
import cn.xinfang.petition.api.event.PetitionReturnedEvent;
import cn.xinfang.petition.api.event.PetitionSignedEvent;
import cn.xinfang.petition.api.event.PetitionTransferredEvent;
import cn.xinfang.petition.api.event.ReplyDeliveredEvent;
import cn.xinfang.petition.api.event.ReviewDecidedEvent;

import java.util.Optional;

/**
 * 办理状态的演进 – the one place where an event moves a case's status. Pure. A transfer or a return
 * puts the case back to {@link CaseStatus#REGISTERED} for the receiving unit (首接首办: it signs anew).
 * A review case (复查 / 复核) is "opinion given" once decided and resolved once its decision is delivered.
 */
public final class CaseStatusEvolution {

    private CaseStatusEvolution() {
    }

    /** The status after {@code event}; {@code current} is null before registration. */
    public static CaseStatus evolve(CaseStatus current, Object event) {
        return statusAfter(event).orElse(current);
    }

    /** The status an event puts a case in, whatever it was before; empty for an event that leaves the status alone. */
    public static Optional<CaseStatus> statusAfter(Object event) {
        if (event instanceof PetitionRegisteredEvent || event instanceof PetitionTransferredEvent
                || event instanceof PetitionReturnedEvent) {
            return Optional.of(CaseStatus.REGISTERED);
        }
        if (event instanceof PetitionSignedEvent) {
            return Optional.of(CaseStatus.SIGNED);
        }
        if (event instanceof PetitionAcceptedEvent) {
            return Optional.of(CaseStatus.ACCEPTED);
        }
        if (event instanceof PetitionDeclinedEvent) {
            return Optional.of(CaseStatus.DECLINED);
        }
        if (event instanceof OpinionGivenEvent || event instanceof ReviewDecidedEvent) {
            return Optional.of(CaseStatus.OPINION_GIVEN);
        }
        if (event instanceof ReplyDeliveredEvent e && e.concludes()) {
            return Optional.of(CaseStatus.RESOLVED);
        }
        if (event instanceof PetitionResolvedEvent) {
            return Optional.of(CaseStatus.RESOLVED);
        }
        return Optional.empty();
    }

    /** The status an event that moves the status puts a case in (for a read model writing the event's row). */
    public static String nameAfter(Object event) {
        return statusAfter(event).orElseThrow(() -> new IllegalArgumentException(event.getClass().getSimpleName())).name();
    }
}
