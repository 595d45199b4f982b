package org.workbench.recipe;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formats fitted numbers for one-line summaries: four significant digits, always with a decimal point. */
public final class Numbers {
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private Numbers() {
    }

    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        String text = new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".0";
    }
}
