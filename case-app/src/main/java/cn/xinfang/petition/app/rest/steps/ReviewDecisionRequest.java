package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.ReviewDecision;
import cn.xinfang.petition.api.command.GiveReviewDecisionCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 复查 / 复核意见 – the review case decides about the original opinion. */
@Schema(description = "复查 / 复核意见 – a review case's decision (then deliver it)")
public record ReviewDecisionRequest(
        @Schema(requiredMode = REQUIRED, description = "维持 / 变更 / 撤销", implementation = ReviewDecision.class)
        String decision,
        @Schema(requiredMode = REQUIRED, description = "the decision's text")
        String text,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        ReviewDecision decision = f.required("decision", decision(), ReviewDecision.class);
        String text = f.text("text", text());
        return id -> new GiveReviewDecisionCommand(id, decision, text, c.actor(), c.occurredAt(), c.now());
    }
}
