package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Satisfaction;
import cn.xinfang.petition.api.SatisfactionSource;
import cn.xinfang.petition.api.command.ResolvePetitionCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 办结 – the case is concluded. */
@Schema(description = "办结 – conclude the case")
public record ResolveRequest(
        @Schema(requiredMode = REQUIRED, description = "how the matter was concluded", example = "已化解")
        String summary,
        @Schema(description = "the petitioner's rating (条例 第二十一条)", implementation = Satisfaction.class)
        String satisfaction,
        @Schema(description = "who gave the rating and how; required with satisfaction, NOT_GIVEN (the default) without",
                implementation = SatisfactionSource.class)
        String satisfactionSource,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        String summary = f.text("summary", summary());
        Satisfaction satisfaction = f.optional("satisfaction", satisfaction(), Satisfaction.class);
        SatisfactionSource source = f.optional("satisfactionSource", satisfactionSource(), SatisfactionSource.class);
        if (satisfaction != null && (source == null || source == SatisfactionSource.NOT_GIVEN)) {
            f.add("satisfactionSource", "is required with a satisfaction: PETITIONER_ONLINE, PHONE_CALLBACK or IN_PERSON (the petitioner rates, 条例 第二十一条)",
                    "填写满意度时必须注明来源：PETITIONER_ONLINE、PHONE_CALLBACK 或 IN_PERSON（由信访人评价，条例第二十一条）");
        }
        if (satisfaction == null && satisfactionSource() != null && !satisfactionSource().isBlank() && source != null
                && source != SatisfactionSource.NOT_GIVEN) {
            f.add("satisfaction", "is required when satisfactionSource is " + source + "; give the rating or NOT_GIVEN as the source",
                    "注明评价来源时必须填写满意度；未评价时来源填 NOT_GIVEN");
        }
        return id -> new ResolvePetitionCommand(id, summary, satisfaction, source, c.actor(), c.occurredAt(), c.now());
    }
}
