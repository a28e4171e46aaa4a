package cn.xinfang.petition.projection.caseview;

import cn.xinfang.petition.api.CaseStatus;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Channel;
import cn.xinfang.petition.api.Track;

import java.time.Instant;
import java.util.List;

/**
 * 信访事项视图 – one case as handlers, supervisors and auditors see it. Personal data (ID number,
 * phone) is masked unless the view was built for a viewer allowed to see it.
 *
 * @param version the case's version: the sequence number of its last event (the HTTP ETag)
 * @param visitId the visit (走访, issue 14) the case was raised from, or null
 * @param receptionId the reception (接访, issue 14) the case was raised at, or null
 */
public record CaseView(
        String id,
        String caseNo,
        Track track,
        CaseStatus status,
        Channel channel,
        Category category,
        PetitionerView petitioner,
        int headcount,
        boolean collective,
        String subject,
        String content,
        String unit,
        String firstUnit,
        String accusedUnit,
        String parentCaseId,
        String reviewLevel,
        Instant deliveredAt,
        Instant reviewRequestDeadline,
        Steps steps,
        Decline decline,
        Response response,
        List<Meeting> meetings,
        Opinion opinion,
        Resolution resolution,
        List<Escalation> escalations,
        List<Transfer> transfers,
        List<Notice> notices,
        Delivery delivery,
        ReviewDecisionView reviewDecision,
        List<Review> reviews,
        List<Extension> extensions,
        List<TimeLimitView> timeLimits,
        long version,
        String visitId,
        String receptionId,
        String field,
        List<String> repeatOf,
        BacklogView backlog) {

    /**
     * 信访人 – masked unless revealed. {@code personId}: the person's id, also the id of the key their data is
     * encrypted with (issue 17); after that key is shredded every personal field reads {@code 已删除}.
     */
    public record PetitionerView(String name, String idNumber, String phone, String address, boolean masked, String personId) {
    }

    /** The time of every step taken so far (occurrence times). */
    public record Steps(Instant registeredAt, Instant signedAt, Instant acceptedAt, Instant declinedAt,
                        Instant respondedAt, Instant handlingMeetingAt, Instant opinionAt,
                        Instant conclusionMeetingAt, Instant resolvedAt, Instant notifiedAt, Instant deliveredAt,
                        Instant reviewDecidedAt) {
    }

    public record Decline(String reason, String guidance, String by, Instant at) {
    }

    public record Response(String mode, String summary, String by, Instant at) {
    }

    /** A meeting held or waived ({@code waived} true: {@code summary} is the reason, {@code by} the approving supervisor). */
    public record Meeting(String kind, boolean waived, String place, String summary, String by, Instant at) {
    }

    public record Opinion(String decision, String text, String by, Instant at) {
    }

    /** 办结, with the petitioner's rating and where it came from (条例 第二十一条). */
    public record Resolution(String summary, String satisfaction, String satisfactionSource, String by, Instant at) {
    }

    /** 书面告知 – a written notice given to the petitioner. */
    public record Notice(String kind, String mode, String text, String unit, String by, Instant at) {
    }

    /** 送达 – how and when the reply reached the petitioner. */
    public record Delivery(String mode, String receivedBy, String by, Instant at) {
    }

    /** 复查 / 复核意见 – a review case's decision. */
    public record ReviewDecisionView(String decision, String text, String by, Instant at) {
    }

    /** A review requested on this case: the review case and its level. */
    public record Review(String caseId, String level, String unit, Instant requestedAt) {
    }

    /** 延期 – an extension: the stage, by how much, why, who approved it and when the petitioner was told. */
    public record Extension(String stage, cn.xinfang.petition.api.LimitAmount amount, String reason, String approvedBy,
                            Instant petitionerToldAt, String by, Instant at) {
    }

    /** 提级 / 包案. */
    public record Escalation(String reason, String leader, String plan, String stage, String by, Instant at) {
    }

    /** 转送 / 交办 ({@code kind} TRANSFER or ASSIGNMENT) or 退回 ({@code returned} true). */
    public record Transfer(String fromUnit, String toUnit, String reason, String kind, boolean returned, Instant returnableUntil,
                           String by, Instant at) {
    }
}
