package cn.xinfang.petition.app.security;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The account of the user making the current request, read from the database once per request: the row read to
 * authenticate it (HTTP Basic, the sign-in form) or, for a request authenticated by its session, the first call's
 * read. Every later call of the same request gets the same account; the next request reads it again, so a user
 * disabled or moved to another unit by an admin is refused or moved from the next request on.
 */
@Component
public class CurrentUser {

    /** The request attribute holding the account read in this request. */
    static final String ATTRIBUTE = CurrentUser.class.getName() + ".account";

    private final UserAccounts accounts;

    public CurrentUser(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public Account get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new InsufficientAuthenticationException("not signed in");
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Account read
                && read.username().equals(auth.getName())) {
            return read;
        }
        Account account = accounts.find(auth.getName())
                .orElseThrow(() -> new InsufficientAuthenticationException("the account no longer exists"));
        remember(account);
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
