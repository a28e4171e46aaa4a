package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.command.DeclinePetitionCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 不予受理 – the unit declines the matter, saying why and where the petitioner should go (诉访分离). */
@Schema(description = "不予受理 – decline, with the reason and where the petitioner should go (诉访分离)")
public record DeclineRequest(
        @Schema(requiredMode = REQUIRED, description = "why the matter is not accepted", example = "属于诉讼程序")
        String reason,
        @Schema(description = "where the petitioner should go instead", example = "请向人民法院起诉")
        String guidance,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        String reason = f.text("reason", reason());
        String guidance = f.optionalText("guidance", guidance(), Fields.LONG_TEXT);
        return id -> new DeclinePetitionCommand(id, reason, guidance, c.actor(), c.occurredAt(), c.now());
    }
}
