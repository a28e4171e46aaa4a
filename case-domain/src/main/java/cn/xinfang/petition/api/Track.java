package cn.xinfang.petition.api;

/** 办理程序 – the track a case is handled on: 简易 ("225") or 一般 ("510"). */
public enum Track {
    /** 简易信访事项: sign 2 h, accept 2 h, opinion 5 working days ("225"). */
    SIMPLE("225"),
    /** 一般信访事项: accept 5 working days, opinion 10 working days ("510"). */
    GENERAL("510");

    private final String code;

    Track(String code) {
        this.code = code;
    }

    /** The short name petition offices use for the track: "225" or "510". */
    public String code() {
        return code;
    }
}
