package org.workbench.recipe;

import java.time.LocalDateTime;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A test-only step that adds a date-time text column "Boarded" computed from PassengerId, so the
 * date step can be checked on Titanic rows. Every 25th passenger has no time (""), every 40th an
 * unreadable one (only among the test rows, ids above 600).
 */
record BoardingTime() implements UnsupervisedStep {
    @Override
    public String name() {
        return "boarding_time";
    }

    @Override
    public FittedStep fit(Table train) {
        return new Fitted();
    }

    record Fitted() implements FittedStep {
        @Override
        public String name() {
            return "boarding_time";
        }

        @Override
        public Table apply(Table features, ApplyLog log) {
            DoubleColumn id = features.doubleColumn("PassengerId");
            String[] times = new String[id.size()];
            for (int i = 0; i < times.length; i++) {
                int n = (int) id.getDouble(i);
                LocalDateTime t = LocalDateTime.of(1912, 4, 1, 0, 0).plusDays(n % 11).plusHours(n % 24);
                times[i] = n % 25 == 0 ? "" : n % 40 == 0 && n > 600 ? "soon" : t.toString();
            }
            Table out = features.copy();
            out.addColumns(StringColumn.create("Boarded", times));
            return out;
        }

        @Override
        public String summary() {
            return "added Boarded";
        }
    }
}
