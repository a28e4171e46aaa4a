package cn.xinfang.petition.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one scenario measured: its table rows and the details behind them (counts, CPU, heap, profile). */
final class Outcome {

    final String scenario;
    final List<Row> rows = new ArrayList<>();
    final Map<String, Object> details = new LinkedHashMap<>();

    Outcome(String scenario) {
        this.scenario = scenario;
    }

    Row add(Row row) {
        rows.add(row);
        return row;
    }

    void detail(String key, Object value) {
        details.put(key, value);
    }

    /** Prints the scenario's rows as soon as it has run: baseline, figure, ratio. */
    void print() {
        for (Row r : rows) {
            System.out.printf("  %-44s %-30s baseline %-34s ratio %-6s %s%n", r.metric(), r.valueText(), r.baselineText(),
                    r.ratioText(), r.target() == null ? "" : "target " + r.target() + ": " + r.metText());
        }
    }
}
