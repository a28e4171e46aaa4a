package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.api.SkipLevel;
import cn.xinfang.petition.api.event.SkipLevelPetitionRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.xinfang.petition.projection.support.Sql.ts;

/**
 * 越级访 → 通报: a skip-level petition recorded on a case drafts a SKIP_LEVEL notice naming the case's
 * handling unit (the event's {@code unit}) and the case, once per event (a replay drafts nothing
 * more), and keeps the record for the campaign's figures.
 */
@Component
@ProcessingGroup(SkipLevelNotices.NAME)
public class SkipLevelNotices {

    public static final String NAME = "supervision-skip-level";
    static final Map<SkipLevel, String> LEVELS = Map.of(SkipLevel.BEIJING, "进京上访", SkipLevel.PROVINCE, "赴省上访",
            SkipLevel.CITY, "到市上访");

    private final JdbcTemplate jdbc;
    private final NoticeService notices;
    private final java.time.ZoneId zone;

    public SkipLevelNotices(JdbcTemplate jdbc, NoticeService notices, cn.xinfang.petition.time.TimeRules rules) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.zone = rules.zone();
    }

    @EventHandler
    @Transactional
    void on(SkipLevelPetitionRecordedEvent e, EventMessage<?> m) {
        if (jdbc.queryForObject("select count(*) from skip_level_record where event_id = ?", Integer.class, m.getIdentifier()) > 0) {
            return;
        }
        String unit = e.unit();
        String noticeId = null;
        if (unit != null) {
            String caseNo = jdbc.queryForList("select case_no from ledger_case where case_id = ?", String.class, e.caseId().value())
                    .stream().findFirst().orElse(e.caseId().value());
            LocalDate day = LocalDate.ofInstant(e.occurredAt(), zone);
            String text = notices.unitName(unit) + "承办的信访事项 " + caseNo + " 的信访人于 " + day + " " + LEVELS.get(e.level())
                    + (e.place() == null || e.place().isBlank() ? "" : "（" + e.place() + "）") + "。请该单位查明原因，落实责任，"
                    + "切实做好稳控和化解工作，并于规定时限内报送整改情况。";
            noticeId = notices.insert("SKIP_LEVEL", List.of(unit), text, List.of(e.caseId().value()), List.of(), null, null,
                    m.getIdentifier(), "system").id();
        }
        jdbc.update("insert into skip_level_record (event_id, case_id, unit, level, occurred_at, notice_id) values (?, ?, ?, ?, ?, ?)",
                m.getIdentifier(), e.caseId().value(), unit, e.level().name(), ts(e.occurredAt()), noticeId);
    }
}
