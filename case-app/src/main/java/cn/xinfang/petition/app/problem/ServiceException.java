package cn.xinfang.petition.app.problem;

/**
 * An application service refusing a request: what kind of refusal, a stable code, and what is wrong
 * and how to fix it in English and Chinese. Knows no HTTP: the REST layer maps the kind to a status
 * and the web pages show the Chinese text beside the form.
 */
public class ServiceException extends RuntimeException {

    /** What sort of refusal this is. */
    public enum Kind {
        /** The thing asked for does not exist (or may not be known to the asker). */
        NOT_FOUND,
        /** The user may not do this. */
        FORBIDDEN,
        /** The request conflicts with the current state. */
        CONFLICT,
        /** The request's data is wrong. */
        INVALID,
        /** The request was decided on a state that has changed since. */
        STALE,
        /** The request repeats a key that was used for a different request. */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String code;
    private final String chinese;

    public ServiceException(Kind kind, String code, String english, String chinese) {
        super(english);
        this.kind = kind;
        this.code = code;
        this.chinese = chinese;
    }

    public static ServiceException notFound(String code, String english, String chinese) {
        return new ServiceException(Kind.NOT_FOUND, code, english, chinese);
    }

    public static ServiceException forbidden(String english, String chinese) {
        return new ServiceException(Kind.FORBIDDEN, "forbidden", english, chinese);
    }

    public static ServiceException conflict(String code, String english, String chinese) {
        return new ServiceException(Kind.CONFLICT, code, english, chinese);
    }

    public static ServiceException invalid(String code, String english, String chinese) {
        return new ServiceException(Kind.INVALID, code, english, chinese);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }
}
