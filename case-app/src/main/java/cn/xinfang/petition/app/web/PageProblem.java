package cn.xinfang.petition.app.web;

import cn.xinfang.petition.app.problem.Problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A refusal as a page shows it: the same stable code and Chinese/English detail as the API's
 * problem document for the same exception, the HTTP status the page answers with, and the field
 * errors by field name (the forms' fields are named like the API's JSON, so each error lands
 * beside its field). Made by {@link PageProblems}.
 */
public record PageProblem(int status, String code, String detailZh, String detailEn, List<Problems.FieldProblem> errors) {

    /** The detail in the page's language (null for field errors, which the page summarises itself). */
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
}
