package cn.xinfang.petition.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Security headers on every answer (issue 17), the API's, the pages', static files' and errors'
 * alike: {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin},
 * {@code X-Frame-Options: DENY} and the pages' Content-Security-Policy (scripts and styles from the
 * service itself, {@code frame-ancestors 'none'}). Set before anything else writes, so Spring
 * Security's own header writers (which keep a header already set) agree with them.
 */
@Component
@Order(-300)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    /** The Content-Security-Policy of every answer; the pages pass it (no inline scripts). */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "same-origin");
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        chain.doFilter(req, res);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
