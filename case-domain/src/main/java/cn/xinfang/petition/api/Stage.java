package cn.xinfang.petition.api;

/** 环节 – a stage of a case that runs against a time limit. */
public enum Stage {
    /** 签收 – the assigned unit takes the matter into its hands. */
    SIGN("签收"),
    /** 受理 – the unit accepts (or declines) the matter. */
    ACCEPT("受理"),
    /** 受理回应 – the petitioner is told the matter is accepted. */
    RESPOND("受理回应"),
    /** 办理见面 – meeting the petitioner while handling. */
    MEET_HANDLING("办理见面"),
    /** 处理意见 – the handling opinion is given. */
    OPINION("处理意见"),
    /** 办结见面 – meeting the petitioner when concluding. */
    MEET_CONCLUSION("办结见面"),
    /** 办结 – the case is concluded: the written reply reaches the petitioner (送达). */
    CONCLUDE("办结"),
    /** 书面告知 – the petitioner is told in writing whether the matter is accepted (15 days, 条例 第二十三条). */
    NOTIFY("书面告知"),
    /** 复查复核决定 – a review (复查) or re-review (复核) is decided (30 days, 条例 第三十五、三十六条). */
    REVIEW_DECISION("复查复核决定"),
    // issue 15
    /** 包案推进 – a backlog case's leader records progress (10 working days from the assignment or the last entry). */
    LEADER_PROGRESS("包案推进"),
    // issue 16
    /** 督办 – a supervisor's requirement on the case, with its own limit, until the handling unit replies. */
    SUPERVISION("督办");

    private final String chinese;

    Stage(String chinese) {
        this.chinese = chinese;
    }

    /** The Chinese name of the stage, as petition officers write it. */
    public String chinese() {
        return chinese;
    }
}
