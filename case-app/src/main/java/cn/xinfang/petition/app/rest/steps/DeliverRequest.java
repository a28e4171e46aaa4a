package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.DeliveryMode;
import cn.xinfang.petition.api.command.DeliverReplyCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 送达 – the written reply (信访处理意见书), or a review's decision, reached the petitioner. */
@Schema(description = "送达 – the written reply reached the petitioner; stops CONCLUDE and opens the 30-day review window")
public record DeliverRequest(
        @Schema(requiredMode = REQUIRED, description = "how it was delivered", implementation = DeliveryMode.class)
        String mode,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-01T10:00:00+08:00")
        String occurredAt,
        @Schema(description = "who received it (at most 100 characters)", example = "张三本人")
        String receivedBy) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        DeliveryMode mode = f.required("mode", mode(), DeliveryMode.class);
        String receivedBy = f.optionalText("receivedBy", receivedBy(), 100);
        return id -> new DeliverReplyCommand(id, mode, receivedBy, c.actor(), c.occurredAt(), c.now());
    }
}
