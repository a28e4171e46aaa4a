package cn.xinfang.petition.api;

/**
 * 联系电话 – checks of mainland phone numbers: a mobile number ({@code 13812345678}, optionally with
 * {@code +86}) or a landline with its area code ({@code 0371-62345678}, {@code 010-62345678},
 * optionally with an extension {@code -123}). Spaces are removed.
 */
public final class PhoneNumber {

    private static final String MOBILE = "1[3-9]\\d{9}";
    private static final String LANDLINE = "0\\d{2,3}-?[2-9]\\d{6,7}(-\\d{1,6})?";

    private PhoneNumber() {
    }

    /** The normalised number, or an {@link IllegalArgumentException} saying what is wrong. */
    public static String normalize(String raw) {
        String p = raw.replace(" ", "").trim();
        if (p.startsWith("+86")) {
            p = p.substring(3);
        }
        if (p.matches(MOBILE) || p.matches(LANDLINE)) {
            return p;
        }
        throw new IllegalArgumentException("the phone number must be a mainland mobile number (11 digits starting 13-19) "
                + "or a landline with area code such as 0371-62345678");
    }

    /** 脱敏 – a mobile number keeps its first 3 and last 4 digits ({@code 138****5678}); a landline its area code and last 4. */
    public static String mask(String phone) {
        if (phone == null || Petitioner.ERASED.equals(phone) || phone.contains("****")) {
            return phone;
        }
        if (phone.matches(MOBILE)) {
            return phone.substring(0, 3) + "****" + phone.substring(7);
        }
        int dash = phone.indexOf('-');
        String area = dash > 0 ? phone.substring(0, dash + 1) : phone.substring(0, Math.min(4, phone.length()));
        String last = phone.length() > 4 ? phone.substring(phone.length() - 4) : "";
        return area + "****" + last;
    }
}
