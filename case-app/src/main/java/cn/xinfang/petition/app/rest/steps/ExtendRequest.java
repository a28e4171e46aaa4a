package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.command.ExtendTimeLimitCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 延期 – a supervisor extends a running stage by an amount of its own unit. */
@Schema(description = "延期 – extend a running stage by an amount of its own unit (supervisors)")
public record ExtendRequest(
        @Schema(requiredMode = REQUIRED, description = "the running stage", implementation = Stage.class)
        String stage,
        @Schema(requiredMode = REQUIRED, description = "1 to 1000, in the stage's own unit (working hours, working days or calendar days)",
                minimum = "1", maximum = "1000", example = "2")
        Long amount,
        @Schema(requiredMode = REQUIRED, description = "why", example = "需补充调查")
        String reason,
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
        long value = amount == null ? 0 : amount;
        return id -> new ExtendTimeLimitCommand(id, stage, value, reason, c.actor(), c.occurredAt(), c.now());
    }
}
