package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.command.SuperviseCaseCommand;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.app.supervision.InspectionService;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 督办 (issue 16) – a supervisor adds the running stage SUPERVISION with its own limit. */
@Schema(description = "督办 – require the handling unit to act within a limit (supervisors)")
public record SuperviseRequest(
        @Schema(requiredMode = REQUIRED, description = "what the unit must do, at most 2000 characters")
        String requirement,
        @Schema(requiredMode = REQUIRED, description = "the limit: {amount 1–365, unit WORKING_DAYS | CALENDAR_DAYS}")
        Limit limit,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    /** The limit of the supervision. */
    public record Limit(Long amount, String unit) {
    }

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        String requirement = f.text("requirement", requirement(), 2000);
        LimitAmount amount = InspectionService.limit(f, "limit", limit() == null ? null : limit().amount(),
                limit() == null ? null : limit().unit());
        return id -> new SuperviseCaseCommand(id, requirement, amount, c.actor(), c.occurredAt(), c.now());
    }
}
