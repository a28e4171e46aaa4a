package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.visits.VisitViews;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * 大走访工作台账 in the notice's template (曹办〔2023〕59号, 附件): a title row {@code <town>大走访工作台账},
 * a row {@code 填报单位：<unit>}, a row {@code 填报时间：<date>}, the header row, one row per visit and a
 * last row {@code 走访人签字：}; A4 landscape, fitted to the page width, wrapped text, the header row
 * repeated on every page. CSV: the header and the visits, with a BOM.
 */
public final class VisitLedgerExport {

    /** The template's columns, in order. */
    public static final List<String> HEADERS = List.of("序号", "走访群众（信访人）", "单位或地址", "身份证号", "联系方式", "走访情况（主要诉求）",
            "走访人", "化解稳控情况", "备注");
    /** Column widths in characters, for A4 landscape. */
    private static final int[] WIDTHS = {6, 14, 18, 20, 14, 36, 14, 30, 14};

    private VisitLedgerExport() {
    }

    static List<String> row(VisitViews.LedgerRow r) {
        return List.of(Integer.toString(r.seq()), r.person(), r.workUnitOrAddress(), r.idNumber(), r.phone(), r.demands(), r.visitors(),
                r.resolution(), r.remarks());
    }

    public static byte[] xlsx(String townName, String unitName, LocalDate date, List<VisitViews.LedgerRow> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String title = townName + "大走访工作台账";
            Sheet sheet = wb.createSheet("大走访工作台账");
            int last = HEADERS.size() - 1;
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            CellStyle titleStyle = wb.createCellStyle();
            titleStyle.setFont(titleFont);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            CellStyle body = bordered(wb);

            cell(sheet.createRow(0), 0, title).setCellStyle(titleStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            cell(sheet.createRow(1), 0, "填报单位：" + unitName);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
            cell(sheet.createRow(2), 0, "填报时间：" + date);
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, last));
            Row h = sheet.createRow(3);
            for (int i = 0; i < HEADERS.size(); i++) {
                cell(h, i, HEADERS.get(i)).setCellStyle(header);
            }
            int r = 4;
            for (VisitViews.LedgerRow v : rows) {
                Row row = sheet.createRow(r++);
                List<String> values = row(v);
                for (int i = 0; i < values.size(); i++) {
                    cell(row, i, values.get(i)).setCellStyle(body);
                }
            }
            cell(sheet.createRow(r), 0, "走访人签字：");
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 2 * 256 / 2 + 512);
            }
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setRepeatingRows(new CellRangeAddress(3, 3, 0, last));
            sheet.setHorizontallyCenter(true);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] csv(List<VisitViews.LedgerRow> rows) {
        return LedgerExport.csv(HEADERS, rows.stream().map(VisitLedgerExport::row).toList());
    }

    private static CellStyle bordered(XSSFWorkbook wb) {
        CellStyle s = wb.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setWrapText(true);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        return s;
    }

    private static Cell cell(Row row, int col, String value) {
        Cell c = row.createCell(col);
        c.setCellValue(value == null ? "" : value);
        return c;
    }
}
