package cn.xinfang.petition.domain;

/**
 * 单位隶属 – which unit is under which (a village under its town). The case asks it so that an
 * accusation (检举控告类) never goes to the unit it accuses or to a unit under that one (条例 第三十条);
 * the service answers it from its units.
 */
public interface UnitHierarchy {

    /** Whether {@code unit} is {@code other} or a unit under it. */
    boolean isWithin(String unit, String other);

    /** No hierarchy: a unit is within only itself. */
    UnitHierarchy FLAT = (unit, other) -> unit != null && unit.equals(other);
}
