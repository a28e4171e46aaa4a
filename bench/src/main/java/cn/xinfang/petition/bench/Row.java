package cn.xinfang.petition.bench;

/**
 * One line of the results table. {@code ratio} is value ÷ baseline; {@code met} is null when the
 * line has no target.
 *
 * @param baselineWhat what the baseline is, in a few words
 */
record Row(String scenario, String metric, String unit, Double baseline, String baselineWhat, double value, Double ratio,
           String target, Boolean met) {

    static Row of(String scenario, String metric, String unit, double value) {
        return new Row(scenario, metric, unit, null, null, value, null, null, null);
    }

    Row against(double baselineValue, String what) {
        return new Row(scenario, metric, unit, baselineValue, what, value, baselineValue == 0 ? null : value / baselineValue, target, met);
    }

    Row target(String text, boolean isMet) {
        return new Row(scenario, metric, unit, baseline, baselineWhat, value, ratio, text, isMet);
    }

    String valueText() {
        if ((unit == null || unit.isEmpty()) && value == Math.rint(value)) {
            return String.format("%,d", (long) value);
        }
        return number(value) + (unit == null || unit.isEmpty() ? "" : " " + unit);
    }

    String baselineText() {
        return baseline == null ? "" : number(baseline) + (unit == null || unit.isEmpty() ? "" : " " + unit)
                + (baselineWhat == null ? "" : " (" + baselineWhat + ")");
    }

    String ratioText() {
        return ratio == null ? "" : String.format("%.2f", ratio);
    }

    String metText() {
        return met == null ? "" : met ? "yes" : "NO";
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format("%,.0f", v);
        }
        if (a >= 10) {
            return String.format("%.1f", v);
        }
        if (a >= 1) {
            return String.format("%.2f", v);
        }
        return String.format("%.3f", v);
    }
}
