package cn.xinfang.petition.api;

/** 时限单位 – the unit a time limit is counted in. */
public enum LimitUnit {
    /** 工作小时: only time inside working hours on working days counts. */
    WORKING_HOURS("个工作小时", "working hours"),
    /** 工作日: the start day is not counted; due at close of business of the N-th working day. */
    WORKING_DAYS("个工作日", "working days"),
    /** 日 (自然日): the start day is not counted; a last day off rolls to the next working day. */
    CALENDAR_DAYS("日", "calendar days");

    private final String chinese;
    private final String english;

    LimitUnit(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }
}
