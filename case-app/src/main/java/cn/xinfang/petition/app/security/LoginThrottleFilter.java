package cn.xinfang.petition.app.security;

import cn.xinfang.petition.app.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Refuses a sign-in attempt of a locked user ({@link LoginThrottle}) before any password is checked:
 * an API request with HTTP Basic credentials, or the web login form ({@code POST /login}). The
 * answer is 429 with {@code Retry-After}: problem+json ({@code code} {@code too-many-failed-logins}),
 * or a short page for a browser. Runs before Spring Security's filters.
 */
@Component
@Order(-200)
public class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    public LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        String user = attemptedUser(req);
        Optional<Duration> wait = throttle.lockedFor(user);
        if (wait.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toNanosPart() > 0 ? 1 : 0));
        res.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        res.setHeader("Retry-After", Long.toString(seconds));
        res.setCharacterEncoding("UTF-8");
        String accept = req.getHeader("Accept");
        if (isLoginForm(req) && accept != null && accept.contains("text/html")) {
            res.setContentType(MediaType.TEXT_HTML_VALUE);
            res.getOutputStream().write(("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>登录尝试过多</title></head><body>"
                    + "<h1>登录失败次数过多</h1><p>该账号的登录已暂停，请 " + seconds + " 秒后再试。</p>"
                    + "<p>Too many failed sign-ins for this user: try again in " + seconds + " s.</p>"
                    + "<p><a href=\"/login\">返回登录 / Back to sign-in</a></p></body></html>").getBytes(StandardCharsets.UTF_8));
            return;
        }
        ProblemDetail p = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins",
                "Too many failed sign-ins for this user: try again in " + seconds + " s.",
                "该账号登录失败次数过多，请 " + seconds + " 秒后再试。");
        p.setProperty("retryAfterSeconds", seconds);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), p);
    }

    private static boolean isLoginForm(HttpServletRequest req) {
        return "POST".equals(req.getMethod()) && "/login".equals(req.getServletPath());
    }

    /** The user name a request tries to sign in as, or null. */
    static String attemptedUser(HttpServletRequest req) {
        String auth = req.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        if (isLoginForm(req)) {
            return req.getParameter("username");
        }
        return null;
    }
}
