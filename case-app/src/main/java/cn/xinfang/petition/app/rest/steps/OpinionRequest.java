package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Decision;
import cn.xinfang.petition.api.command.GiveOpinionCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 处理意见 – the handling opinion with its decision. */
@Schema(description = "处理意见 – the handling opinion (信访处理意见书) with its decision")
public record OpinionRequest(
        @Schema(requiredMode = REQUIRED, description = "支持 / 解释说明 / 不予支持", implementation = Decision.class)
        String decision,
        @Schema(requiredMode = REQUIRED, description = "the opinion: request, facts, reasons, decision, legal basis")
        String text,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        Decision decision = f.required("decision", decision(), Decision.class);
        String text = f.text("text", text());
        return id -> new GiveOpinionCommand(id, decision, text, c.actor(), c.occurredAt(), c.now());
    }
}
