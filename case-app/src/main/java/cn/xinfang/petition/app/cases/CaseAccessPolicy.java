package cn.xinfang.petition.app.cases;

import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.domain.CaseLifecycle;
import org.springframework.stereotype.Component;

/**
 * Who may see and register cases: the one answer to "may this user read this case", "which units'
 * data may this user list" and "may this user register". What a user may do to a case once they
 * see it is the case's own rule ({@code CaseLifecycle}); registration asks the same rule before a
 * case number is taken. Handlers see the cases of their unit (and those their unit first received);
 * supervisors and auditors see every case; unit leaders (单位负责人) their unit's, like its handlers.
 * An accusation is never shown to the unit it accuses or a unit under it (条例 第三十条).
 */
@Component
public class CaseAccessPolicy {

    private final Units units;

    public CaseAccessPolicy(Units units) {
        this.units = units;
    }

    /**
     * Refuses {@code who} reading a case that is with {@code unit}, was first received by
     * {@code firstUnit} and, for an accusation (检举控告类), accuses {@code accusedUnit}. Users of the
     * accused unit and of the units under it never learn the case exists (404, 条例 第三十条).
     */
    public void requireRead(Account who, String caseId, String unit, String firstUnit, String accusedUnit) {
        if (hiddenFrom(who, accusedUnit)) {
            throw ServiceException.notFound("case-not-found", "case " + caseId + " does not exist; check the id",
                    "信访事项 " + caseId + " 不存在，请核对编号");
        }
        switch (who.role()) {
            case SUPERVISOR, AUDITOR -> {
            }
            case HANDLER, LEADER -> {
                if (who.unit() == null || !(who.unit().equals(unit) || who.unit().equals(firstUnit))) {
                    throw ServiceException.forbidden("handlers see only their own unit's cases; this one is not with unit " + who.unit(),
                            "经办人只能查看本单位的事项；该事项不在 " + who.unit() + " 办理");
                }
            }
            default -> throw ServiceException.forbidden("the role " + who.role() + " has no access to cases",
                    "角色 " + who.role() + " 无权查看信访事项");
        }
    }

    /** Whether an accusation of {@code accusedUnit} is kept from {@code who}: their unit is the accused one or under it. */
    public boolean hiddenFrom(Account who, String accusedUnit) {
        return accusedUnit != null && who.unit() != null && who.role() != Role.SUPERVISOR && who.role() != Role.AUDITOR
                && units.isWithin(who.unit(), accusedUnit);
    }

    /** Whether {@code who} sees which unit an accusation accuses: supervisors and auditors only. */
    public boolean seesAccusedUnit(Account who) {
        return who.role() == Role.SUPERVISOR || who.role() == Role.AUDITOR;
    }

    /**
     * The unit filter of a list {@code who} asks for with {@code requested} (null: all units):
     * handlers their own unit only, supervisors and auditors any.
     */
    public String unitScope(Account who, String requested) {
        String r = requested == null || requested.isBlank() ? null : requested.trim();
        return switch (who.role()) {
            case SUPERVISOR, AUDITOR -> r;
            case HANDLER, LEADER -> {
                if (r != null && !r.equals(who.unit())) {
                    throw ServiceException.forbidden("handlers see only their own unit (" + who.unit() + "), not " + r,
                            "经办人只能查看本单位（" + who.unit() + "）的数据");
                }
                yield who.unit();
            }
            default -> throw ServiceException.forbidden("the role " + who.role() + " has no access to case data",
                    "角色 " + who.role() + " 无权查看事项数据");
        };
    }

    /** Digests and store-wide audit answers: supervisors and auditors only. */
    public void requireSupervisorOrAuditor(Account who) {
        if (who.role() != Role.SUPERVISOR && who.role() != Role.AUDITOR) {
            throw ServiceException.forbidden("only supervisors and auditors may do this", "只有督查和审计人员可以执行此操作");
        }
    }

    /** Personal data unmasked: supervisors, auditors and unit leaders only (each reading is logged by the caller). */
    public void requireReveal(Account who) {
        if (who.role() != Role.SUPERVISOR && who.role() != Role.AUDITOR && who.role() != Role.LEADER) {
            throw ServiceException.forbidden("only supervisors, auditors and unit leaders may see personal data unmasked",
                    "只有督查、审计人员和单位负责人可以查看未脱敏的个人信息");
        }
    }

    /** Registration, asked of the case's own rule before a case number is taken (so refusals leave no gap). */
    public void requireRegister(Account who) {
        CaseLifecycle.mayRegister(who.actor()).ifPresent(r -> {
            throw r.toException();
        });
    }
}
