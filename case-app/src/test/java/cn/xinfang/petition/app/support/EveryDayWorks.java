package cn.xinfang.petition.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * An operator calendar for this year and the next with no holidays and every weekend day a make-up
 * working day: with working hours 00:00–23:59 a limit of hours runs out that many hours later,
 * whatever day a test runs on.
 */
public final class EveryDayWorks {

    private EveryDayWorks() {
    }

    public static Path write(Path file) throws IOException {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        StringBuilder json = new StringBuilder("{\"years\":{");
        for (int y = year; y <= year + 1; y++) {
            List<String> weekend = new ArrayList<>();
            for (LocalDate d = LocalDate.of(y, 1, 1); d.getYear() == y; d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    weekend.add("\"" + d + "\"");
                }
            }
            json.append(y == year ? "" : ",").append('"').append(y).append("\":{\"holidays\":[],\"workdays\":[")
                    .append(String.join(",", weekend)).append("]}");
        }
        json.append("}}");
        Files.writeString(file, json);
        return file.toAbsolutePath();
    }
}
