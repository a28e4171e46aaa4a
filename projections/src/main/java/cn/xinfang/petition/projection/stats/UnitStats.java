package cn.xinfang.petition.projection.stats;

import java.util.Map;

/**
 * One unit's figures for a period.
 *
 * @param timelyAcceptanceRate   及时受理率: ACCEPT stages completed in time / ACCEPT stages completed
 * @param onTimeConclusionRate   按期办结率: CONCLUDE stages completed in time / CONCLUDE stages completed
 * @param stages                 per stage: runs completed, completed in time, the rate, and breaches recorded
 * @param responseAndMeetings    一回应两见面 among accepted cases
 * @param satisfaction           满意度 of resolved cases: SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, NOT_RATED
 */
public record UnitStats(String unit, long registered, long accepted, long declined, long resolved,
                        Double timelyAcceptanceRate, Double onTimeConclusionRate, Map<String, StageStats> stages,
                        ResponseAndMeetings responseAndMeetings, Map<String, Long> satisfaction) {

    /** A stage's completions and breaches. */
    public record StageStats(long completed, long met, Double onTimeRate, long breaches) {
    }

    /**
     * 一回应两见面: of the accepted cases, how many had the response (受理回应), and the handling
     * meeting (办理见面) and the conclusion meeting (办结见面) held, and how many had a meeting waived
     * instead (counted apart: a waiver is not a meeting); {@code resolvedWithAllThree} is the resolved
     * cases that had the response and both meetings held, {@code completionRate} that / resolved cases.
     */
    public record ResponseAndMeetings(long accepted, long responded, long handlingMeetings, long handlingMeetingsWaived,
                                      long conclusionMeetings, long conclusionMeetingsWaived, long resolvedWithAllThree,
                                      Double completionRate) {
    }
}
