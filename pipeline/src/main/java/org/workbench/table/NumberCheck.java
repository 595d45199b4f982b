package org.workbench.table;


/**
 * The number rule for one cell that is not missing. A number is an optional sign, digits with at
 * most one decimal mark ({@code data.decimal}), and an optional exponent ({@code 1e-3}); the
 * thousands separator ({@code data.thousands}) is accepted, and stripped, only between digits before
 * the decimal mark, and only when the config names one. Spaces around the cell are ignored. Nothing
 * else is a number: no percent signs, no Java literals such as {@code 1d} or {@code 0x1p3}, no
 * {@code NaN}. {@code inf}, {@code Infinity} (any case, with a sign) read as an infinite value, which
 * the caller treats as missing; so does a number too large for a double.
 */
final class NumberCheck {
    /** What {@link #parse} returns for a cell that is not a number. */
    static final double NOT_A_NUMBER = Double.NaN;

    private final char decimal;
    private final char thousands;
    /** Missing markers that are numbers ("-200"): they also match the same value written otherwise ("-200,0"). */
    private final double[] markerValues;

    NumberCheck(DataConfig data) {
        this.decimal = data.decimal() == DataConfig.AUTO ? '.' : data.decimal();
        this.thousands = data.thousands();
        this.markerValues = data.missingValues().stream().mapToDouble(this::parse)
                .filter(v -> !Double.isNaN(v) && !Double.isInfinite(v)).distinct().toArray();
    }

    /** True when a parsed value equals a missing marker that is a number. */
    boolean isMarker(double value) {
        for (double marker : markerValues) {
            if (marker == value) {
                return true;
            }
        }
        return false;
    }

    /** The value, an infinity, or {@link #NOT_A_NUMBER} (test with Double.isNaN). */
    double parse(String cell) {
        int from = 0;
        int to = cell.length();
        while (from < to && cell.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && cell.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from == to) {
            return NOT_A_NUMBER;
        }
        double plainDecimal = plainDecimal(cell, from, to);
        if (plainDecimal == plainDecimal) { // not NaN: the cell was a short plain decimal
            return plainDecimal;
        }
        int i = from;
        char first = cell.charAt(i);
        if (first == '-' || first == '+') {
            i++;
        }
        if (i < to && (cell.charAt(i) == 'i' || cell.charAt(i) == 'I')) {
            return infinity(cell, i, to, first == '-');
        }
        int digits = 0;
        boolean plain = decimal == '.';
        boolean lastWasDigit = false;
        for (; i < to; i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                lastWasDigit = true;
            } else if (c == thousands && thousands != DataConfig.NONE && lastWasDigit && i + 1 < to
                    && Character.isDigit(cell.charAt(i + 1))) {
                plain = false;
                lastWasDigit = false;
            } else {
                break;
            }
        }
        if (i < to && cell.charAt(i) == decimal) {
            i++;
            while (i < to && cell.charAt(i) >= '0' && cell.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return NOT_A_NUMBER;
        }
        if (i < to && (cell.charAt(i) == 'e' || cell.charAt(i) == 'E')) {
            i++;
            if (i < to && (cell.charAt(i) == '-' || cell.charAt(i) == '+')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < to && cell.charAt(i) >= '0' && cell.charAt(i) <= '9') {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return NOT_A_NUMBER;
            }
        }
        if (i != to) {
            return NOT_A_NUMBER;
        }
        // the text is now a valid Java double literal once the separators are rewritten; the catch only guards
        // the rule's own consistency: a cell must never end a run as an internal error
        try {
            return Double.parseDouble(plain ? cell.substring(from, to) : rewritten(cell, from, to));
        } catch (NumberFormatException e) {
            return NOT_A_NUMBER;
        }
    }

    /** Exact powers of ten: every one up to 1e22 is a double without rounding. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** At most 15 digits: the digits as a whole number stay below 2^53, so the long converts to a double exactly. */
    private static final int MAX_FAST_DIGITS = 15;

    /**
     * The value of a cell written as an optional sign, at most 15 digits and at most one decimal mark
     * (the common "-12.3456"), or NaN for any other cell, which {@link #parse} then reads in full.
     * Why not just Double.parseDouble: on 1,000,000 rows x 20 number columns it was a quarter of the
     * read's CPU time (a String and a digit buffer per cell). The result is bit for bit the same:
     * digits and the power of ten are both exact doubles, and one IEEE division rounds correctly,
     * as parseDouble does (the classic fast path of Clinger's algorithm).
     */
    private double plainDecimal(String cell, int from, int to) {
        int i = from;
        char first = cell.charAt(i);
        boolean negative = first == '-';
        if (negative || first == '+') {
            i++;
        }
        long digits = 0;
        int count = 0;
        int fraction = -1;
        for (; i < to; i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++count > MAX_FAST_DIGITS) {
                    return Double.NaN;
                }
                digits = digits * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == decimal && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        double value = fraction > 0 ? digits / POWERS_OF_TEN[fraction] : digits;
        return negative ? -value : value;
    }

    private String rewritten(String cell, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = cell.charAt(i);
            if (c == decimal) {
                out.append('.');
            } else if (c != thousands) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static double infinity(String cell, int at, int to, boolean negative) {
        String word = cell.substring(at, to);
        if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return NOT_A_NUMBER;
    }
}
