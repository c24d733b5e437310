package com.example.mkt.launcher;

import java.util.List;

/** What the benchmark sells into: a region of 11 branches with an active campaign, and a probe unit outside it. */
record BenchWorld(String region, List<String> branches, String probeUnit, String campaignId, String campaignCode,
        String product) {
}
