package cn.xinfang.petition.api.supervision;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.DeadlineExplanation;
import cn.xinfang.petition.api.LimitAmount;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The events of a rectification (整改). */
public final class RectificationEvents {

    private RectificationEvents() {
    }

    /** 整改意见 issued: the unit must rectify by {@code due}; the warning (预警) at {@code warning}. */
    @Revision("1")
    public record Issued(String rectificationId, String inspectionId, int finding, String unit, String requirement,
                         LimitAmount limit, Instant start, Instant due, Instant warning, DeadlineExplanation explanation,
                         Actor actor, Instant recordedAt) {
    }

    /** 预警 – 75 % of the allowed working time has passed; recorded once per due instant. */
    @Revision("1")
    public record WarningRaised(String rectificationId, String unit, Instant due, Instant warning, Instant recordedAt) {
    }

    /** 超期 – the due instant passed without an accepted rectification; recorded once per due instant. */
    @Revision("1")
    public record Breached(String rectificationId, String unit, Instant due, Instant recordedAt) {
    }

    /** 整改报告 – the unit reported; the time limit stops (met when reported by the due instant). */
    @Revision("1")
    public record Reported(String rectificationId, String unit, String text, boolean onTime, Actor actor, Instant at,
                           Instant recordedAt) {
    }

    /** 验收 – accepted: closed. */
    @Revision("1")
    public record Closed(String rectificationId, String unit, String text, Actor actor, Instant at, Instant recordedAt) {
    }

    /** 验收未通过 – reopened with a new limit counted from the verification (一督到底). */
    @Revision("1")
    public record Reopened(String rectificationId, String unit, String text, LimitAmount limit, Instant start, Instant due,
                           Instant warning, DeadlineExplanation explanation, Actor actor, Instant at, Instant recordedAt) {
    }
}
