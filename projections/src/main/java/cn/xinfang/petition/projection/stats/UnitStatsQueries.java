package cn.xinfang.petition.projection.stats;

import cn.xinfang.petition.api.CaseStatus;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static cn.xinfang.petition.projection.support.Sql.ts;

/** Answers {@link FindUnitStatsQuery} with one {@link UnitStats} per unit, in unit order. */
@Component
public class UnitStatsQueries {

    private static final String DECLINED = CaseStatus.DECLINED.name();
    private static final String RESOLVED = CaseStatus.RESOLVED.name();
    private static final List<String> SATISFACTION = List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "NOT_RATED");

    private final JdbcTemplate jdbc;

    public UnitStatsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<UnitStats> find(FindUnitStatsQuery q) {
        Object[] period = q.field() == null ? new Object[]{ts(q.from()), ts(q.to())} : new Object[]{ts(q.from()), ts(q.to()), q.field()};
        String caseField = q.field() == null ? "" : " and key_field = ?";
        String runField = q.field() == null ? "" : " and exists (select 1 from ledger_case c where c.case_id = time_limit_run.case_id "
                + "and c.key_field = ?)";
        Map<String, long[]> cases = new TreeMap<>();
        jdbc.query("""
                select unit, count(*) registered,
                       sum(case when accepted_at is not null then 1 else 0 end) accepted,
                       sum(case when status = ? then 1 else 0 end) declined,
                       sum(case when status = ? then 1 else 0 end) resolved,
                       sum(case when accepted_at is not null and responded_at is not null then 1 else 0 end) responded,
                       sum(case when accepted_at is not null and handling_meeting_at is not null and not handling_meeting_waived
                                then 1 else 0 end) handling,
                       sum(case when accepted_at is not null and handling_meeting_waived then 1 else 0 end) handling_waived,
                       sum(case when accepted_at is not null and conclusion_meeting_at is not null and not conclusion_meeting_waived
                                then 1 else 0 end) conclusion,
                       sum(case when accepted_at is not null and conclusion_meeting_waived then 1 else 0 end) conclusion_waived,
                       sum(case when status = ? and responded_at is not null and handling_meeting_at is not null
                                 and conclusion_meeting_at is not null and not handling_meeting_waived
                                 and not conclusion_meeting_waived then 1 else 0 end) all_three
                  from ledger_case where registered_at >= ? and registered_at < ?""" + caseField + " group by unit", rs -> {
            cases.put(rs.getString("unit"), new long[]{rs.getLong("registered"), rs.getLong("accepted"), rs.getLong("declined"),
                    rs.getLong("resolved"), rs.getLong("responded"), rs.getLong("handling"), rs.getLong("conclusion"),
                    rs.getLong("all_three"), rs.getLong("handling_waived"), rs.getLong("conclusion_waived")});
        }, withPeriod(period, DECLINED, RESOLVED, RESOLVED));
        Map<String, Map<String, long[]>> stages = new TreeMap<>();
        jdbc.query("""
                select unit, stage,
                       sum(case when stop_reason = 'COMPLETED' then 1 else 0 end) completed,
                       sum(case when stop_reason = 'COMPLETED' and met then 1 else 0 end) met,
                       sum(case when breached_recorded_at is not null then 1 else 0 end) breaches
                  from time_limit_run where started_at >= ? and started_at < ?""" + runField + " group by unit, stage", rs -> {
            stages.computeIfAbsent(rs.getString("unit"), k -> new TreeMap<>())
                    .put(rs.getString("stage"), new long[]{rs.getLong("completed"), rs.getLong("met"), rs.getLong("breaches")});
        }, period);
        Map<String, Map<String, Long>> satisfaction = new TreeMap<>();
        jdbc.query("""
                select unit, coalesce(satisfaction, 'NOT_RATED') s, count(*) n from ledger_case
                 where status = ? and registered_at >= ? and registered_at < ?""" + caseField
                        + " group by unit, coalesce(satisfaction, 'NOT_RATED')",
                rs -> {
                    satisfaction.computeIfAbsent(rs.getString("unit"), k -> zeroes()).put(rs.getString("s"), rs.getLong("n"));
                }, withPeriod(period, RESOLVED));
        TreeSet<String> units = new TreeSet<>(cases.keySet());
        units.addAll(stages.keySet());
        List<UnitStats> result = new ArrayList<>();
        for (String unit : units) {
            long[] c = cases.getOrDefault(unit, new long[10]);
            Map<String, UnitStats.StageStats> st = new TreeMap<>();
            stages.getOrDefault(unit, Map.of()).forEach((stage, v) -> st.put(stage, new UnitStats.StageStats(v[0], v[1], rate(v[1], v[0]), v[2])));
            result.add(new UnitStats(unit, c[0], c[1], c[2], c[3],
                    st.containsKey("ACCEPT") ? st.get("ACCEPT").onTimeRate() : null,
                    st.containsKey("CONCLUDE") ? st.get("CONCLUDE").onTimeRate() : null, st,
                    new UnitStats.ResponseAndMeetings(c[1], c[4], c[5], c[8], c[6], c[9], c[7], rate(c[7], c[3])),
                    satisfaction.getOrDefault(unit, zeroes())));
        }
        return result;
    }

    private static Object[] withPeriod(Object[] period, Object... first) {
        Object[] args = java.util.Arrays.copyOf(first, first.length + period.length);
        System.arraycopy(period, 0, args, first.length, period.length);
        return args;
    }

    private static Map<String, Long> zeroes() {
        Map<String, Long> m = new TreeMap<>();
        SATISFACTION.forEach(s -> m.put(s, 0L));
        return m;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
