package cn.xinfang.petition.app.rest;

/**
 * Body of {@code POST /api/cases}. Enumerations and times arrive as text, so that every wrong field
 * is reported at once with the allowed values.
 */
public record RegisterRequest(String track, String channel, String category, PetitionerRequest petitioner,
                              Integer headcount, String subject, String content, String unit, String occurredAt,
                              String accusedUnit) {

    /** 信访人. */
    public record PetitionerRequest(String name, String idNumber, String phone, String address) {
    }
}
