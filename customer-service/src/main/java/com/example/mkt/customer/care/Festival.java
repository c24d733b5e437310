package com.example.mkt.customer.care;

/**
 * Festivals with care actions (docs/domain.md#business-locale). Lunar dates are
 * month/day of the Chinese calendar; Mother's Day is the second Sunday of May. Which of them get care
 * tasks is configuration ({@code customer.care.festivals}).
 */
public enum Festival {
    NEW_YEAR(false, 1, 1),
    SPRING_FESTIVAL(true, 1, 1),
    DRAGON_BOAT(true, 5, 5),
    MID_AUTUMN(true, 8, 15),
    MOTHERS_DAY(false, 5, 0),
    NATIONAL_DAY(false, 10, 1),
    CHRISTMAS(false, 12, 25);

    private final boolean lunar;
    private final int month;
    private final int day;

    Festival(boolean lunar, int month, int day) {
        this.lunar = lunar;
        this.month = month;
        this.day = day;
    }

    public boolean isLunar() {
        return lunar;
    }

    int month() {
        return month;
    }

    int day() {
        return day;
    }
}
