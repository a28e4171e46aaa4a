package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.security.Account;

/** Which unit's data a user may read: handlers their own unit only; supervisors and auditors any. */
final class Scope {

    private Scope() {
    }

    /** The unit filter to apply for {@code who} asking for {@code requested} (null: all units). */
    static String unit(Account who, String requested) {
        String r = requested == null || requested.isBlank() ? null : requested.trim();
        return switch (who.role()) {
            case SUPERVISOR, AUDITOR -> r;
            case HANDLER -> {
                if (r != null && !r.equals(who.unit())) {
                    throw ApiException.forbidden("handlers see only their own unit (" + who.unit() + "), not " + r,
                            "经办人只能查看本单位（" + who.unit() + "）的数据");
                }
                yield who.unit();
            }
            default -> throw ApiException.forbidden("the role " + who.role() + " has no access to case data",
                    "角色 " + who.role() + " 无权查看事项数据");
        };
    }

    /** Only supervisors and auditors. */
    static void supervisorOrAuditor(Account who) {
        if (who.role() != cn.xinfang.petition.api.Role.SUPERVISOR && who.role() != cn.xinfang.petition.api.Role.AUDITOR) {
            throw ApiException.forbidden("only supervisors and auditors may do this", "只有督查和审计人员可以执行此操作");
        }
    }
}
