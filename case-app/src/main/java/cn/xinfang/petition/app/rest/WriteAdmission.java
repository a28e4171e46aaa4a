package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads go ahead of writes (issue 18). A request that changes something (POST, PUT, PATCH, DELETE, on the
 * API and the pages) is carried out by at most {@code cases.http.concurrent-writes} threads at a time (by
 * default as many as the machine has cores); the others wait their turn in arrival order (a fair
 * {@link Semaphore}). Reads (GET, HEAD, OPTIONS) never wait here. On two cores, eight clients writing
 * without pause kept every request waiting for the cores, a supervisor's overdue list as much as a step;
 * with two writes at a time its p50 halved (docs/performance.md, *Findings*, 2026-12-01 12:13–), at the
 * cost of 16–19 % of the writes such a flood gets through. A write that has waited
 * {@code cases.http.write-wait}, or that finds {@code cases.http.max-waiting-writes} waiting already, is
 * answered {@code 503 busy} with {@code Retry-After}, having changed nothing. POSTs that only read (verifying
 * the store, previewing a calendar revision) and an administrator's calendar revision do not take turns
 * ({@link #WITHOUT_TURN}). Runs after Spring Security: a request refused there never takes a turn. Deadlines, sagas and
 * views do not pass through here.
 */
@Configuration(proxyBeanMethods = false)
public class WriteAdmission {

    /** Seconds a client told {@code busy} should wait before sending the write again. */
    static final int RETRY_AFTER_SECONDS = 2;

    /**
     * Requests that change nothing, or that an administrator starts and that run long, by POST: they do not take a
     * turn. Verifying the whole store or a case's chain and previewing a calendar revision read only; a calendar
     * revision recomputes the open cases' limits for up to a minute and would hold one of the few turns all that time.
     */
    static final List<String> WITHOUT_TURN = List.of("/api/audit/verify", "/audit/verify", "/audit/cases/{id}/verify",
            "/api/admin/calendar/preview", "/admin/calendar/preview", "/api/admin/calendar", "/admin/calendar");

    /**
     * {@code cases.http.*}.
     *
     * @param concurrentWrites writes carried out at once; 0: as many as the machine has cores (at least 2); below 0: no limit
     * @param writeWait        how long a write waits for its turn before it is answered 503 busy
     * @param maxWaitingWrites writes that may wait at once; one more is answered 503 busy at once (each waiting write
     *                         holds one of the web server's threads, 200 by default, which the reads need too)
     */
    @ConfigurationProperties("cases.http")
    public record Properties(@DefaultValue("0") int concurrentWrites, @DefaultValue("20s") Duration writeWait,
                             @DefaultValue("100") int maxWaitingWrites) {

        /** The number of writes carried out at once (0 or less: no limit). */
        int turns() {
            return concurrentWrites == 0 ? Math.max(2, Runtime.getRuntime().availableProcessors()) : Math.max(0, concurrentWrites);
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> writesInTurn(Properties properties, ObjectMapper json, MeterRegistry meters) {
        FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(new Filter(properties, json, meters));
        // after Spring Security's chain (-100): an unauthenticated or forbidden write is refused without a turn
        r.setOrder(0);
        r.addUrlPatterns("/*");
        r.setEnabled(properties.turns() > 0);
        return r;
    }

    static final class Filter extends OncePerRequestFilter {

        private final Semaphore turns;
        private final long waitNanos;
        private final int maxWaiting;
        private final List<PathPattern> withoutTurn;
        private final ObjectMapper json;
        private final Timer waited;
        private final Counter refused;

        Filter(Properties properties, ObjectMapper json, MeterRegistry meters) {
            this.turns = new Semaphore(Math.max(1, properties.turns()), true);
            this.waitNanos = properties.writeWait().toNanos();
            this.maxWaiting = Math.max(0, properties.maxWaitingWrites());
            this.withoutTurn = WITHOUT_TURN.stream().map(PathPatternParser.defaultInstance::parse).toList();
            this.json = json;
            this.waited = Timer.builder("cases.http.writes.wait")
                    .description("Time a write waited for its turn (cases.http.concurrent-writes)").register(meters);
            this.refused = Counter.builder("cases.http.writes.refused")
                    .description("Writes answered 503 busy (waited cases.http.write-wait, or found cases.http.max-waiting-writes waiting)").register(meters);
            Gauge.builder("cases.http.writes.waiting", turns, Semaphore::getQueueLength)
                    .description("Writes waiting for their turn").register(meters);
        }

        /** Whether the request takes a turn: it changes something and is not one of {@link #WITHOUT_TURN}. */
        boolean takesATurn(HttpServletRequest request) {
            boolean write = switch (request.getMethod()) {
                case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
                default -> true;
            };
            if (!write) {
                return false;
            }
            String uri = request.getRequestURI();
            String context = request.getContextPath();
            PathContainer path = PathContainer.parsePath(context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri);
            return withoutTurn.stream().noneMatch(p -> p.matches(path));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            if (!takesATurn(req)) {
                chain.doFilter(req, res);
                return;
            }
            long start = System.nanoTime();
            boolean admitted;
            try {
                // enough waiting already: a turn free at once (and nobody before it) or none, so that no thread more is
                // kept from the reads (a timed try honours the order of those waiting; a zero wait does not wait)
                admitted = turns.tryAcquire(turns.getQueueLength() >= maxWaiting ? 0 : waitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                admitted = false;
            }
            waited.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (!admitted) {
                refused.increment();
                busy(req, res);
                return;
            }
            try {
                chain.doFilter(req, res);
            } finally {
                turns.release();
            }
        }

        private void busy(HttpServletRequest req, HttpServletResponse res) throws IOException {
            res.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            res.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            if (!req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
                // a page's form: a short page in Chinese; going back keeps what was typed
                res.setContentType(MediaType.TEXT_HTML_VALUE);
                res.setCharacterEncoding("UTF-8");
                res.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>系统繁忙</title></head>"
                        + "<body><h1>系统繁忙</h1><p>系统正在办理其他操作，本次提交排队超时，未予办理。请返回上一页，数秒后重新提交。</p></body></html>");
                return;
            }
            res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            res.setCharacterEncoding("UTF-8");
            json.writeValue(res.getOutputStream(), Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                    "the service is carrying out other changes and this one waited too long for its turn, so it was not carried out. "
                            + "Send it again in a few seconds, with the same Idempotency-Key (registration) or If-Match (a step)",
                    "系统正在办理其他操作，本次请求排队超时，未予办理。请数秒后重新提交，并携带相同的 Idempotency-Key（登记）或 If-Match（办理步骤）"));
        }
    }
}
