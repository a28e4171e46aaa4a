package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.command.LinkRepeatCommand;
import cn.xinfang.petition.api.command.UnlinkRepeatCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 重复访 (issue 15) – link (POST) or unlink (DELETE) the case to an earlier case of the same matter, saying why. */
@Schema(description = "重复访 – link (POST) or unlink (DELETE) the case to an earlier case of the same matter (a handler of the "
        + "case's unit, supervisors)")
public record RepeatOfRequest(
        @Schema(requiredMode = REQUIRED, description = "the earlier case's id")
        String caseId,
        @Schema(requiredMode = REQUIRED, description = "why, at most 2000 characters", example = "同一诉求再次来访")
        String reason,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-09-23T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        return link(f, c, true);
    }

    /** The command of a link ({@code link}) or an unlink. */
    public Function<CaseId, Object> link(Fields f, StepContext c, boolean link) {
        String earlier = f.text("caseId", caseId(), 64);
        String reason = f.text("reason", reason(), 2000);
        return id -> link
                ? new LinkRepeatCommand(id, new CaseId(earlier), reason, c.actor(), c.occurredAt(), c.now())
                : new UnlinkRepeatCommand(id, new CaseId(earlier), reason, c.actor(), c.occurredAt(), c.now());
    }
}
