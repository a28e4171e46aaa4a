package cn.xinfang.petition.app.config;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.LimitUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Locale;

/**
 * {@code cases.policy.*}: the time-limit policy's limits, each written as an amount and a unit
 * ({@code 2 working-hours}, {@code 5 working-days}, {@code 60 calendar-days}). Defaults are the
 * town's 225/510 policy. Bump {@code version} whenever a limit changes: the version is recorded
 * in every time limit the policy computes.
 */
@ConfigurationProperties("cases.policy")
public record PolicyProperties(@DefaultValue("1") int version,
                               @DefaultValue("0.75") double warningFraction,
                               @DefaultValue("2 working-hours") String simpleSign,
                               @DefaultValue("2 working-hours") String simpleAccept,
                               @DefaultValue("5 working-days") String simpleOpinion,
                               @DefaultValue("5 working-days") String generalAccept,
                               @DefaultValue("10 working-days") String generalOpinion,
                               @DefaultValue("1 working-days") String respond,
                               @DefaultValue("3 working-days") String meetConclusion,
                               @DefaultValue("60 calendar-days") String conclude,
                               @DefaultValue("15 calendar-days") String writtenNotice,
                               @DefaultValue("30 calendar-days") String reviewDecision,
                               // issue 15: 包案推进, from the leader's assignment or last progress entry
                               @DefaultValue("10 working-days") String leaderProgress) {

    /** Parses {@code "5 working-days"}; the message of a failure names the expected forms. */
    static LimitAmount parse(String property, String text) {
        String[] parts = text.trim().split("\\s+");
        try {
            if (parts.length == 2) {
                long amount = Long.parseLong(parts[0]);
                String unit = parts[1].toUpperCase(Locale.ROOT).replace('-', '_');
                if (!unit.endsWith("S")) {
                    unit = unit + "S";
                }
                return new LimitAmount(amount, LimitUnit.valueOf(unit));
            }
        } catch (IllegalArgumentException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("cases.policy." + property + " = \"" + text
                + "\" is not a time limit; write e.g. \"2 working-hours\", \"5 working-days\" or \"60 calendar-days\"");
    }
}
