package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.app.supervision.SupervisionViews.Notice;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * A published 通报 in its usual form: issuing body, number, title, the units it is addressed to
 * (主送), the body, the cases and accountability named, the issuing body and date. As .docx (Apache
 * POI) or as an HTML page ready to print to PDF.
 */
public final class NoticeExport {

    static final String ISSUER = "信访工作督查组";

    private NoticeExport() {
    }

    static String date(Notice n, ZoneId zone) {
        LocalDate d = LocalDate.ofInstant(n.publishedAt(), zone);
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static List<String> lines(Notice n, Function<String, String> unitName) {
        List<String> body = new java.util.ArrayList<>();
        for (String p : n.text().split("\\R")) {
            if (!p.isBlank()) {
                body.add(p);
            }
        }
        if (!n.caseIds().isEmpty()) {
            body.add("涉及信访事项：" + String.join("、", n.caseIds()));
        }
        if (!n.rectificationIds().isEmpty()) {
            body.add("涉及整改事项：" + String.join("、", n.rectificationIds()));
        }
        if (n.accountability() != null) {
            body.add("追责问责建议：" + String.join("、", n.accountability().persons())
                    + (n.accountability().proposal() == null ? "" : "，" + n.accountability().proposal()));
        }
        return body;
    }

    public static byte[] docx(Notice n, Function<String, String> unitName, ZoneId zone) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(doc, ISSUER + "文件", ParagraphAlignment.CENTER, true, 26);
            paragraph(doc, n.number(), ParagraphAlignment.CENTER, false, 16);
            paragraph(doc, n.title(), ParagraphAlignment.CENTER, true, 22);
            paragraph(doc, String.join("、", n.units().stream().map(unitName).toList()) + "：", ParagraphAlignment.LEFT, false, 16);
            for (String line : lines(n, unitName)) {
                paragraph(doc, "\u3000\u3000" + line, ParagraphAlignment.LEFT, false, 16);
            }
            paragraph(doc, ISSUER, ParagraphAlignment.RIGHT, false, 16);
            paragraph(doc, date(n, zone), ParagraphAlignment.RIGHT, false, 16);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument doc, String text, ParagraphAlignment align, boolean bold, int size) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontSize(size);
        r.setFontFamily("仿宋");
    }

    public static String html(Notice n, Function<String, String> unitName, ZoneId zone) {
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>").append(esc(n.title())).append(' ')
                .append(esc(n.number())).append("</title><style>@page{size:A4;margin:37mm 26mm 35mm 28mm}"
                        + "body{font-family:FangSong,'仿宋',serif;font-size:16pt;line-height:1.8}"
                        + ".issuer{text-align:center;color:#c00;font-size:26pt;font-weight:bold;border-bottom:2px solid #c00}"
                        + ".number{text-align:center}h1{text-align:center;font-size:22pt;font-family:SimHei,'黑体',sans-serif}"
                        + "p.body{text-indent:2em;margin:0}.sign{text-align:right;margin-top:2em}</style></head><body>");
        s.append("<div class=\"issuer\">").append(ISSUER).append("文件</div>");
        s.append("<p class=\"number\">").append(esc(n.number())).append("</p>");
        s.append("<h1>").append(esc(n.title())).append("</h1>");
        s.append("<p class=\"to\">").append(esc(String.join("、", n.units().stream().map(unitName).toList()))).append("：</p>");
        for (String line : lines(n, unitName)) {
            s.append("<p class=\"body\">").append(esc(line)).append("</p>");
        }
        s.append("<div class=\"sign\">").append(ISSUER).append("<br>").append(date(n, zone)).append("</div></body></html>");
        return s.toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
