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
    @DisplayName("多个事项的同一单行插入合成多行插入，每条行数为2的幂")
    void oneRowInsertsOfSeveralKeysGoOutAsMultiRowInsertsOfPowerOfTwoRows() {
        Recording jdbc = new Recording();
        KeyedWrites writes = new KeyedWrites(jdbc);
        String insert = "insert into t (a, b) values (?, ?) on conflict do nothing";
        for (int k = 1; k <= 7; k++) {
            writes.add("K" + k, insert, "k" + k, k);
        }
        writes.add("K1", "insert into t (a, b) values (?, (select 1))", "x", 0);
        writes.add("K2", "insert into t (a, b) values (?, (select 1))", "y", 0);

        int calls = writes.flush();

        // 7 rows: 4 + 2 + 1, in the order the keys wrote them; an insert with more than parameters in its row stays a batch
        assertThat(jdbc.calls).containsExactly(
                "update insert into t (a, b) values (?, ?), (?, ?), (?, ?), (?, ?) on conflict do nothing [k1, 1, k2, 2, k3, 3, k4, 4]",
                "update insert into t (a, b) values (?, ?), (?, ?) on conflict do nothing [k5, 5, k6, 6]",
                "update insert into t (a, b) values (?, ?) on conflict do nothing [k7, 7]",
                "batch insert into t (a, b) values (?, (select 1)) [x, 0] [y, 0]");
        assertThat(calls).isEqualTo(4);
    }

    @Test
    @DisplayName("多行插入每条至多256行")
    void aMultiRowInsertCarriesAtMostMaxRows() {
        Recording jdbc = new Recording();
        KeyedWrites writes = new KeyedWrites(jdbc);
        for (int k = 0; k < 300; k++) {
            writes.add("K" + k, "INSERT INTO t (a) VALUES (?)", k);
        }

        assertThat(writes.flush()).isEqualTo(4);

        // 300 = 256 + 32 + 8 + 4, each statement's rows in order
        assertThat(jdbc.calls).extracting(c -> c.chars().filter(ch -> ch == '?').count())
                .containsExactly(256L, 32L, 8L, 4L);
        assertThat(jdbc.calls.get(1)).startsWith("update INSERT INTO t (a) VALUES (?), (?)").endsWith("[256, 257, 258, 259, 260, 261, "
                + "262, 263, 264, 265, 266, 267, 268, 269, 270, 271, 272, 273, 274, 275, 276, 277, 278, 279, 280, 281, 282, 283, 284, "
                + "285, 286, 287]");
    }

    @Test
    @DisplayName("多行插入的参数不超过32767个")
    void aMultiRowInsertCarriesAtMostMaxParameters() {
        Recording jdbc = new Recording();
        KeyedWrites writes = new KeyedWrites(jdbc);
        String columns = String.join(", ", java.util.stream.IntStream.range(0, 200).mapToObj(i -> "c" + i).toList());
        String row = "(" + "?, ".repeat(199) + "?)";
        for (int k = 0; k < 300; k++) {
            writes.add("K" + k, "insert into t (" + columns + ") values " + row, new Object[200]);
        }

        assertThat(writes.flush()).isEqualTo(5);

        // 32,767 / 200 = 163 rows at most, so 128 (a power of two): 300 = 128 + 128 + 32 + 8 + 4
        assertThat(jdbc.calls).extracting(c -> c.chars().filter(ch -> ch == '?').count())
                .containsExactly(25_600L, 25_600L, 6_400L, 1_600L, 800L);
    }

    @Test
    @DisplayName("在工作单元之外立即写入")
    void outsideAUnitOfWorkAWriteRunsAtOnce() {
        Recording jdbc = new Recording();
        KeyedWrites.write(jdbc, "resource", "A", "s1", "a1", 2);
        assertThat(jdbc.calls).containsExactly("update s1 [a1, 2]");
    }
}
