package cn.xinfang.petition.app.security;

import cn.xinfang.petition.api.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The service's users, read from {@code app_user} on every request: a user disabled by an admin
 * is refused at once, with no cache to wait for. The row read to authenticate a request is the
 * account {@link CurrentUser} gives for the rest of that request (one read per request, not one
 * per caller).
 */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcTemplate jdbc;

    public UserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query("select username, password_hash, display_name, role, unit, enabled from app_user "
                + "where username = ?", (rs, i) -> {
                    CurrentUser.remember(account(rs, i));
                    return User.withUsername(rs.getString("username"))
                            .password(rs.getString("password_hash"))
                            .authorities(new SimpleGrantedAuthority("ROLE_" + rs.getString("role")))
                            .disabled(!rs.getBoolean("enabled"))
                            .build();
                }, username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("no such user");
        }
        return found.get(0);
    }

    public Optional<Account> find(String username) {
        return jdbc.query("select username, display_name, role, unit, enabled from app_user where username = ?",
                UserAccounts::account, username).stream().findFirst();
    }

    public List<Account> all() {
        return jdbc.query("select username, display_name, role, unit, enabled from app_user order by username", UserAccounts::account);
    }

    public boolean anyAdmin() {
        Integer n = jdbc.queryForObject("select count(*) from app_user where role = 'ADMIN'", Integer.class);
        return n != null && n > 0;
    }

    static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                rs.getString("unit"), rs.getBoolean("enabled"));
    }
}
