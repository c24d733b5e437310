package com.example.mkt.customer.config;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every threshold of DOMAIN.md §1 is configuration; the defaults are the documents' numbers. */
@ConfigMapping(prefix = "customer")
public interface CustomerConfig {

    /** The business zone: days, months and festivals are counted here. */
    @WithDefault("Asia/Shanghai")
    String zone();

    Vip vip();

    Tier tier();

    Lifecycle lifecycle();

    Credit credit();

    Complaint complaint();

    Jobs jobs();

    FollowUp followUp();

    interface FollowUp {
        /** After-sales callback by the end of the N-th day after the sale (003:1215). */
        @WithDefault("3")
        int afterSalesCallbackDays();

        /** A visit also counts as that week's call. */
        @WithDefault("true")
        boolean visitCountsAsCall();
    }

    interface Vip {
        @WithDefault("10000.00")
        BigDecimal singlePurchase();

        @WithDefault("20000.00")
        BigDecimal monthlyAccumulated();

        @WithDefault("12")
        int validityMonths();
    }

    interface Tier {
        @WithDefault("5000.00")
        BigDecimal silverFrom();

        @WithDefault("20000.00")
        BigDecimal goldFrom();

        @WithDefault("50000.00")
        BigDecimal diamondFrom();

        @WithDefault("12")
        int windowMonths();
    }

    interface Lifecycle {
        @WithDefault("90")
        int newForDays();

        @WithDefault("90")
        int atRiskAfterDays();

        @WithDefault("180")
        int churnedAfterDays();

        @WithDefault("90")
        int wonBackForDays();

        @WithDefault("3")
        int spendWindowMonths();

        @WithDefault("0.50")
        BigDecimal spendDropShare();
    }

    interface Credit {
        @WithDefault("5000000.00")
        BigDecimal greenFrom();

        @WithDefault("2000000.00")
        BigDecimal yellowFrom();

        @WithDefault("1000000.00")
        BigDecimal redFrom();

        @WithDefault("500000.00")
        BigDecimal blackFrom();

        @WithDefault("75")
        BigDecimal keyAccountMinFulfilmentPercent();

        @WithDefault("95")
        BigDecimal yellowCapBelowPercent();

        @WithDefault("85")
        BigDecimal redCapBelowPercent();
    }

    interface Complaint {
        @WithDefault("24h")
        Duration firstResponse();

        @WithDefault("7d")
        Duration resolutionLow();

        @WithDefault("3d")
        Duration resolutionMedium();

        @WithDefault("2d")
        Duration resolutionHigh();

        @WithDefault("1d")
        Duration resolutionSerious();

        @WithDefault("30d")
        Duration reopenWindow();
    }

    interface Jobs {
        /** Lifecycle aging and score decay: nightly, after the day's sales have settled. */
        @WithDefault("0 30 2 * * ?")
        String lifecycleCron();

        @WithDefault("5m")
        Duration complaintSlaEvery();

        /** Rows per transaction in the nightly jobs. */
        @WithDefault("1000")
        int batchSize();
    }
}
