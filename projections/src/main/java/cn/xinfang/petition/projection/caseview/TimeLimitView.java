package cn.xinfang.petition.projection.caseview;

import cn.xinfang.petition.api.DeadlineExplanation;
import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.StopReason;
import cn.xinfang.petition.api.TimeLimitStatus;

import java.time.Instant;
import java.util.List;

/**
 * 时限 – one run of a stage against its limit as recorded: a stage that restarts (after a transfer)
 * appears again. {@code explanation} carries the text (Chinese and English) and the structured data.
 */
public record TimeLimitView(Stage stage, String unit, Instant startedAt, Instant dueAt, Instant warningAt,
                            TimeLimitStatus status, String rule, LimitAmount limit, List<LimitAmount> extensions,
                            Instant warnedAt, Instant breachedAt, Instant stoppedAt, StopReason stopReason,
                            Explanation explanation) {

    /** How the due instant was computed: Chinese and English text and the data behind them. */
    public record Explanation(String zh, String en, DeadlineExplanation data) {

        public static Explanation of(DeadlineExplanation e) {
            return e == null ? null : new Explanation(e.toChinese(), e.toEnglish(), e);
        }
    }
}
