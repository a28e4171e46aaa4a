package cn.xinfang.petition.projection.backlog;

import java.time.Instant;
import java.time.ZoneId;

/**
 * 积案台账查询 – escalated cases filtered by unit, leader (user id), outcome ({@code OPEN} for none
 * yet) and key field; {@code now} and {@code zone} count the days since the last progress;
 * {@code reveal} leaves ID number and phone unmasked (the caller checks and logs it).
 */
public record FindBacklogQuery(String unit, String leader, String outcome, String field, Instant now, ZoneId zone,
                               boolean reveal) {
}
