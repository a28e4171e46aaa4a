package cn.xinfang.petition.app.rest;

import org.springframework.http.HttpStatus;

/** An error the API answers with a given status and code, in English and Chinese. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String chinese;

    public ApiException(HttpStatus status, String code, String english, String chinese) {
        super(english);
        this.status = status;
        this.code = code;
        this.chinese = chinese;
    }

    public static ApiException notFound(String what, String whatZh) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " does not exist; check the id", whatZh + "不存在，请核对编号");
    }

    public static ApiException forbidden(String en, String zh) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", en, zh);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }
}
