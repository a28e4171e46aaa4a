package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.app.security.SecurityProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

import static cn.xinfang.petition.projection.support.Sql.ts;

/**
 * The notice's campaign (信访工作规范化建设年 "五大" 专项行动) with its three phases, as demo data on
 * the embedded database only (the same switch as the demo users).
 */
@Component
@DependsOn("accountBootstrap")
class SupervisionDemoData implements InitializingBean {

    static final String ID = "campaign-2023-five";

    private final JdbcTemplate jdbc;
    private final SecurityProperties props;
    private final DataSourceProperties dataSource;
    private final Clock clock;

    SupervisionDemoData(JdbcTemplate jdbc, SecurityProperties props, DataSourceProperties dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.props = props;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        boolean demo = props.demoData() != null ? props.demoData()
                : dataSource.determineUrl() != null && dataSource.determineUrl().startsWith("jdbc:h2:");
        if (!demo || jdbc.queryForObject("select count(*) from campaign where id = ?", Integer.class, ID) > 0) {
            return;
        }
        jdbc.update("insert into campaign (id, name, report_every, created_by, created_at) values (?, ?, 'P7D', 'system', ?)",
                ID, "信访工作规范化建设年\u201c五大\u201d专项行动", ts(clock.instant()));
        String[][] phases = {{"动员部署", "2023-12-17", "2023-12-24"}, {"常态开展", "2023-12-25", "2024-02-29"},
                {"巩固提升", "2024-03-01", "2024-03-15"}};
        for (int i = 0; i < phases.length; i++) {
            jdbc.update("insert into campaign_phase (campaign_id, seq, name, from_date, to_date) values (?, ?, ?, ?, ?)", ID, i,
                    phases[i][0], LocalDate.parse(phases[i][1]), LocalDate.parse(phases[i][2]));
        }
        for (String u : new String[]{"town", "village-1", "village-2", "civil-affairs"}) {
            if (jdbc.queryForObject("select count(*) from unit where id = ?", Integer.class, u) > 0) {
                jdbc.update("insert into campaign_unit (campaign_id, unit) values (?, ?)", ID, u);
            }
        }
    }
}
