package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.projection.ledger.LedgerEntry;
import cn.xinfang.petition.projection.stats.UnitStats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger as petition offices keep it: {@code .xlsx} with a title row, a line with 填报单位 and
 * 填报时间, the column headers and one row per case; and CSV in UTF-8 with a byte-order mark so
 * that Excel opens the Chinese text correctly.
 */
public final class LedgerExport {

    static final List<String> HEADERS = List.of("序号", "案件编号", "信访人", "身份证号", "联系方式", "单位或地址", "主要诉求", "渠道",
            "类别", "办理单位", "经办人", "当前环节", "当前时限", "状态", "化解情况", "备注", "书面告知", "送达");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private LedgerExport() {
    }

    static List<String> row(LedgerEntry e, ZoneId zone) {
        String resolution = e.resolution() == null ? "" : e.resolution()
                + (e.satisfaction() == null ? "" : "（" + Labels.of(e.satisfaction()) + "）");
        return List.of(Long.toString(e.seq()), e.caseNo(), e.petitionerName(), nz(e.idNumber()), nz(e.phone()), nz(e.address()),
                e.subject(), Labels.of(e.channel()), Labels.of(e.category()), e.unit(), nz(e.handler()), Labels.of(e.currentStage()),
                time(e.currentDue(), zone), Labels.of(e.status()), resolution, nz(e.remark()), time(e.notifiedAt(), zone),
                time(e.deliveredAt(), zone));
    }

    public static byte[] xlsx(String title, String reportingUnit, Instant reportedAt, List<String> headers, List<List<String>> rows, ZoneId zone) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(title)); // Excel refuses some characters ('/' among them) in a sheet name
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row t = sheet.createRow(0);
            cell(t, 0, title).setCellStyle(bold);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
            Row info = sheet.createRow(1);
            cell(info, 0, "填报单位：" + reportingUnit);
            cell(info, Math.max(1, headers.size() / 2), "填报时间：" + time(reportedAt, zone));
            Row h = sheet.createRow(2);
            for (int i = 0; i < headers.size(); i++) {
                cell(h, i, headers.get(i)).setCellStyle(bold);
            }
            int r = 3;
            for (List<String> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    cell(row, i, values.get(i));
                }
            }
            sheet.createFreezePane(0, 3);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] csv(List<String> headers, List<List<String>> rows) {
        StringBuilder s = new StringBuilder("\uFEFF");
        s.append(line(headers));
        rows.forEach(r -> s.append(line(r)));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<String> statsHeaders() {
        return List.of("单位", "登记数", "受理数", "不予受理数", "办结数", "及时受理率", "按期办结率", "受理回应数", "办理见面数", "免除办理见面数",
                "办结见面数", "免除办结见面数", "一回应两见面完成率", "超期次数", "满意", "基本满意", "不满意", "未评价");
    }

    static List<String> statsRow(UnitStats s) {
        long breaches = s.stages().values().stream().mapToLong(UnitStats.StageStats::breaches).sum();
        return List.of(s.unit(), n(s.registered()), n(s.accepted()), n(s.declined()), n(s.resolved()), pct(s.timelyAcceptanceRate()),
                pct(s.onTimeConclusionRate()), n(s.responseAndMeetings().responded()), n(s.responseAndMeetings().handlingMeetings()),
                n(s.responseAndMeetings().handlingMeetingsWaived()), n(s.responseAndMeetings().conclusionMeetings()),
                n(s.responseAndMeetings().conclusionMeetingsWaived()), pct(s.responseAndMeetings().completionRate()), n(breaches),
                n(s.satisfaction().getOrDefault("SATISFIED", 0L)), n(s.satisfaction().getOrDefault("BASICALLY_SATISFIED", 0L)),
                n(s.satisfaction().getOrDefault("DISSATISFIED", 0L)), n(s.satisfaction().getOrDefault("NOT_RATED", 0L)));
    }

    private static String line(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            String x = v == null ? "" : v;
            if (!x.isEmpty() && "=+-@".indexOf(x.charAt(0)) >= 0) {
                x = "'" + x; // never let a spreadsheet run a petitioner's text as a formula
            }
            quoted.add(x.contains(",") || x.contains("\"") || x.contains("\n") || x.contains("\r")
                    ? "\"" + x.replace("\"", "\"\"") + "\"" : x);
        }
        return String.join(",", quoted) + "\r\n";
    }

    private static Cell cell(Row row, int col, String value) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        return c;
    }

    private static String time(Instant i, ZoneId zone) {
        return i == null ? "" : MINUTE.format(i.atZone(zone));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String n(long v) {
        return Long.toString(v);
    }

    private static String pct(Double rate) {
        return rate == null ? "" : String.format("%.1f%%", rate * 100);
    }
}
