package cn.xinfang.petition.app.security;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.Optional;

/**
 * The account of the user making the current request, read from the database once per request: the row read to
 * authenticate it (HTTP Basic, the sign-in form) or, for a request authenticated by its session, the first call's
 * read. Every later call of the same request gets the same account, even if an admin changes it meanwhile; the next
 * request reads it again. Refusing a disabled account is not done here: authentication refuses it on the API, and
 * the pages end its session ({@code PageAdvice}), both from the row of the request.
 */
@Component
public class CurrentUser {

    /** The request attribute holding the account read in this request. */
    static final String ATTRIBUTE = CurrentUser.class.getName() + ".account";

    private final UserAccounts accounts;

    public CurrentUser(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** The signed-in user's account; refused (401) when nobody is signed in or the account no longer exists. */
    public Account get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new InsufficientAuthenticationException("not signed in");
        }
        return find(auth).orElseThrow(() -> new InsufficientAuthenticationException("the account no longer exists"));
    }

    /** The account of the authenticated user {@code auth} as this request knows it; empty when it no longer exists. */
    public Optional<Account> find(Authentication auth) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Account read
                && read.username().equals(auth.getName())) {
            return Optional.of(read);
        }
        Optional<Account> account = accounts.find(auth.getName());
        account.ifPresent(CurrentUser::remember);
        return account;
    }

    /** Keeps an account read from the database for the rest of the current request (nothing outside a request). */
    static void remember(Account account) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, account, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
