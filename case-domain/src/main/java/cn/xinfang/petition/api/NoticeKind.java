package cn.xinfang.petition.api;

/** 书面告知的内容 – what a written notice (书面告知, 条例 第二十二、二十三条) tells the petitioner. */
public enum NoticeKind {
    /** 受理告知 – the matter is accepted */
    ACCEPTED,
    /** 不予受理告知 – the matter is not accepted, and why */
    NOT_ACCEPTED,
    /** 转送、交办告知 – the matter went to another body */
    TRANSFERRED
}
