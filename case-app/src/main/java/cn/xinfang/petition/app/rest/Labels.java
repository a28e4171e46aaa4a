package cn.xinfang.petition.app.rest;

import java.util.Map;

/** Chinese labels of the codes, for the ledgers and reports that petition offices print. */
final class Labels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("VISIT", "来访"), Map.entry("LETTER", "来信"), Map.entry("HOTLINE_12345", "12345热线"),
            Map.entry("MAILBOX", "县长信箱"), Map.entry("ONLINE", "网上信访"), Map.entry("FIELD_VISIT", "走访发现"),
            Map.entry("LEADER_RECEPTION", "领导接访"),
            Map.entry("PROPOSAL", "建议意见类"), Map.entry("ACCUSATION", "检举控告类"), Map.entry("COMPLAINT", "申诉求决类"),
            Map.entry("SIMPLE", "简易（225）"), Map.entry("GENERAL", "一般（510）"),
            Map.entry("REGISTERED", "已登记"), Map.entry("SIGNED", "已签收"), Map.entry("ACCEPTED", "已受理"),
            Map.entry("OPINION_GIVEN", "已出具处理意见"), Map.entry("RESOLVED", "已办结"), Map.entry("DECLINED", "不予受理"),
            Map.entry("SIGN", "签收"), Map.entry("ACCEPT", "受理"), Map.entry("RESPOND", "受理回应"),
            Map.entry("MEET_HANDLING", "办理见面"), Map.entry("OPINION", "处理意见"), Map.entry("MEET_CONCLUSION", "办结见面"),
            Map.entry("CONCLUDE", "办结"),
            Map.entry("SATISFIED", "满意"), Map.entry("BASICALLY_SATISFIED", "基本满意"), Map.entry("DISSATISFIED", "不满意"),
            Map.entry("NOT_RATED", "未评价"));

    private Labels() {
    }

    static String of(String code) {
        return code == null ? "" : LABELS.getOrDefault(code, code);
    }
}
