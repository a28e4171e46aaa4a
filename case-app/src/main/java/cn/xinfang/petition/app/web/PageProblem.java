package cn.xinfang.petition.app.web;

import cn.xinfang.petition.app.rest.ApiException;
import cn.xinfang.petition.app.rest.InvalidRequestException;
import cn.xinfang.petition.app.rest.Problems;
import cn.xinfang.petition.domain.CaseRuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A refusal as a page shows it: the same status, stable code and Chinese/English detail as the
 * API's problem document for the same exception, and the field errors by field name (the form's
 * fields are named like the API's JSON, so each error lands beside its field).
 */
public record PageProblem(HttpStatus status, String code, String detailZh, String detailEn, List<Problems.FieldProblem> errors) {

    /** The detail in the page's language. */
    public String detail(Locale locale) {
        return detailZh == null ? null : Ui.english(locale) ? detailEn : detailZh;
    }

    /** Field name → message in the page's language (the first message of each field). */
    public Map<String, String> fieldMessages(Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Problems.FieldProblem p : errors) {
            m.putIfAbsent(p.field(), Ui.english(locale) ? p.message() : p.messageZh());
        }
        return m;
    }

    /** The problem an exception of a step, a registration or a read stands for; empty for an unexpected one. */
    static Optional<PageProblem> of(Throwable e) {
        if (e instanceof CommandExecutionException c && c.getCause() != null) {
            return of(c.getCause());
        }
        if (e instanceof InvalidRequestException i) {
            // the page writes the summary ("there is a problem") from its own texts and lists each field's message
            return Optional.of(new PageProblem(HttpStatus.BAD_REQUEST, "invalid-request", null, null, i.errors()));
        }
        if (e instanceof ApiException a) {
            return Optional.of(new PageProblem(a.status(), a.code(), a.chinese(), a.getMessage(), List.of()));
        }
        if (e instanceof CaseRuleViolation v) {
            HttpStatus status = switch (v.kind()) {
                case CONFLICT -> HttpStatus.CONFLICT;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case INVALID -> HttpStatus.BAD_REQUEST;
                case STALE -> HttpStatus.PRECONDITION_FAILED;
            };
            return Optional.of(new PageProblem(status, v.code(), v.chinese(), v.getMessage(), List.of()));
        }
        if (e instanceof AggregateNotFoundException) {
            return Optional.of(new PageProblem(HttpStatus.NOT_FOUND, "case-not-found", "信访事项不存在，请核对编号",
                    "the case does not exist; check the id", List.of()));
        }
        if (e instanceof ConcurrencyException) {
            return Optional.of(new PageProblem(HttpStatus.CONFLICT, "concurrent-change", "该事项刚被他人修改，请刷新后重试",
                    "the case was changed by someone else at the same moment; reload it and try again", List.of()));
        }
        return Optional.empty();
    }
}
