package cn.xinfang.petition.api;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 公民身份号码 – checks of the 18-digit resident ID number (GB 11643-1999): 17 digits and a check
 * character, a real birth date at positions 7–14, and the check character by ISO 7064 MOD 11-2.
 * A lowercase {@code x} is accepted and normalised to {@code X}.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentIdNumber() {
    }

    /** The normalised number, or an {@link IllegalArgumentException} saying what is wrong. */
    public static String normalize(String raw) {
        String id = raw.trim().toUpperCase(java.util.Locale.ROOT);
        if (!id.matches("\\d{17}[\\dX]")) {
            throw new IllegalArgumentException("the ID number must have 18 characters: 17 digits and a digit or X at the end");
        }
        birthDate(id);
        if (checkCharacter(id) != id.charAt(17)) {
            throw new IllegalArgumentException("the ID number's check character is wrong (GB 11643-1999); please check the number for a typing error");
        }
        return id;
    }

    /** The birth date encoded in a normalised number; an exception if it is not a real date. */
    public static LocalDate birthDate(String id) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (d.getYear() < 1900) {
                throw new IllegalArgumentException("the ID number's birth date " + d + " is before 1900");
            }
            return d;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("the ID number's birth date (characters 7 to 14) is not a real date");
        }
    }

    /**
     * Whether the birth date in a (well-formed) number lies after {@code today}: such a number is
     * refused when a petition is registered. The one statement of that rule; the service's field
     * check and the case both ask it.
     */
    public static boolean birthDateInFuture(String id, LocalDate today) {
        return birthDate(id).isAfter(today);
    }

    static char checkCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** 脱敏 – the first 6 and last 4 characters, the rest hidden: {@code 110101********123X}. */
    public static String mask(String id) {
        if (id == null || Petitioner.ERASED.equals(id)) {
            return id;
        }
        return id.length() < 10 ? "*".repeat(id.length()) : id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
