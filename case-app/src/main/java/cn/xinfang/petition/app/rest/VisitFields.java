package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.PhoneNumber;
import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.app.cases.Units;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.UserAccounts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Field checks shared by the visit and reception controllers (issue 14). */
final class VisitFields {

    private VisitFields() {
    }

    /** The unit named, or the user's own; it must exist. */
    static String unit(Fields f, String value, Account who, Units units) {
        String unit = value == null || value.isBlank() ? who.unit() : value.trim();
        if (unit == null) {
            f.add("unit", "is required: the unit the record is for", "必填：记录所属单位");
            return null;
        }
        if (!units.exists(unit)) {
            f.add("unit", "unit \"" + unit + "\" does not exist; see GET /api/admin/units", "单位 \"" + unit + "\" 不存在");
            return null;
        }
        return unit;
    }

    /** A date ({@code 2024-01-05}) or a date-time with offset (its date in the service's zone). */
    static LocalDate date(Fields f, String field, String value, boolean required, ZoneId zone) {
        if (value == null || value.isBlank()) {
            if (required) {
                f.add(field, "is required: a date such as 2024-01-05", "必填：日期，如 2024-01-05");
            }
            return null;
        }
        String v = value.trim();
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(v).atZoneSameInstant(zone).toLocalDate();
            } catch (DateTimeParseException e) {
                f.add(field, "is not a date: use e.g. 2024-01-05", "日期格式无效，请使用如 2024-01-05");
                return null;
            }
        }
    }

    /** A username that must name an existing user. */
    static String user(Fields f, String field, String value, UserAccounts accounts) {
        if (value == null || value.isBlank()) {
            f.add(field, "is required: a username", "必填：用户名");
            return null;
        }
        if (accounts.find(value.trim()).isEmpty()) {
            f.add(field, "user \"" + value.trim() + "\" does not exist", "用户 \"" + value.trim() + "\" 不存在");
            return null;
        }
        return value.trim();
    }

    static List<String> users(Fields f, String field, List<String> values, UserAccounts accounts) {
        if (values == null || values.isEmpty()) {
            f.add(field, "is required: at least one username", "必填：至少一名用户");
            return null;
        }
        List<String> checked = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            checked.add(user(f, field + "[" + i + "]", values.get(i), accounts));
        }
        return checked.contains(null) ? null : checked.stream().distinct().toList();
    }

    /** The person of a visit or reception, checked as a case's petitioner is ({@code today}: the service's date). */
    static Petitioner person(Fields f, RegisterRequest.PetitionerRequest p, LocalDate today) {
        if (p == null) {
            f.add("person", "is required: {name, idNumber?, phone?, address?}", "必填：人员信息 {name, idNumber?, phone?, address?}");
            return null;
        }
        String name = f.text("person.name", p.name(), 100);
        String id = f.check("person.idNumber", p.idNumber(), ResidentIdNumber::normalize,
                "身份证号码无效：须为18位，出生日期真实，校验码正确（GB 11643-1999）");
        String phone = f.check("person.phone", p.phone(), PhoneNumber::normalize,
                "电话号码无效：须为11位手机号或带区号的固定电话，如 0371-62345678");
        if (!f.bornBy("person.idNumber", id, today)) {
            id = null;
        }
        if (name == null || (p.idNumber() != null && !p.idNumber().isBlank() && id == null)
                || (p.phone() != null && !p.phone().isBlank() && phone == null)) {
            return null;
        }
        String address = f.optionalText("person.address", p.address(), 200);
        if (p.address() != null && !p.address().isBlank() && address == null) {
            return null;
        }
        return new Petitioner(name, id, phone, address);
    }
}
