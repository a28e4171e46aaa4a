package cn.xinfang.petition.app.readmodel;

import cn.xinfang.petition.projection.support.KeyedWrites;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The order in which a view's batched writes reach the database (issue 18). */
class KeyedWritesTest {

    /** Records the JDBC calls instead of making them: "update SQL [args]" or "batch SQL [args] [args]…". */
    static final class Recording extends JdbcTemplate {
        final List<String> calls = new ArrayList<>();

        @Override
        public int update(String sql, Object... args) {
            calls.add("update " + sql + " " + Arrays.toString(args));
            return 1;
        }

        @Override
        public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
            calls.add("batch " + sql + " " + String.join(" ", batchArgs.stream().map(Arrays::toString).toList()));
            return new int[batchArgs.size()];
        }
    }

    @Test
    @DisplayName("同一事项的写入按原顺序，不同事项的同类写入合成一批")
    void eachKeysWritesInOrderTheSameStatementOfDifferentKeysInOneBatch() {
        Recording jdbc = new Recording();
        KeyedWrites writes = new KeyedWrites(jdbc);
        writes.add("A", "s1", "a1");
        writes.add("B", "s1", "b1");
        writes.add("A", "s2", "a2");
        writes.add("C", "s2", "c1");
        writes.add("A", "s1", "a3");
        writes.add("C", "s2", "c2");
        assertThat(jdbc.calls).as("nothing runs before the flush").isEmpty();

        int calls = writes.flush();

        // round 1: the first write of A, B and C; round 2: the second of A and C; round 3: the third of A
        assertThat(jdbc.calls).containsExactly(
                "batch s1 [a1] [b1]",
                "update s2 [c1]",
                "batch s2 [a2] [c2]",
                "update s1 [a3]");
        assertThat(calls).isEqualTo(4);
        assertThat(writes.flush()).as("a flush sends each write once").isZero();
        assertThat(jdbc.calls).hasSize(4);
    }

    @Test
    @DisplayName("在工作单元之外立即写入")
    void outsideAUnitOfWorkAWriteRunsAtOnce() {
        Recording jdbc = new Recording();
        KeyedWrites.write(jdbc, "resource", "A", "s1", "a1", 2);
        assertThat(jdbc.calls).containsExactly("update s1 [a1, 2]");
    }
}
