package cn.xinfang.petition.app.web;

import cn.xinfang.petition.app.admin.AdminService;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every page needs (the signed-in user, the names of the units, the current path for the
 * language switch) and the error page: a refusal keeps its status and shows its message; a case a
 * user may not read is shown as not found, so a page never tells whether another unit's case exists.
 */
@ControllerAdvice(basePackages = "cn.xinfang.petition.app.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final CurrentUser currentUser;
    private final AdminService admin;
    private final PageProblems problems;

    PageAdvice(CurrentUser currentUser, AdminService admin, PageProblems problems) {
        this.problems = problems;
        this.currentUser = currentUser;
        this.admin = admin;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            Account a = currentUser.find(auth).filter(Account::enabled).orElse(null);
            if (a == null) {
                // disabled (or removed) by an administrator since signing in: the session ends now, not at its timeout
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                throw new org.springframework.security.authentication.DisabledException("the account is disabled");
            }
            model.addAttribute("me", a);
        }
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("path", request.getRequestURI());
    }

    Map<String, String> unitNames() {
        Map<String, String> names = new TreeMap<>();
        admin.units().forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView error(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) throws Exception {
        if (e instanceof NoResourceFoundException) {
            return page(HttpStatus.NOT_FOUND, "not-found", null, request, response);
        }
        if (e instanceof org.springframework.web.ErrorResponse r && HttpStatus.resolve(r.getStatusCode().value()) != null) {
            // Spring MVC's own refusals (a wrong method, a missing parameter, an unknown step): their status, our page
            HttpStatus status = HttpStatus.resolve(r.getStatusCode().value());
            return page(status, status.name().toLowerCase(Locale.ROOT).replace('_', '-'), null, request, response);
        }
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring Security's own handling: the login page or 403
        }
        PageProblem p = problems.of(e).orElse(null);
        if (p == null) {
            log.error("unexpected error on page {}", request.getRequestURI(), e);
            return page(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null, request, response);
        }
        if (p.status() == 403 && (request.getRequestURI().startsWith("/cases/") || request.getRequestURI().startsWith("/audit/cases/"))) {
            // another unit's case: answered like a case that does not exist
            return page(HttpStatus.NOT_FOUND, "case-not-found", null, request, response);
        }
        return page(HttpStatus.valueOf(p.status()), p.code(), p.detail(locale), request, response);
    }

    private ModelAndView page(HttpStatus status, String code, String detail, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("code", code);
        mv.addObject("detail", detail);
        Model m = new org.springframework.ui.ExtendedModelMap();
        common(m, request);
        mv.addAllObjects(m.asMap());
        return mv;
    }

    /** The account of the request (pages are behind the login, so there is one). */
    static Account me(Model model) {
        return (Account) model.getAttribute("me");
    }
}
