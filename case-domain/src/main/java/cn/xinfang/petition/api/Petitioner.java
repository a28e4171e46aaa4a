package cn.xinfang.petition.api;

import java.util.Objects;

/**
 * 信访人 – the petitioner: name required; the resident ID number and phone number, when given, are
 * checked and normalised. Personal data: shown masked unless the viewer may see it, never logged.
 */
public record Petitioner(String name, String idNumber, String phone, String address) {

    public Petitioner {
        Objects.requireNonNull(name, "petitioner name");
        name = name.trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the petitioner's name must not be blank");
        }
        idNumber = blankToNull(idNumber);
        if (idNumber != null) {
            idNumber = ResidentIdNumber.normalize(idNumber);
        }
        phone = blankToNull(phone);
        if (phone != null) {
            phone = PhoneNumber.normalize(phone);
        }
        address = blankToNull(address);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "Petitioner[personal data not shown]";
    }
}
