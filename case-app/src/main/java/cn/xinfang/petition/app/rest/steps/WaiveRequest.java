package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.command.WaiveMeetingCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 免除见面 – a supervisor waives a meeting the petitioner refuses or cannot attend. */
@Schema(description = "免除见面 – waive a meeting the petitioner refuses or cannot attend (supervisors)")
public record WaiveRequest(
        @Schema(requiredMode = REQUIRED, description = "which meeting", implementation = MeetingKind.class)
        String kind,
        @Schema(requiredMode = REQUIRED, description = "why it is waived", example = "信访人拒绝见面")
        String reason,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        MeetingKind kind = f.required("kind", kind(), MeetingKind.class);
        String reason = f.text("reason", reason());
        return id -> new WaiveMeetingCommand(id, kind, reason, c.actor(), c.occurredAt(), c.now());
    }
}
