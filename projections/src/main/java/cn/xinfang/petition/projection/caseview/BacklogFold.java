package cn.xinfang.petition.projection.caseview;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.event.BacklogSettledEvent;
import cn.xinfang.petition.api.event.KeyFieldSetEvent;
import cn.xinfang.petition.api.event.LeaderAssignedEvent;
import cn.xinfang.petition.api.event.LeaderProgressRecordedEvent;
import cn.xinfang.petition.api.event.PetitionRegisteredEvent;
import cn.xinfang.petition.api.event.RepeatLinkedEvent;
import cn.xinfang.petition.api.event.RepeatUnlinkedEvent;
import cn.xinfang.petition.api.event.SkipLevelPetitionRecordedEvent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The issue 15 part of {@link CaseViewFold}: key field, earlier cases repeated, leader, plan, progress, outcome, 越级访. */
final class BacklogFold {

    String field;
    final Set<String> repeatOf = new LinkedHashSet<>();
    private final List<BacklogView.Assignment> assignments = new ArrayList<>();
    private final List<BacklogView.Progress> progress = new ArrayList<>();
    private final List<BacklogView.SkipLevelVisit> skipLevels = new ArrayList<>();
    private BacklogView.Settlement settlement;

    void apply(Object event) {
        if (event instanceof PetitionRegisteredEvent e) {
            field = e.field() == null ? null : e.field().name();
            if (e.repeatOf() != null) {
                e.repeatOf().stream().map(CaseId::value).forEach(repeatOf::add);
            }
        } else if (event instanceof KeyFieldSetEvent e) {
            field = e.field() == null ? null : e.field().name();
        } else if (event instanceof RepeatLinkedEvent e) {
            repeatOf.add(e.earlierCaseId().value());
        } else if (event instanceof RepeatUnlinkedEvent e) {
            repeatOf.remove(e.earlierCaseId().value());
        } else if (event instanceof LeaderAssignedEvent e) {
            assignments.add(new BacklogView.Assignment(e.leader(), e.leaderUnit(), e.plan(), e.previousLeader(), e.reason(),
                    e.actor().userId(), e.occurredAt()));
        } else if (event instanceof LeaderProgressRecordedEvent e) {
            progress.add(new BacklogView.Progress(e.kind().name(), e.text(), e.actor().userId(), e.occurredAt()));
        } else if (event instanceof BacklogSettledEvent e) {
            settlement = new BacklogView.Settlement(e.outcome().name(), e.text(), e.actor().userId(), e.occurredAt());
        } else if (event instanceof SkipLevelPetitionRecordedEvent e) {
            skipLevels.add(new BacklogView.SkipLevelVisit(e.level().name(), e.place(), e.text(), e.unit(), e.actor().userId(),
                    e.occurredAt()));
        }
    }

    List<String> repeatOf() {
        return List.copyOf(repeatOf);
    }

    BacklogView view() {
        BacklogView.Assignment current = assignments.isEmpty() ? null : assignments.get(assignments.size() - 1);
        return new BacklogView(current == null ? null : current.leader(), current == null ? null : current.leaderUnit(),
                current == null ? null : current.plan(), current == null ? null : current.at(), List.copyOf(assignments),
                List.copyOf(progress), settlement, List.copyOf(skipLevels));
    }
}
