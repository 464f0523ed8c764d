package io.sluice.processor.recognize;

/**
 * How one source orders the numbers of its dates, once its lines have shown it: day or month first in {@code 03/04/2026}
 * (a line with a first number above 12 says day first, one with a second above 12 month first), and which of
 * year-month-day, month-day-year or day-month-year its two-digit dates are ({@code 17/06/09}: the only orders that give
 * a valid date for every line seen). Until then each line is read in the conventional order.
 */
final class DateOrders {

    /** Day first ({@code true}), month first ({@code false}), or not shown yet ({@code null}). */
    private Boolean dayFirst;
    /** Orders of three two-digit numbers not ruled out by a line: bit 0 year-month-day, 1 month-day-year, 2 day-month-year. */
    private int threePartOrders = 0b111;

    /** Whether {@code a/b} is day/month, learning from this line when it decides it. */
    boolean dayFirst(int a, int b, boolean conventionallyDayFirst) {
        if (dayFirst == null) {
            if (a > 12 && b <= 12) {
                dayFirst = true;
            } else if (b > 12 && a <= 12) {
                dayFirst = false;
            }
        }
        return dayFirst != null ? dayFirst : conventionallyDayFirst;
    }

    /** The orders still possible for this source, after ruling out those that do not fit {@code valid} (a bit per order). */
    int threePartOrders(int valid) {
        int remaining = threePartOrders & valid;
        if (remaining != 0) {
            threePartOrders = remaining;
        }
        return remaining;
    }
}
