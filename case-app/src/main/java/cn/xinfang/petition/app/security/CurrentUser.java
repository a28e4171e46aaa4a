package cn.xinfang.petition.app.security;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The account of the user making the current request. */
@Component
public class CurrentUser {

    private final UserAccounts accounts;

    public CurrentUser(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public Account get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new InsufficientAuthenticationException("not signed in");
        }
        return accounts.find(auth.getName())
                .orElseThrow(() -> new InsufficientAuthenticationException("the account no longer exists"));
    }
}
