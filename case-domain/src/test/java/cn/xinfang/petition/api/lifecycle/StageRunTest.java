package cn.xinfang.petition.api.lifecycle;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.StopReason;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.TimeLimitStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one fold of a stage run, shared by the case and every read model: warnings, breaches, extensions, stops. */
class StageRunTest {

    static final Instant START = Instant.parse("2024-03-04T02:00:00Z");
    static final Instant DUE = Instant.parse("2024-03-11T09:30:00Z");
    static final Instant WARNING = Instant.parse("2024-03-08T07:45:00Z");

    static TimeLimit limit(Instant due, Instant warning) {
        return new TimeLimit(Stage.OPINION, START, LimitAmount.workingDays(5), List.of(), due, warning, "225.opinion", "p", 1, null);
    }

    final StageRun run = StageRun.started(limit(DUE, WARNING), "town");

    @Test
    void aRunStartsOpenAndIsWarnedThenBreached() {
        assertThat(run.status()).isEqualTo(TimeLimitStatus.OPEN);
        StageRun warned = run.warned(WARNING);
        assertThat(warned.status()).isEqualTo(TimeLimitStatus.WARNED);
        StageRun breached = warned.breached(DUE);
        assertThat(breached.status()).isEqualTo(TimeLimitStatus.BREACHED);
        assertThat(breached.warnedAt()).isEqualTo(WARNING);
        assertThat(breached.breachedAt()).isEqualTo(DUE);
    }

    @Test
    @DisplayName("只有预警时刻变化：已记录的预警失效")
    void aWarningWhoseInstantMovesNoLongerHolds() {
        StageRun moved = run.warned(WARNING).replaced(limit(DUE, WARNING.plusSeconds(3600)));
        assertThat(moved.warnedAt()).isNull();
        assertThat(moved.status()).isEqualTo(TimeLimitStatus.OPEN);
        StageRun same = run.warned(WARNING).replaced(limit(DUE, WARNING));
        assertThat(same.warnedAt()).isEqualTo(WARNING);
        assertThat(same.status()).isEqualTo(TimeLimitStatus.WARNED);
    }

    @Test
    @DisplayName("超期后延期：超期记录保留；在延期后的期限内、但在超期之后完成，仍为超期完成")
    void aBreachSurvivesAnExtension() {
        Instant later = Instant.parse("2024-03-13T09:30:00Z");
        StageRun extended = run.breached(DUE).replaced(limit(later, WARNING));
        assertThat(extended.breachedAt()).isEqualTo(DUE);
        assertThat(extended.status()).isEqualTo(TimeLimitStatus.BREACHED);
        Instant doneAt = Instant.parse("2024-03-12T02:00:00Z");
        assertThat(extended.metIfStoppedAt(doneAt)).isFalse();
        assertThat(extended.stopped(extended.metIfStoppedAt(doneAt), StopReason.COMPLETED, doneAt).status())
                .isEqualTo(TimeLimitStatus.MET_LATE);
    }

    @Test
    @DisplayName("补录：超期在登记时即被记录，但环节实际在到期前完成，仍为按期完成")
    void aBackEnteredStepBeforeTheDueInstantMeetsTheLimitDespiteTheRecordedBreach() {
        StageRun breachedOnEntry = run.breached(DUE);
        assertThat(breachedOnEntry.metIfStoppedAt(DUE.minusSeconds(60))).isTrue();
        assertThat(breachedOnEntry.metIfStoppedAt(DUE)).isTrue();
        assertThat(breachedOnEntry.metIfStoppedAt(DUE.plusSeconds(60))).isFalse();
    }
}
