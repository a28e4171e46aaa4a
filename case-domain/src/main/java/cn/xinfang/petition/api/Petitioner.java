package cn.xinfang.petition.api;

import java.util.Objects;

/**
 * 信访人 – the petitioner: name required; the resident ID number and phone number, when given, are
 * checked and normalised. Personal data: shown masked unless the viewer may see it, never logged.
 * <p>
 * {@code personId} (issue 17) is the id of the person and of the key their data is encrypted with in
 * the event store; it is null on a petitioner not yet stored (the store fills it in). A petitioner
 * whose key was shredded reads back with {@link #ERASED} in all four personal fields.
 */
public record Petitioner(String name, String idNumber, String phone, String address, String personId) {

    /** What every personal field shows once the person's data key is shredded. */
    public static final String ERASED = "已删除";

    public Petitioner {
        Objects.requireNonNull(name, "petitioner name");
        name = name.trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the petitioner's name must not be blank");
        }
        idNumber = blankToNull(idNumber);
        if (idNumber != null && !ERASED.equals(idNumber)) {
            idNumber = ResidentIdNumber.normalize(idNumber);
        }
        phone = blankToNull(phone);
        if (phone != null && !ERASED.equals(phone)) {
            phone = PhoneNumber.normalize(phone);
        }
        address = blankToNull(address);
        personId = blankToNull(personId);
    }

    public Petitioner(String name, String idNumber, String phone, String address) {
        this(name, idNumber, phone, address, null);
    }

    /** The petitioner of {@code personId} after their data key was shredded. */
    public static Petitioner erased(String personId) {
        return new Petitioner(ERASED, ERASED, ERASED, ERASED, personId);
    }

    /** Whether this petitioner's personal data was shredded. */
    public boolean isErased() {
        return ERASED.equals(name) && ERASED.equals(idNumber);
    }

    /** The same petitioner with its person id. */
    public Petitioner withPersonId(String id) {
        return new Petitioner(name, idNumber, phone, address, id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "Petitioner[personal data not shown]";
    }
}
