package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.supervision.SupervisionViews.Campaign;
import cn.xinfang.petition.app.supervision.SupervisionViews.FigureItem;
import cn.xinfang.petition.app.supervision.SupervisionViews.Phase;
import cn.xinfang.petition.app.supervision.SupervisionViews.Summary;
import cn.xinfang.petition.app.supervision.SupervisionViews.UnitPhase;
import cn.xinfang.petition.time.TimeRules;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 专项行动汇总 – per unit and per phase, every figure of every {@link CampaignFigureSource} (counts of
 * the records behind them), with the on-time rates of acceptance and opinion (225/510 limits)
 * derived from the stage runs. A unit-bound user sees their own unit only.
 */
@Service
public class CampaignSummaryService {

    /** Chinese headings of the figures, for the spreadsheet. */
    public static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("casesRegistered", "登记信访事项"), Map.entry("acceptStopped", "受理环节已结"),
            Map.entry("acceptOnTime", "按期受理"), Map.entry("acceptOnTimeRate", "按期受理率(%)"),
            Map.entry("opinionStopped", "处理意见环节已结"), Map.entry("opinionOnTime", "按期出具意见"),
            Map.entry("opinionOnTimeRate", "按期办理率(%)"), Map.entry("responded", "已受理回应"),
            Map.entry("meetingsHeld", "见面（已见面）"), Map.entry("meetingsWaived", "见面（经批准免于见面）"),
            Map.entry("breaches", "超期"), Map.entry("escalationsOpen", "提级/包案未结"), Map.entry("inspections", "督查次数"),
            Map.entry("rectificationsOpen", "整改未结"), Map.entry("rectificationsClosed", "整改已结"),
            Map.entry("rectificationsOverdue", "整改超期"), Map.entry("skipLevelPetitions", "越级访"),
            Map.entry("visitsRecorded", "走访次数"), Map.entry("petitionersCovered", "走访覆盖信访人"),
            Map.entry("rotaDaysScheduled", "排班接访日"), Map.entry("rotaDaysHeld", "按排班接访日"));

    private final CampaignService campaigns;
    private final List<CampaignFigureSource> sources;
    private final ZoneId zone;

    public CampaignSummaryService(CampaignService campaigns, List<CampaignFigureSource> sources, TimeRules rules) {
        this.campaigns = campaigns;
        this.sources = sources;
        this.zone = rules.zone();
    }

    public Summary summary(Account who, String campaignId, String unit) {
        Campaign c = campaigns.get(campaignId);
        List<String> names = names();
        List<UnitPhase> rows = new ArrayList<>();
        for (String u : units(who, c, unit)) {
            for (Phase p : c.phases()) {
                Map<String, Object> figures = new LinkedHashMap<>();
                for (CampaignFigureSource s : sources) {
                    for (String f : s.figures()) {
                        figures.put(f, s.items(f, u, start(p), end(p)).size());
                    }
                }
                figures.put("acceptOnTimeRate", rate(figures.get("acceptOnTime"), figures.get("acceptStopped")));
                figures.put("opinionOnTimeRate", rate(figures.get("opinionOnTime"), figures.get("opinionStopped")));
                rows.add(new UnitPhase(u, p.name(), p.from(), p.to(), figures));
            }
        }
        return new Summary(c.id(), c.name(), names, rows);
    }

    /** The records behind one figure of one unit in one phase (by its name or its number from 0). */
    public List<FigureItem> items(Account who, String campaignId, String unit, String phase, String figure) {
        Campaign c = campaigns.get(campaignId);
        if (unit == null || unit.isBlank()) {
            throw ServiceException.invalid("unit-required", "give the unit whose figure to open", "请指定单位");
        }
        SupervisionAccess.requireUnit(who, unit);
        Phase p = c.phases().stream().filter(x -> x.name().equals(phase)).findFirst().orElse(null);
        if (p == null && phase != null && phase.matches("\\d+") && Integer.parseInt(phase) < c.phases().size()) {
            p = c.phases().get(Integer.parseInt(phase));
        }
        if (p == null) {
            throw ServiceException.invalid("phase-unknown", "unknown phase: " + phase, "阶段不存在：" + phase);
        }
        String base = figure == null ? null : figure.replace("Rate", "Stopped").replace("OnTimeStopped", "Stopped");
        for (CampaignFigureSource s : sources) {
            if (s.figures().contains(base)) {
                return s.items(base, unit, start(p), end(p));
            }
        }
        throw ServiceException.invalid("figure-unknown", "unknown figure: " + figure + "; known: " + names(),
                "指标不存在：" + figure);
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (CampaignFigureSource s : sources) {
            names.addAll(s.figures());
        }
        for (String rate : List.of("acceptOnTime", "opinionOnTime")) {
            int at = names.indexOf(rate);
            names.add(at < 0 ? names.size() : at + 1, rate + "Rate");
        }
        return names;
    }

    private List<String> units(Account who, Campaign c, String unit) {
        if (who.role().isUnitBound()) {
            return List.of(who.unit());
        }
        return unit == null || unit.isBlank() ? c.units() : List.of(unit);
    }

    private Instant start(Phase p) {
        return p.from().atStartOfDay(zone).toInstant();
    }

    private Instant end(Phase p) {
        return p.to().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static Double rate(Object part, Object whole) {
        int w = whole instanceof Integer i ? i : 0;
        int n = part instanceof Integer i ? i : 0;
        return w == 0 ? null : Math.round(n * 1000.0 / w) / 10.0;
    }
}
