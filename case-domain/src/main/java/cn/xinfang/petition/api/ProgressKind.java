package cn.xinfang.petition.api;

/** 包案推进 – what a leader did on a backlog case. */
public enum ProgressKind {
    /** 研判分析 */
    ANALYSIS,
    /** 召开会议 */
    MEETING,
    /** 走访 / 约访 */
    VISIT,
    /** 协调 */
    COORDINATION,
    /** 其他 */
    OTHER
}
