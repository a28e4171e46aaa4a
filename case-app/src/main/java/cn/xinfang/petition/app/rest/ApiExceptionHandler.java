package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.problem.DatabaseUnavailable;
import cn.xinfang.petition.app.problem.Problems;
import cn.xinfang.petition.app.problem.InvalidRequestException;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.i18n.RuleMessages;
import cn.xinfang.petition.domain.CaseRuleViolation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error of the API as problem+json with a stable code and a Chinese and English detail.
 * Malformed input is a 400, never a 500; a case rule refused by the aggregate is a 409 (or 403 /
 * 400 by its kind), and nothing was recorded.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final RuleMessages ruleMessages;

    public ApiExceptionHandler(RuleMessages ruleMessages) {
        this.ruleMessages = ruleMessages;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return respond(Problems.invalid(e.errors()));
    }

    @ExceptionHandler(ServiceException.class)
    ResponseEntity<ProblemDetail> service(ServiceException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case STALE -> HttpStatus.PRECONDITION_FAILED;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return respond(Problems.of(status, e.code(), e.getMessage(), e.chinese()));
    }

    @ExceptionHandler(CaseRuleViolation.class)
    ResponseEntity<ProblemDetail> rule(CaseRuleViolation e) {
        HttpStatus status = switch (e.kind()) {
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case STALE -> HttpStatus.PRECONDITION_FAILED;
        };
        return respond(Problems.of(status, e.code().code(), ruleMessages.render(e.rejection(), RuleMessages.ENGLISH),
                ruleMessages.render(e.rejection(), RuleMessages.CHINESE)));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> command(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CaseRuleViolation v) {
            return rule(v);
        }
        if (cause instanceof AggregateNotFoundException n) {
            return aggregateNotFound(n);
        }
        if (cause instanceof ConcurrencyException c) {
            return concurrent(c);
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "case-not-found", "the case does not exist; check the id",
                "信访事项不存在，请核对编号"));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                "the case was changed by someone else at the same moment; reload it and try again",
                "该事项刚被他人修改，请刷新后重试"));
    }

    /**
     * A stored event that can no longer be read: the record was altered outside the service. Unless the
     * database went away while the event was being read (a person's data key is read from it while the
     * event is decrypted): that is an outage, answered 503 like any other, not a tampered record.
     */
    @ExceptionHandler(org.axonframework.serialization.SerializationException.class)
    ResponseEntity<ProblemDetail> unreadable(org.axonframework.serialization.SerializationException e) {
        if (DatabaseUnavailable.causedBy(e)) {
            return unexpected(e);
        }
        log.error("a stored event cannot be read", e);
        return respond(Problems.of(HttpStatus.CONFLICT, "record-unreadable",
                "a stored event of this case cannot be read: the record was altered outside the service; "
                        + "GET /api/cases/{id}/verify names the event", "该事项的某条记录无法读取，可能已被篡改；请用校验接口查明"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String allowed = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "; one of " + Arrays.toString(e.getRequiredType().getEnumConstants()) : "";
        return respond(Problems.invalid(List.of(new Problems.FieldProblem(e.getName(),
                "\"" + e.getValue() + "\" is not a valid value" + allowed, "\"" + e.getValue() + "\" 不是有效值" + allowed))));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage(), "请求内容有误：" + e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "your role may not do this", "您的角色无权执行此操作"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("database unavailable: {}", e.toString());
            return DatabaseUnavailable.response();
        }
        log.error("unexpected error", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "an unexpected error occurred; nothing was changed by this request unless its answer says so",
                "服务器内部错误"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        ProblemDetail p;
        if (cause instanceof InvalidFormatException f && f.getTargetType() == String.class) {
            // text with a NUL (NulCharacters): the value is not repeated (it may be long, or personal data)
            p = Problems.invalid(List.of(new Problems.FieldProblem(path(f), NulCharacters.EN, NulCharacters.ZH)));
        } else if (cause instanceof InvalidFormatException f) {
            String field = path(f);
            String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "; one of " + Arrays.toString(f.getTargetType().getEnumConstants()) : "";
            p = Problems.invalid(List.of(new Problems.FieldProblem(field, "\"" + f.getValue() + "\" is not a valid "
                    + f.getTargetType().getSimpleName() + allowed, "\"" + f.getValue() + "\" 格式不正确" + allowed)));
        } else if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            p = Problems.invalid(List.of(new Problems.FieldProblem(path(m), "has the wrong type or shape", "类型或格式不正确")));
        } else {
            p = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                    "the request body is missing or is not valid JSON; send a JSON object with Content-Type application/json",
                    "请求体缺失或不是有效的 JSON；请以 application/json 发送 JSON 对象");
        }
        return new ResponseEntity<>(p, HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        // Spring MVC's own errors (405, 406, 415, unknown path) arrive with a null body: use the exception's problem
        if (body == null && ex instanceof org.springframework.web.ErrorResponse er) {
            body = er.getBody();
        }
        if (body instanceof ProblemDetail p && (p.getProperties() == null || !p.getProperties().containsKey("code"))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            String code = status == null ? "error" : status.name().toLowerCase().replace('_', '-');
            String en = p.getDetail() == null ? (status == null ? "error" : status.getReasonPhrase()) : p.getDetail();
            ProblemDetail out = Problems.of(status == null ? HttpStatus.BAD_REQUEST : status, code, en, chinese(status) + "：" + en);
            HttpHeaders h = new HttpHeaders();
            if (headers != null) {
                h.putAll(headers);
            }
            h.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(out, h, statusCode);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static String chinese(HttpStatus status) {
        if (status == null) {
            return "请求错误";
        }
        return switch (status) {
            case METHOD_NOT_ALLOWED -> "不支持该请求方法";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持该内容类型，请使用 application/json";
            case NOT_ACCEPTABLE -> "无法提供所需的响应格式";
            case NOT_FOUND -> "资源不存在";
            default -> "请求错误";
        };
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).body(p);
    }
}
