package com.example.mkt.launcher;

import java.util.List;


/**
 * What {@code ./platform bench} is asked to do. The defaults are the figures the pipeline is judged by: 200,000 sales
 * from 4 clients in batches of 500, latency at 1,000 events/s, after rounds of 50,000 sales that warm the services up
 * until their JIT compilers have settled ({@link BenchWarmUp}; {@code --warmup 0} for none), reads compared in three
 * rounds of 1,000 requests per side after warm-up rounds of as many, by the same rule ({@code --reads} scales both,
 * for a quick run).
 */
record BenchOptions(int events, int clients, int batch, int rate, int probes, int anchorRecords, int warmup,
        int reads) {

    static final String USAGE = "bench [--events N] [--clients C] [--batch B] [--rate R] [--probes P]"
            + " [--anchor-records A] [--warmup W] [--reads Q]";

    static BenchOptions parse(List<String> args) {
        int events = 200_000;
        int clients = 4;
        int batch = 500;
        int rate = 1_000;
        int probes = 200;
        int anchor = 500_000;
        int warmup = 50_000;
        int reads = 1_000;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            int value = option.equals("--warmup") ? notNegative(option, args.get(++i)) : positive(option, args.get(++i));
            switch (option) {
                case "--events" -> events = value;
                case "--clients" -> clients = value;
                case "--batch" -> batch = Math.min(value, 1_000);
                case "--rate" -> rate = value;
                case "--probes" -> probes = value;
                case "--anchor-records" -> anchor = value;
                case "--warmup" -> warmup = value;
                case "--reads" -> reads = value;
                default -> throw new UsageException("unknown option for 'bench': " + option);
            }
        }
        return new BenchOptions(events, clients, batch, rate, probes, anchor, warmup, reads);
    }

    private static int notNegative(String option, String text) {
        return "0".equals(text.trim()) ? 0 : positive(option, text);
    }

    private static int positive(String option, String text) {
        try {
            int value = Integer.parseInt(text.replace("_", "").replace(",", ""));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a positive whole number, not " + text);
    }
}
