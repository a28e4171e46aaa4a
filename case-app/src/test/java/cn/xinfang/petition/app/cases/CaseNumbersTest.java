package cn.xinfang.petition.app.cases;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Case numbers under concurrency, including the first numbers of a year taken at the same moment. */
@SpringBootTest
class CaseNumbersTest {

    @Autowired
    CaseNumbers numbers;

    @Test
    @DisplayName("同一年的首批编号并发领取：不重复、不出错、连续")
    void concurrentFirstNumbersOfAYearAreDistinctAndConsecutive() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> tasks = IntStream.range(0, 40).<Callable<String>>mapToObj(i -> () -> numbers.next(2031)).toList();
            List<String> got = new java.util.ArrayList<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                got.add(f.get());
            }
            assertThat(got).doesNotHaveDuplicates().hasSize(40);
            assertThat(got).allMatch(s -> s.startsWith("2031-"));
            assertThat(got.stream().sorted().toList().get(39)).isEqualTo("2031-000040");
        } finally {
            pool.shutdownNow();
        }
    }
}
