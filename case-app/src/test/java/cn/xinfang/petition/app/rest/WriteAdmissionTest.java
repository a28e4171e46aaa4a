package cn.xinfang.petition.app.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes are carried out a few at a time, reads never wait for them, and a write that waited too long is
 * answered 503 busy without reaching the service (WriteAdmission).
 */
class WriteAdmissionTest {

    /** Spring's builder, as the service's mapper: it writes a problem's properties at the top level. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger reached = new AtomicInteger();

    private WriteAdmission.Filter filter(int concurrentWrites, Duration wait) {
        return new WriteAdmission.Filter(new WriteAdmission.Properties(concurrentWrites, wait, 100), JSON, meters);
    }

    private static MockHttpServletRequest request(String method, String uri) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, uri);
        r.setRequestURI(uri);
        return r;
    }

    /** Sends the request through the filter on another thread; its response when done. */
    private static CompletableFuture<MockHttpServletResponse> inBackground(WriteAdmission.Filter filter, MockHttpServletRequest request,
                                                                           FilterChain chain) {
        return CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse res = new MockHttpServletResponse();
            try {
                filter.doFilter(request, res, chain);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return res;
        });
    }

    /** A chain that counts the requests reaching it and, when given a latch, holds them until it opens. */
    private FilterChain chain(CountDownLatch inside, CountDownLatch release) {
        return (req, res) -> {
            reached.incrementAndGet();
            if (inside != null) {
                inside.countDown();
                try {
                    assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(200);
        };
    }

    @Test
    void aWriteWaitingLongerThanItsLimitIsAnsweredBusyWhileReadsPass() throws Exception {
        WriteAdmission.Filter filter = filter(1, Duration.ofMillis(200));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = inBackground(filter, request("POST", "/api/cases"), chain(inside, release));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        // the only turn is taken: a read goes through at once
        MockHttpServletResponse read = new MockHttpServletResponse();
        filter.doFilter(request("GET", "/api/overdue"), read, chain(null, null));
        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(reached.get()).isEqualTo(2);

        // a second write waits 200 ms, then is refused without reaching the service
        MockHttpServletResponse second = new MockHttpServletResponse();
        filter.doFilter(request("POST", "/api/cases/c-1/sign"), second, chain(null, null));
        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("2");
        assertThat(second.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(second.getContentAsByteArray());
        assertThat(problem.get("code").asText()).isEqualTo("busy");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detailZh").asText()).contains("排队超时");
        assertThat(reached.get()).isEqualTo(2);
        assertThat(meters.counter("cases.http.writes.refused").count()).isEqualTo(1.0);

        // a page's form gets a page, not JSON
        MockHttpServletResponse form = new MockHttpServletResponse();
        filter.doFilter(request("POST", "/cases/c-1/sign"), form, chain(null, null));
        assertThat(form.getStatus()).isEqualTo(503);
        assertThat(form.getContentType()).startsWith("text/html");
        assertThat(form.getContentAsString()).contains("系统繁忙");

        // the first write ends: its turn is free again
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        MockHttpServletResponse third = new MockHttpServletResponse();
        filter.doFilter(request("PUT", "/api/admin/users/u"), third, chain(null, null));
        assertThat(third.getStatus()).isEqualTo(200);
        // the first write, the read and the third write reached the service; the two refused did not
        assertThat(reached.get()).isEqualTo(3);
        // four writes waited for a turn (the read did not)
        assertThat(meters.timer("cases.http.writes.wait").count()).isEqualTo(4);
    }

    @Test
    void writesUpToTheLimitRunTogether() throws Exception {
        WriteAdmission.Filter filter = filter(2, Duration.ofSeconds(10));
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?>[] writes = new CompletableFuture<?>[2];
        for (int i = 0; i < 2; i++) {
            writes[i] = inBackground(filter, request("DELETE", "/api/x"), chain(inside, release));
        }
        // both are inside at once (with one turn the second would wait and this would time out)
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(meters.get("cases.http.writes.waiting").gauge().value()).isZero();
        release.countDown();
        CompletableFuture.allOf(writes).get(10, TimeUnit.SECONDS);
        assertThat(reached.get()).isEqualTo(2);
    }

    @Test
    void theDefaultIsAsManyWritesAsCoresAndBelowZeroNoLimit() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(new WriteAdmission.Properties(0, Duration.ofSeconds(20), 100).turns()).isEqualTo(Math.max(2, cores));
        assertThat(new WriteAdmission.Properties(3, Duration.ofSeconds(20), 100).turns()).isEqualTo(3);
        assertThat(new WriteAdmission.Properties(-1, Duration.ofSeconds(20), 100).turns()).isZero();
    }

    @Test
    void readOnlyPostsAndTheCalendarRevisionTakeNoTurnAndAFullQueueRefusesAtOnce() throws Exception {
        WriteAdmission.Filter filter = new WriteAdmission.Filter(new WriteAdmission.Properties(1, Duration.ofSeconds(30), 0), JSON, meters);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?> first = inBackground(filter, request("POST", "/api/cases"), chain(inside, release));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        // the only turn is taken: verifying, previewing and revising the calendar go through
        for (String path : java.util.List.of("/api/audit/verify", "/audit/verify", "/audit/cases/c-1/verify", "/api/admin/calendar/preview",
                "/admin/calendar/preview", "/api/admin/calendar", "/admin/calendar")) {
            MockHttpServletResponse res = new MockHttpServletResponse();
            filter.doFilter(request("POST", path), res, chain(null, null));
            assertThat(res.getStatus()).as(path).isEqualTo(200);
        }
        assertThat(reached.get()).isEqualTo(8);
        // with no write allowed to wait (max-waiting-writes 0), another write is refused at once, not after 30 s
        CompletableFuture<MockHttpServletResponse> second = inBackground(filter, request("POST", "/api/cases/c-2/sign"), chain(null, null));
        assertThat(second.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(503);
        assertThat(reached.get()).isEqualTo(8);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
    }
}
