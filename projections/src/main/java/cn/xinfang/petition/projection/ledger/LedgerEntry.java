package cn.xinfang.petition.projection.ledger;

import java.time.Instant;

/**
 * One row of the ledger (台账): 序号 {@code seq}, 案件编号, 信访人, 身份证号 and 联系方式 (masked),
 * 单位或地址, 主要诉求, 渠道, 类别, 办理单位, 经办人, 当前环节, 当前时限, 状态, 化解情况, 备注; the date of the
 * written notice (书面告知) and of the delivery of the reply (送达); for a review case, the case reviewed.
 */
public record LedgerEntry(long seq, String caseId, String caseNo, String petitionerName, String idNumber, String phone,
                          String address, String subject, String content, String channel, String category, String track,
                          String unit, String handler, String currentStage, Instant currentDue, String status,
                          String resolution, String satisfaction, String remark, boolean collective, boolean escalated,
                          Instant registeredAt, Instant resolvedAt, Instant notifiedAt, Instant deliveredAt,
                          String parentCaseId, String reviewLevel, String field) {
}
