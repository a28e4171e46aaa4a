package cn.xinfang.petition.time;

/**
 * 起算点 – the step of a case a stage's limit counts from. Part of the policy's stage table: the
 * case asks which of these has happened (and when) to know which stages run.
 */
public enum StageStart {
    /** 登记或转送 – registration, or the transfer (or return) that brought the case to its unit. */
    REGISTRATION_OR_TRANSFER("registration or transfer", "登记或转送"),
    /** 签收 */
    SIGNING("signing", "签收"),
    /** 受理 */
    ACCEPTANCE("acceptance", "受理"),
    /** 作出处理意见 */
    OPINION("the opinion", "作出处理意见"),
    /** 复查复核申请 – the request that opened a review case. */
    REVIEW_REQUEST("the review request", "复查复核申请"),
    // issue 15
    /** 包案或上次推进 – the leader's assignment to a backlog case, or the leader's last progress entry. */
    LEADER_ASSIGNMENT_OR_PROGRESS("the leader's assignment or last progress", "包案或上次推进");

    private final String english;
    private final String chinese;

    StageStart(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** As the rule text of a time limit says it ("from signing"). */
    public String english() {
        return english;
    }

    /** 规则文字中的起算点（"自签收起"）. */
    public String chinese() {
        return chinese;
    }
}
