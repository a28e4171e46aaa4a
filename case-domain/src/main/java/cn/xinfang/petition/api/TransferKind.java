package cn.xinfang.petition.api;

/** 转送 / 交办 – how a case reached another unit. */
public enum TransferKind {
    /** 转送 – sent on by the unit that had it */
    TRANSFER,
    /** 交办 – registered by one unit for another (the registering unit is the first receiver) */
    ASSIGNMENT
}
