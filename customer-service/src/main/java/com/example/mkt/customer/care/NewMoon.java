package com.example.mkt.customer.care;

import java.time.LocalDate;

/**
 * Instants of new moon after Meeus, "Astronomical Algorithms" (2nd ed.), chapter 49: the mean lunation
 * with the periodic and planetary corrections, accurate to well under a minute in this century. The
 * Chinese calendar's months begin on the day (China Standard Time, UTC+8) of the new moon; icu4j's
 * lighter lunar theory can be several minutes off, which moves a month start when the new moon falls
 * just before midnight in Beijing (6 February 2027, 23:56: icu4j says the 7th, the almanac the 6th).
 */
final class NewMoon {

    /** Julian day of 1970-01-01T00:00Z. */
    private static final double EPOCH_JD = 2_440_587.5;
    private static final double MEAN_LUNATION = 29.530588861;
    private static final double K0_JDE = 2_451_550.09766;
    private static final double BEIJING_OFFSET_DAYS = 8.0 / 24.0;

    private NewMoon() {
    }

    /** The Beijing-time date of the new moon nearest to {@code approx}. */
    static LocalDate beijingDateNear(LocalDate approx) {
        double jd = approx.toEpochDay() + EPOCH_JD;
        long k = Math.round((jd - K0_JDE) / MEAN_LUNATION);
        double ut = julianEphemerisDay(k) - deltaTSeconds(approx.getYear()) / 86_400.0;
        return LocalDate.ofEpochDay((long) Math.floor(ut + BEIJING_OFFSET_DAYS - EPOCH_JD));
    }

    /** JDE (Terrestrial Time) of lunation {@code k} (k = 0: the new moon of 6 January 2000). */
    static double julianEphemerisDay(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = K0_JDE + MEAN_LUNATION * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double om = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
        double c = -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(om)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);
        double[][] planetary = {
                { 299.77, 0.107408, 0.000325 }, { 251.88, 0.016321, 0.000165 }, { 251.83, 26.651886, 0.000164 },
                { 349.42, 36.412478, 0.000126 }, { 84.66, 18.206239, 0.000110 }, { 141.74, 53.303771, 0.000062 },
                { 207.14, 2.453732, 0.000060 }, { 154.84, 7.306860, 0.000056 }, { 34.52, 27.261239, 0.000047 },
                { 207.19, 0.121824, 0.000042 }, { 291.34, 1.844379, 0.000040 }, { 161.72, 24.198154, 0.000037 },
                { 239.56, 25.513099, 0.000035 }, { 331.55, 3.592518, 0.000023 } };
        double w = 0;
        for (int i = 0; i < planetary.length; i++) {
            double a = planetary[i][0] + planetary[i][1] * k - (i == 0 ? 0.009173 * t2 : 0);
            w += planetary[i][2] * Math.sin(rad(a));
        }
        return jde + c + w;
    }

    /** TT - UT in seconds (Espenak and Meeus' polynomial for 2005-2050; about 69-80 s in this range). */
    static double deltaTSeconds(int year) {
        double t = year - 2000;
        return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }

    private static double rad(double degrees) {
        return Math.toRadians(degrees % 360.0);
    }
}
