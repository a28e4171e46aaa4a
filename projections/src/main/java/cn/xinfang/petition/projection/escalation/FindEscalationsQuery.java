package cn.xinfang.petition.projection.escalation;

/** Escalated cases; {@code open} true: only cases not yet resolved or declined; {@code unit} null for all. */
public record FindEscalationsQuery(Boolean open, String unit) {
}
