package com.example.mkt.launcher;

import java.time.Duration;
import java.util.List;

/** {@code ./platform demo [--rate R[/s]] [--minutes M | --seconds S] [--customers N]}. */
record DemoOptions(double rate, Duration duration, int customers) {

    static final DemoOptions DEFAULTS = new DemoOptions(50, Duration.ofMinutes(3), 2_000);

    static DemoOptions parse(List<String> args) {
        double rate = DEFAULTS.rate();
        Duration duration = DEFAULTS.duration();
        int customers = DEFAULTS.customers();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--rate" -> rate = number(option, value.endsWith("/s") ? value.substring(0, value.length() - 2)
                        : value, 0.1, 100_000);
                case "--minutes" -> duration = Duration.ofMillis((long) (number(option, value, 0, 24 * 60) * 60_000));
                case "--seconds" -> duration = Duration.ofMillis((long) (number(option, value, 0, 86_400) * 1_000));
                case "--customers" -> customers = (int) number(option, value, 11, 20_000);
                default -> throw new UsageException("unknown option for 'demo': " + option);
            }
        }
        return new DemoOptions(rate, duration, customers);
    }

    private static double number(String option, String value, double min, double max) {
        try {
            double n = Double.parseDouble(value);
            if (n < min || n > max || Double.isNaN(n)) {
                throw new UsageException(option + " must be between " + min + " and " + max + ", not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number, not " + value);
        }
    }
}
