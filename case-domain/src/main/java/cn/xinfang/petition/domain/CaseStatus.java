package cn.xinfang.petition.domain;

import java.util.EnumSet;
import java.util.Set;

import static cn.xinfang.petition.domain.CaseAction.*;

/**
 * 办理状态 – where a case stands, with the transition table: which actions each status allows at
 * all. Finer conditions (a meeting already held, the response still missing) are checked by the
 * aggregate on top of this table.
 */
public enum CaseStatus {
    REGISTERED("registered", "已登记", EnumSet.of(SIGN, TRANSFER, RETURN, RECLASSIFY, ESCALATE, EXTEND)),
    SIGNED("signed", "已签收", EnumSet.of(ACCEPT, DECLINE, TRANSFER, RETURN, RECLASSIFY, ESCALATE, EXTEND)),
    ACCEPTED("accepted", "已受理", EnumSet.of(RESPOND, MEET_HANDLING, WAIVE_MEETING, GIVE_OPINION, RECLASSIFY, ESCALATE, EXTEND)),
    OPINION_GIVEN("opinion given", "已出具处理意见", EnumSet.of(MEET_CONCLUSION, WAIVE_MEETING, RESOLVE, ESCALATE, EXTEND)),
    RESOLVED("resolved", "已办结", EnumSet.noneOf(CaseAction.class)),
    DECLINED("declined", "不予受理", EnumSet.noneOf(CaseAction.class));

    private final String english;
    private final String chinese;
    private final Set<CaseAction> allowed;

    CaseStatus(String english, String chinese, Set<CaseAction> allowed) {
        this.english = english;
        this.chinese = chinese;
        this.allowed = allowed;
    }

    public boolean allows(CaseAction action) {
        return allowed.contains(action);
    }

    public boolean isClosed() {
        return allowed.isEmpty();
    }

    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }
}
