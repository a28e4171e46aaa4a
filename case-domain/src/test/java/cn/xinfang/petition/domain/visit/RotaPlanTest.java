package cn.xinfang.petition.domain.visit;

import cn.xinfang.petition.api.visit.RotaEntry;
import cn.xinfang.petition.time.BusinessCalendar;
import cn.xinfang.petition.time.CalendarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The rota of the notice's 常态开展阶段 (2023-12-25 to 2024-02-29) on the shipped calendar, every date counted by hand. */
class RotaPlanTest {

    static final BusinessCalendar CALENDAR = CalendarFile.shipped();

    @Test
    @DisplayName("2023-12-25 至 2024-02-29：45 个工作日，周一 8 天、周五 8 天，调休的周日归其他班子成员")
    void theCampaignPeriod() {
        List<RotaEntry> rota = RotaPlan.generate(CALENDAR, LocalDate.parse("2023-12-25"), LocalDate.parse("2024-02-29"), "shuji",
                "zhenzhang", List.of("a", "b", "c"));
        // Dec 25-29: 5; January: 23 weekdays less 01-01 = 22; February: 21 weekdays less 02-12..02-16 = 16, plus the
        // make-up Sundays 02-04 and 02-18 = 18; 5 + 22 + 18 = 45
        assertThat(rota).hasSize(45);
        Map<String, List<LocalDate>> byLeader = rota.stream()
                .collect(Collectors.groupingBy(RotaEntry::leader, Collectors.mapping(RotaEntry::date, Collectors.toList())));
        assertThat(byLeader.get("shuji")).containsExactly(d("2023-12-25"), d("2024-01-08"), d("2024-01-15"), d("2024-01-22"),
                d("2024-01-29"), d("2024-02-05"), d("2024-02-19"), d("2024-02-26"));
        assertThat(byLeader.get("zhenzhang")).containsExactly(d("2023-12-29"), d("2024-01-05"), d("2024-01-12"), d("2024-01-19"),
                d("2024-01-26"), d("2024-02-02"), d("2024-02-09"), d("2024-02-23"));
        List<LocalDate> dates = rota.stream().map(RotaEntry::date).toList();
        assertThat(dates).doesNotContain(d("2024-01-01"), d("2024-02-12"), d("2024-02-16"), d("2024-02-10"), d("2024-02-17"))
                .contains(d("2024-02-04"), d("2024-02-18"));
        assertThat(byLeader.get("a").size() + byLeader.get("b").size() + byLeader.get("c").size()).isEqualTo(29);
        // the others take turns in date order: 12-26 a, 12-27 b, 12-28 c, 01-02 a, ...; 02-04 (make-up Sunday) and 02-18 too
        assertThat(leaderOn(rota, "2023-12-26")).isEqualTo("a");
        assertThat(leaderOn(rota, "2023-12-27")).isEqualTo("b");
        assertThat(leaderOn(rota, "2023-12-28")).isEqualTo("c");
        assertThat(leaderOn(rota, "2024-01-02")).isEqualTo("a");
        assertThat(leaderOn(rota, "2024-02-04")).isIn("a", "b", "c");
        assertThat(leaderOn(rota, "2024-02-18")).isIn("a", "b", "c");
    }

    @Test
    void aWeekendOnlyPeriodHasNoEntry() {
        assertThat(RotaPlan.generate(CALENDAR, d("2024-03-02"), d("2024-03-03"), "m", "f", List.of("o"))).isEmpty();
    }

    static String leaderOn(List<RotaEntry> rota, String date) {
        return rota.stream().filter(e -> e.date().equals(d(date))).findFirst().orElseThrow().leader();
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
