package cn.xinfang.petition.app.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/**
 * Builds the API's problem documents (RFC 7807): a stable {@code code} (also the last part of
 * {@code type}), and a {@code detail} that says what is wrong and how to fix it in Chinese and in
 * English ({@code detailZh}, {@code detailEn} carry each alone).
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String english, String chinese) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, chinese + " / " + english);
        p.setType(URI.create("urn:petition:problem:" + code));
        p.setTitle(status.getReasonPhrase());
        p.setProperty("code", code);
        p.setProperty("detailZh", chinese);
        p.setProperty("detailEn", english);
        return p;
    }

    /** A 400 listing every field error at once. */
    public static ProblemDetail invalid(List<FieldProblem> errors) {
        String en = "The request has " + errors.size() + " invalid field(s): "
                + String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        String zh = "请求中有 " + errors.size() + " 处错误：" + String.join("；", errors.stream().map(e -> e.field() + "：" + e.messageZh()).toList());
        ProblemDetail p = of(HttpStatus.BAD_REQUEST, "invalid-request", en, zh);
        p.setProperty("errors", errors);
        return p;
    }

    /** One invalid field: where, what is wrong (English and Chinese). */
    public record FieldProblem(String field, String message, String messageZh) {
    }
}
