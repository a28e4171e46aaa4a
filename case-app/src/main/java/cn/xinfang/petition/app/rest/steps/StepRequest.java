package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.app.problem.Fields;

import java.util.function.Function;

/** The body of a step: its own fields, checked, and the command they make. */
public interface StepRequest {

    /** The OpenAPI description of {@link #occurredAt()}. */
    String OCCURRED_AT = "when the step happened, ISO-8601 with offset, between 2000 and one minute after the service's clock; "
            + "absent: now. Set for paper records entered later (补录)";

    /** When the step happened, ISO-8601 with offset; absent: now. Set for paper records entered later (补录). */
    String occurredAt();

    /**
     * Checks this body's fields, recording every problem in {@code f}, and answers the command for a
     * case; the caller makes it only once every field is valid.
     */
    Function<CaseId, Object> command(Fields f, StepContext context);
}
