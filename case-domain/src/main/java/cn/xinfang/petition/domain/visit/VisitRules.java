package cn.xinfang.petition.domain.visit;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.domain.Rejection;
import cn.xinfang.petition.domain.RuleCode;

import java.util.Optional;

/** Who may record for a unit: its handlers and leaders, and supervisors naming it. */
final class VisitRules {

    private VisitRules() {
    }

    static Optional<Rejection> mayRecordFor(Actor actor, String unit) {
        if (actor.is(Role.SUPERVISOR)) {
            return Optional.empty();
        }
        if (actor.is(Role.HANDLER) || actor.is(Role.LEADER)) {
            return unit.equals(actor.unit()) ? Optional.empty() : Optional.of(Rejection.of(RuleCode.NOT_OWN_UNIT, unit, actor.unit()));
        }
        return Optional.of(Rejection.of(RuleCode.RECORD_ROLE_NOT_PERMITTED, actor.role()));
    }

    static void refuse(Rejection r) {
        throw r.toException();
    }
}
