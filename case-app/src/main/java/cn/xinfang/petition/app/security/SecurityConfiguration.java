package cn.xinfang.petition.app.security;

import cn.xinfang.petition.app.problem.DatabaseUnavailable;
import cn.xinfang.petition.app.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;

/**
 * Two filter chains. The API ({@code /api/**}, Actuator, the OpenAPI description): HTTP Basic,
 * stateless. Health answers without authentication (load balancers); the rest of Actuator and the
 * admin API need ADMIN; every other API call needs a signed-in user, whose role and unit the
 * services check further. Errors are problem+json like the rest of the API.
 * The pages (everything else, docs/ui.md): form login at {@code /login} with a session, CSRF
 * tokens on every form (htmx sends the token in a header), {@code /admin/**} for ADMIN; the same
 * accounts, roles and unit scopes as the API, checked by the same services.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties props) {
        return new BCryptPasswordEncoder(props.bcryptStrength());
    }

    /** Paths served by the stateless API chain; everything else is a page. */
    static final String[] API_PATHS = {"/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher(API_PATHS)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.realmName("petition").authenticationEntryPoint((req, res, e) -> {
                    if (DatabaseUnavailable.causedBy(e)) {
                        // the account could not be read: not a wrong password, and the client should retry
                        unavailable(res, json);
                        return;
                    }
                    write(res, json, HttpStatus.UNAUTHORIZED, "unauthorized",
                            "Sign in with HTTP Basic (username and password); a disabled account is refused.",
                            "请使用用户名和密码登录（HTTP Basic）；已停用的账号不能登录。", true);
                }))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((req, res, e) -> write(res, json, HttpStatus.UNAUTHORIZED, "unauthorized",
                                "Sign in with HTTP Basic (username and password).", "请使用用户名和密码登录（HTTP Basic）。", true))
                        .accessDeniedHandler((req, res, e) -> write(res, json, HttpStatus.FORBIDDEN, "forbidden",
                                "Your role may not use this resource.", "您的角色无权访问该资源。", false)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll());
        return http.build();
    }

    /** The pages: form login with a session, CSRF on every form, the admin pages for ADMIN only. */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.csrf(Customizer.withDefaults())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
                                + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }

    /** Requests Spring Security's firewall refuses (';', '%25', '//' in the path) get the API's problem shape too. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (req, res, e) -> write(res, json, HttpStatus.BAD_REQUEST, "rejected-request",
                "The request address contains characters that are not allowed (such as ';', '%25' or '//'); remove them and try again.",
                "请求地址包含不允许的字符（如 ';'、'%25' 或 '//'），请去除后重试。", false);
    }

    private static void unavailable(HttpServletResponse res, ObjectMapper json) throws IOException {
        res.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        res.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        json.writeValue(res.getOutputStream(), DatabaseUnavailable.problem());
    }

    private static void write(HttpServletResponse res, ObjectMapper json, HttpStatus status, String code, String en, String zh,
                              boolean challenge) throws IOException {
        ProblemDetail p = Problems.of(status, code, en, zh);
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        if (challenge) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"petition\"");
        }
        json.writeValue(res.getOutputStream(), p);
    }
}
