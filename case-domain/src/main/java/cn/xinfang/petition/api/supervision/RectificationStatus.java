package cn.xinfang.petition.api.supervision;

/** The state of a rectification; OVERDUE is an OPEN (or REOPENED) one past its due instant. */
public enum RectificationStatus {
    OPEN, REPORTED, REOPENED, OVERDUE, CLOSED
}
