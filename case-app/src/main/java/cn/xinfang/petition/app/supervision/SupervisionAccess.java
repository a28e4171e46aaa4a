package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;

/** Who may do what with supervision records: supervisors everything, auditors read, units their own. */
final class SupervisionAccess {

    private SupervisionAccess() {
    }

    static void requireSupervisor(Account who) {
        if (who.role() != Role.SUPERVISOR) {
            throw ServiceException.forbidden("only a supervisor (督查人员) may do this; you act as " + who.role(),
                    "只有督查人员可以执行此操作");
        }
    }

    static void requireSupervisorOrAdmin(Account who) {
        if (who.role() != Role.SUPERVISOR && who.role() != Role.ADMIN) {
            throw ServiceException.forbidden("only a supervisor or an administrator may do this; you act as " + who.role(),
                    "只有督查人员或系统管理员可以执行此操作");
        }
    }

    /** Unit-bound users see their own unit only; everyone else every unit. */
    static boolean seesEveryUnit(Account who) {
        return !who.role().isUnitBound();
    }

    static void requireUnit(Account who, String unit) {
        if (who.role().isUnitBound() && !unit.equals(who.unit())) {
            throw ServiceException.forbidden("you act for unit " + who.unit() + ", not " + unit,
                    "您所在单位为 " + who.unit() + "，无权查看或办理 " + unit + " 的记录");
        }
    }
}
