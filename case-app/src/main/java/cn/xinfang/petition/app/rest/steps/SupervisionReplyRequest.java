package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.command.ReplyToSupervisionCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 督办回复 (issue 16) – the handling unit replies; SUPERVISION stops. */
@Schema(description = "督办回复 – the handling unit replies to the supervision")
public record SupervisionReplyRequest(
        @Schema(requiredMode = REQUIRED, description = "the reply, at most 2000 characters")
        String text,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        String text = f.text("text", text(), 2000);
        return id -> new ReplyToSupervisionCommand(id, text, c.actor(), c.occurredAt(), c.now());
    }
}
