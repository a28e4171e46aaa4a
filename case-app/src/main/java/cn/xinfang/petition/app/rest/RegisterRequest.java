package cn.xinfang.petition.app.rest;

/**
 * Body of {@code POST /api/cases}. Enumerations and times arrive as text, so that every wrong field
 * is reported at once with the allowed values. {@code field} is the key field (重点领域, issue 15), optional.
 */
public record RegisterRequest(String track, String channel, String category, PetitionerRequest petitioner,
                              Integer headcount, String subject, String content, String unit, String occurredAt,
                              String accusedUnit, String field) {

    /** Without a key field (as before issue 15). */
    public RegisterRequest(String track, String channel, String category, PetitionerRequest petitioner, Integer headcount,
                           String subject, String content, String unit, String occurredAt, String accusedUnit) {
        this(track, channel, category, petitioner, headcount, subject, content, unit, occurredAt, accusedUnit, null);
    }

    /** 信访人. */
    public record PetitionerRequest(String name, String idNumber, String phone, String address) {
    }
}
