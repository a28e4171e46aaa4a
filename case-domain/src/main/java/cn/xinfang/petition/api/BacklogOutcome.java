package cn.xinfang.petition.api;

/** 化解结果 – the outcome of a backlog case (积案). */
public enum BacklogOutcome {
    /** 实体化解 – the matter itself was resolved. */
    SUBSTANTIVE,
    /** 程序性办结 – concluded by procedure (the steps owed were all taken). */
    PROCEDURAL,
    /** 稳控 – contained for now: the case stays on the backlog with its leader (一案一包). */
    CONTAINED;

    /** Whether the backlog entry ends with this outcome (CONTAINED keeps it open). */
    public boolean ends() {
        return this != CONTAINED;
    }
}
