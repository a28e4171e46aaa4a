package cn.xinfang.petition.app.security;

import cn.xinfang.petition.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The current user's account is read from the database once per request, and again by the next request. */
class CurrentUserTest {

    /** A JdbcTemplate that counts the reads of {@code app_user}. */
    static final class Counting extends JdbcTemplate {
        final AtomicInteger reads = new AtomicInteger();

        Counting(DriverManagerDataSource ds) {
            super(ds);
        }

        @Override
        public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
            if (sql.contains("from app_user")) {
                reads.incrementAndGet();
            }
            return super.query(sql, rowMapper, args);
        }
    }

    Counting jdbc;
    UserAccounts accounts;
    CurrentUser current;

    @BeforeEach
    void setUp() {
        jdbc = new Counting(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        jdbc.execute("create table app_user (username varchar(64) primary key, password_hash varchar(100), "
                + "display_name varchar(64), role varchar(16), unit varchar(64), enabled boolean)");
        jdbc.update("insert into app_user values ('alice', '{noop}x', '张三', 'HANDLER', 'village-1', true)");
        jdbc.update("insert into app_user values ('bob', '{noop}y', '李四', 'SUPERVISOR', null, true)");
        jdbc.reads.set(0);
        accounts = new UserAccounts(jdbc);
        current = new CurrentUser(accounts);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("alice", null, AuthorityUtils.createAuthorityList("ROLE_HANDLER")));
    }

    @AfterEach
    void tearDown() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    static void newRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    @Test
    @DisplayName("HTTP Basic: the row read to authenticate the request is the account for the rest of it (one read)")
    void theAuthenticatingReadServesTheRequest() {
        newRequest();
        accounts.loadUserByUsername("alice");
        Account a = current.get();
        current.get();
        current.get();
        assertThat(a).isEqualTo(new Account("alice", "张三", Role.HANDLER, "village-1", true));
        assertThat(jdbc.reads.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("A request authenticated by its session reads the account at its first call only")
    void aSessionRequestReadsOnce() {
        newRequest();
        assertThat(current.get().unit()).isEqualTo("village-1");
        assertThat(current.get().unit()).isEqualTo("village-1");
        assertThat(jdbc.reads.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("The next request reads the account again: a change by an admin applies from the next request on")
    void theNextRequestSeesAChange() {
        newRequest();
        assertThat(current.get().enabled()).isTrue();
        jdbc.update("update app_user set unit = 'village-2', enabled = false where username = 'alice'");
        assertThat(current.get().unit()).as("the same request keeps what it read").isEqualTo("village-1");

        newRequest();
        Account changed = current.get();
        assertThat(changed.unit()).isEqualTo("village-2");
        assertThat(changed.enabled()).isFalse();
        assertThat(jdbc.reads.get()).isEqualTo(2);
    }

    @Test
    @DisplayName("Another user's row read in the request is never taken for the signed-in user's")
    void anotherUsersReadIsNotTheCurrentAccount() {
        newRequest();
        accounts.loadUserByUsername("bob");
        Account a = current.get();
        assertThat(a.username()).isEqualTo("alice");
        assertThat(a.role()).isEqualTo(Role.HANDLER);
        assertThat(jdbc.reads.get()).isEqualTo(2);
    }

    @Test
    @DisplayName("Outside a request (a scheduled task) every call reads the database")
    void outsideARequestEveryCallReads() {
        current.get();
        current.get();
        assertThat(jdbc.reads.get()).isEqualTo(2);
    }

    @Test
    @DisplayName("A page: the session check's read (find) is the account the page's handler gets, and a removed account is none")
    void aPageReadsOnceAndARemovedAccountIsNone() {
        newRequest();
        var auth = SecurityContextHolder.getContext().getAuthentication();
        assertThat(current.find(auth)).map(Account::unit).contains("village-1");
        assertThat(current.get().unit()).isEqualTo("village-1");
        assertThat(jdbc.reads.get()).isEqualTo(1);

        jdbc.update("delete from app_user where username = 'alice'");
        newRequest();
        assertThat(current.find(auth)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(current::get)
                .isInstanceOf(org.springframework.security.authentication.InsufficientAuthenticationException.class)
                .hasMessage("the account no longer exists");
    }
}
