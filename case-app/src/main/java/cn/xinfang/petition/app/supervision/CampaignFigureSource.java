package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.app.supervision.SupervisionViews.FigureItem;

import java.time.Instant;
import java.util.List;

/**
 * Contributes named figures to a campaign's summary: for a unit and a span of time, the records
 * behind each figure (the figure is their number). Every source reads projections only. Other
 * features (visits, the rota, skip-level petitions) add their own source as a Spring bean; the
 * summary shows every source's figures in the order of {@link #figures()}.
 */
public interface CampaignFigureSource {

    /** The names of the figures this source contributes, in the order they are shown. */
    List<String> figures();

    /** The records behind {@code figure} for {@code unit} in [{@code from}, {@code to}). */
    List<FigureItem> items(String figure, String unit, Instant from, Instant to);
}
