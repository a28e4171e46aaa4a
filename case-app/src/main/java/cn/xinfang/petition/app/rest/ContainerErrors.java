package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.problem.DatabaseUnavailable;
import cn.xinfang.petition.app.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.ExceptionUtils;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Errors that Tomcat answers itself, before any servlet sees the request (a NUL, an encoded slash or
 * backslash or a broken %-escape in the path, a malformed request line), come as problem+json like
 * every other error of the API, not as Tomcat's HTML page. Boot installs its own
 * {@link ErrorReportValve} on the host; it is replaced by {@link ProblemReportValve}.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return new Customizer();
    }

    /** Runs after Boot's own customizer, so that its valve is there to be replaced. */
    private static final class Customizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
                Pipeline pipeline = context.getParent().getPipeline();
                for (Valve v : pipeline.getValves()) {
                    if (v instanceof ErrorReportValve && !(v instanceof ProblemReportValve)) {
                        pipeline.removeValve(v);
                    }
                }
                pipeline.addValve(new ProblemReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Writes the container's error answers as the API's problem documents. */
    public static class ProblemReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper()
                .addMixIn(ProblemDetail.class, org.springframework.http.converter.json.ProblemDetailJacksonMixin.class);

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // as Tomcat's own valve: nothing for a success, nothing over a body already written, report once
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            ProblemDetail problem;
            if (throwable != null && DatabaseUnavailable.causedBy(throwable)) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
                problem = DatabaseUnavailable.problem();
            } else {
                problem = problem(status);
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                byte[] body = JSON.writeValueAsBytes(problem);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                ExceptionUtils.handleThrowable(e);
            }
        }

        static ProblemDetail problem(int status) {
            HttpStatus s = HttpStatus.resolve(status);
            if (s == null) {
                s = status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
            }
            return switch (s) {
                case BAD_REQUEST -> Problems.of(s, "rejected-request",
                        "The request address or request line is malformed: it contains a NUL, an encoded '/' or '\\', or a broken "
                                + "%-escape. Encode the path correctly and try again.",
                        "请求地址或请求行格式错误：含有空字符（NUL）、编码后的 '/' 或 '\\'，或不完整的 % 转义。请正确编码后重试。");
                case PAYLOAD_TOO_LARGE, REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG -> Problems.of(s,
                        s.name().toLowerCase().replace('_', '-'), "The request is too large: " + s.getReasonPhrase(),
                        "请求过大：" + s.getReasonPhrase());
                case INTERNAL_SERVER_ERROR -> Problems.of(s, "internal-error",
                        "an unexpected error occurred; nothing was changed by this request unless its answer says so", "服务器内部错误");
                default -> Problems.of(s, s.name().toLowerCase().replace('_', '-'), s.getReasonPhrase(), "请求错误：" + s.getReasonPhrase());
            };
        }
    }
}
