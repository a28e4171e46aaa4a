package cn.xinfang.petition.domain;

/** A step a case can take; used by the transition table and in "allowed now" messages. */
public enum CaseAction {
    SIGN("sign", "签收"),
    ACCEPT("accept", "受理"),
    DECLINE("decline", "不予受理"),
    RESPOND("respond", "受理回应"),
    MEET_HANDLING("record the handling meeting", "记录办理见面"),
    MEET_CONCLUSION("record the conclusion meeting", "记录办结见面"),
    WAIVE_MEETING("waive a meeting", "免除见面"),
    GIVE_OPINION("give the opinion", "作出处理意见"),
    RESOLVE("resolve", "办结"),
    ESCALATE("escalate", "提级"),
    TRANSFER("transfer", "转送"),
    RETURN("return", "退回"),
    RECLASSIFY("reclassify", "改变办理程序"),
    EXTEND("extend a time limit", "延期");

    private final String english;
    private final String chinese;

    CaseAction(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }
}
