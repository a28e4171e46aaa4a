package cn.xinfang.petition.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads calendar files of the shape of the shipped {@code calendar/cn-workdays.json}:
 * <pre>{"years": {"2024": {"notice": "...", "holidays": ["2024-01-01", ...],
 *                  "workdays": ["2024-02-04", ...], "names": {"2024-01-01": "元旦", ...}}}}</pre>
 * The shipped file holds the State Council notices for 2022–2026; an operator's file of the same
 * shape is laid over it ({@link BusinessCalendar#mergedWith}) to add a year or correct one.
 */
public final class CalendarFile {

    /** The classpath resource with the shipped calendar. */
    public static final String SHIPPED_RESOURCE = "/calendar/cn-workdays.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CalendarFile() {
    }

    /** The calendar shipped with the engine (2022–2026). */
    public static BusinessCalendar shipped() {
        try (InputStream in = CalendarFile.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped calendar " + SHIPPED_RESOURCE + " is missing from the classpath");
            }
            return read(in, SHIPPED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped calendar with an operator's file laid over it. */
    public static BusinessCalendar shippedWithOverlay(Path operatorFile) {
        return shipped().mergedWith(read(operatorFile));
    }

    public static BusinessCalendar read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidCalendarException("calendar file " + file.toAbsolutePath()
                    + " does not exist or is not a file; set cases.time.calendar-file to a JSON file shaped like calendar/cn-workdays.json");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new InvalidCalendarException("calendar file " + file + " cannot be read: " + e.getMessage());
        }
    }

    public static BusinessCalendar read(InputStream in, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new InvalidCalendarException("calendar " + source + " is not valid JSON: " + e.getMessage());
        }
        JsonNode years = root == null ? null : root.get("years");
        if (years == null || !years.isObject()) {
            throw new InvalidCalendarException("calendar " + source + " has no \"years\" object; expected {\"years\": {\"2027\": {\"holidays\": [...], \"workdays\": [...]}}}");
        }
        List<CalendarYear> result = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = years.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            result.add(year(source, e.getKey(), e.getValue()));
        }
        return BusinessCalendar.of(result);
    }

    private static CalendarYear year(String source, String key, JsonNode node) {
        int year;
        try {
            year = Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw new InvalidCalendarException("calendar " + source + ": year key \"" + key + "\" is not a year such as \"2027\"");
        }
        String where = "calendar " + source + ", year " + key;
        // Without these checks a year that is not an object, or whose "holidays" is misspelt, would load
        // as a known year with no holidays: every day Monday-Friday counted, and no fallback flag to say so.
        if (node == null || !node.isObject()) {
            throw new InvalidCalendarException(where + " must be an object such as {\"holidays\": [\"2027-01-01\"], \"workdays\": [...]}");
        }
        if (!node.has("holidays")) {
            throw new InvalidCalendarException(where + " has no \"holidays\" array; every notice lists its days off "
                    + "(the fields are \"holidays\", \"workdays\", \"names\" and \"notice\")");
        }
        Set<LocalDate> holidays = dates(where, "holidays", node.get("holidays"));
        Set<LocalDate> workdays = dates(where, "workdays", node.get("workdays"));
        Map<LocalDate, String> names = new HashMap<>();
        JsonNode n = node.get("names");
        if (n != null && n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                names.put(date(where, "names", e.getKey()), e.getValue().asText());
            }
        }
        String notice = node.hasNonNull("notice") ? node.get("notice").asText() : null;
        try {
            return new CalendarYear(year, notice, holidays, workdays, names);
        } catch (IllegalArgumentException e) {
            throw new InvalidCalendarException(source + ": " + e.getMessage());
        }
    }

    private static Set<LocalDate> dates(String where, String field, JsonNode node) {
        if (node == null) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw new InvalidCalendarException(where + ": \"" + field + "\" must be an array of dates (yyyy-MM-dd)");
        }
        Set<LocalDate> out = new HashSet<>();
        for (JsonNode d : node) {
            out.add(date(where, field, d.asText()));
        }
        return out;
    }

    private static LocalDate date(String where, String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidCalendarException(where + ": \"" + text + "\" in \"" + field + "\" is not a date of the form yyyy-MM-dd");
        }
    }
}
