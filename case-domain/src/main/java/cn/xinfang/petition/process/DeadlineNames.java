package cn.xinfang.petition.process;

/** The names of the deadlines the time-limit saga schedules. Never repeat these literals elsewhere. */
public final class DeadlineNames {

    /** 预警: 75 % of a stage's allowed working time used. */
    public static final String WARNING = "time-limit.warning";
    /** 超期: a stage's due instant passed. */
    public static final String DUE = "time-limit.due";

    private DeadlineNames() {
    }
}
