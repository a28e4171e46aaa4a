package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.NoticeKind;
import cn.xinfang.petition.api.NoticeMode;
import cn.xinfang.petition.api.command.NotifyPetitionerCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 书面告知 – the petitioner is told in writing that the matter is accepted, not accepted or sent on. */
@Schema(description = "书面告知 – tell the petitioner in writing (15 days, 条例 第二十二、二十三条)")
public record NotifyRequest(
        @Schema(requiredMode = REQUIRED, description = "what the notice says", implementation = NoticeKind.class)
        String kind,
        @Schema(requiredMode = REQUIRED, description = "how it reached the petitioner", implementation = NoticeMode.class)
        String mode,
        @Schema(requiredMode = REQUIRED, description = "the notice's text, or its number and a summary", example = "受理告知书（曹信受〔2024〕12号）")
        String text,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        NoticeKind kind = f.required("kind", kind(), NoticeKind.class);
        NoticeMode mode = f.required("mode", mode(), NoticeMode.class);
        String text = f.text("text", text());
        return id -> new NotifyPetitionerCommand(id, kind, mode, text, c.actor(), c.occurredAt(), c.now());
    }
}
