package cn.xinfang.petition.app.web;

import cn.xinfang.petition.app.i18n.RuleMessages;
import cn.xinfang.petition.app.problem.InvalidRequestException;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.domain.CaseRuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Turns what a service or a case refused into a {@link PageProblem}, with the statuses and codes
 * of the API (ApiExceptionHandler) and the case's rule rendered from the bundles (RuleMessages):
 * a page shows the same words the API answers in {@code detailZh} / {@code detailEn}.
 */
@Component
class PageProblems {

    private final RuleMessages rules;

    PageProblems(RuleMessages rules) {
        this.rules = rules;
    }

    /** The problem an exception stands for; empty for an unexpected one (a bug, shown as a 500 page). */
    Optional<PageProblem> of(Throwable e) {
        if (e instanceof CommandExecutionException c && c.getCause() != null) {
            return of(c.getCause());
        }
        if (e instanceof InvalidRequestException i) {
            // the page writes the summary ("there is a problem") from its own texts and lists each field's message
            return Optional.of(new PageProblem(400, "invalid-request", null, null, i.errors()));
        }
        if (e instanceof ServiceException s) {
            int status = switch (s.kind()) {
                case NOT_FOUND -> 404;
                case FORBIDDEN -> 403;
                case CONFLICT -> 409;
                case INVALID -> 400;
                case STALE -> 412;
                case UNPROCESSABLE -> 422;
            };
            return Optional.of(new PageProblem(status, s.code(), s.chinese(), s.getMessage(), List.of()));
        }
        if (e instanceof CaseRuleViolation v) {
            int status = switch (v.kind()) {
                case CONFLICT -> 409;
                case FORBIDDEN -> 403;
                case INVALID -> 400;
                case STALE -> 412;
            };
            return Optional.of(new PageProblem(status, v.code().code(), rules.render(v.rejection(), RuleMessages.CHINESE),
                    rules.render(v.rejection(), RuleMessages.ENGLISH), List.of()));
        }
        if (e instanceof AggregateNotFoundException) {
            return Optional.of(new PageProblem(404, "case-not-found", "信访事项不存在，请核对编号",
                    "the case does not exist; check the id", List.of()));
        }
        if (e instanceof ConcurrencyException) {
            return Optional.of(new PageProblem(409, "concurrent-change", "该事项刚被他人修改，请刷新后重试",
                    "the case was changed by someone else at the same moment; reload it and try again", List.of()));
        }
        return Optional.empty();
    }
}
