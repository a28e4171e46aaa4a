package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.command.ExtendTimeLimitCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * 延期 – a running stage extended by an amount of its own unit, approved by the head of the body
 * (条例 第三十四条), the petitioner told why.
 */
@Schema(description = "延期 – extend a running stage (policy: CONCLUDE once by at most 30 days, OPINION once by at most its own "
        + "length), approved by a supervisor, an administrator or the leader of the case's unit; the petitioner told why")
public record ExtendRequest(
        @Schema(requiredMode = REQUIRED, description = "the running stage", implementation = Stage.class)
        String stage,
        @Schema(requiredMode = REQUIRED, description = "1 to 1000, in the stage's own unit (working hours, working days or calendar days)",
                minimum = "1", maximum = "1000", example = "2")
        Long amount,
        @Schema(requiredMode = REQUIRED, description = "why", example = "需补充调查")
        String reason,
        @Schema(requiredMode = REQUIRED, description = "the approving user: a SUPERVISOR or ADMIN, or the LEADER of the case's unit",
                example = "leader")
        String approvedBy,
        @Schema(requiredMode = REQUIRED, description = "when the petitioner was told of the extension and why (ISO-8601 with offset)",
                example = "2024-03-05T09:00:00+08:00")
        String petitionerToldAt,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    /** The largest extension accepted in one step, in the stage's unit. */
    public static final long MAX_AMOUNT = 1000;

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        Stage stage = f.required("stage", stage(), Stage.class);
        Long amount = amount();
        if (amount == null || amount <= 0 || amount > MAX_AMOUNT) {
            f.add("amount", "is required: a whole number from 1 to " + MAX_AMOUNT
                            + " in the stage's own unit (working hours, working days or calendar days)",
                    "必填：1 至 " + MAX_AMOUNT + " 的整数，按该环节时限单位计（工作小时、工作日或自然日）");
        }
        String reason = f.text("reason", reason());
        Actor approver = null;
        String by = f.text("approvedBy", approvedBy(), 64);
        if (by != null) {
            approver = c.userActor().apply(by).orElse(null);
            if (approver == null) {
                f.add("approvedBy", "user \"" + by + "\" does not exist; name the approving supervisor, administrator or unit leader",
                        "用户 \"" + by + "\" 不存在；请填写批准延期的督查人员、管理员或单位负责人");
            }
        }
        Instant toldAt = null;
        if (petitionerToldAt() == null || petitionerToldAt().isBlank()) {
            f.add("petitionerToldAt", "is required: when the petitioner was told of the extension and why (条例 第三十四条)",
                    "必填：告知信访人延期及理由的时间（条例第三十四条）");
        } else {
            toldAt = f.occurredAt("petitionerToldAt", petitionerToldAt(), c.now(), c.rules());
        }
        long value = amount == null ? 0 : amount;
        Actor approverActor = approver;
        Instant told = toldAt;
        return id -> new ExtendTimeLimitCommand(id, stage, value, reason, approverActor, told, c.actor(), c.occurredAt(), c.now());
    }
}
