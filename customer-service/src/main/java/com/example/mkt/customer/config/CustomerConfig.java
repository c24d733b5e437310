package com.example.mkt.customer.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.example.mkt.customer.credit.FulfilmentBasis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every threshold of docs/domain.md#customers is configuration; the defaults are the figures documented there. */
@ConfigMapping(prefix = "customer")
public interface CustomerConfig {

    /** The business zone: days, months and festivals are counted here. */
    @WithDefault("Asia/Shanghai")
    String zone();

    /**
     * The platform's currency, the only one purchase figures are kept in: a sale in another one is dead-lettered
     * (docs/events.md#salesrecorded-external-contract), as the gateway refuses it.
     */
    @WithDefault("CNY")
    String currency();

    Vip vip();

    Tier tier();

    Lifecycle lifecycle();

    Credit credit();

    Complaint complaint();

    Jobs jobs();

    FollowUp followUp();

    Care care();

    Survey survey();

    /**
     * The care calendar (docs/domain.md#care-calendar). Actions are spelled {@code KIND} or {@code KIND:cap}
     * (kinds TRIP, GIFT, CARD, SMS; cap in CNY), per care level: A (A grade, VIP or Diamond), B (B or Gold),
     * C (C or Silver), ordinary.
     */
    interface Care {
        /** Days before the occasion the task is created (a gift must be bought and sent). */
        @WithDefault("7")
        int leadDays();

        /** Festivals with care tasks: SPRING_FESTIVAL, DRAGON_BOAT, MID_AUTUMN (lunar), NEW_YEAR, NATIONAL_DAY, MOTHERS_DAY, CHRISTMAS. */
        @WithDefault("SPRING_FESTIVAL,MID_AUTUMN,DRAGON_BOAT,NEW_YEAR,NATIONAL_DAY")
        List<String> festivals();

        /** The festival around which A customers' yearly trip is planned; NONE for no trip tasks. */
        @WithDefault("NATIONAL_DAY")
        String tripFestival();

        @WithDefault("30")
        int tripLeadDays();

        @WithDefault("TRIP")
        String tripAction();

        /** Any gift to an ordinary customer, and every uncapped action but the trip, stays within this. */
        @WithDefault("100.00")
        BigDecimal ordinaryGiftCap();

        Actions festival();

        Actions birthday();
    }

    interface Actions {
        @WithDefault("GIFT:500.00")
        String a();

        @WithDefault("GIFT:300.00")
        String b();

        @WithDefault("CARD")
        String c();

        @WithDefault("SMS")
        String ordinary();
    }

    /** Satisfaction surveys (docs/domain.md#satisfaction-surveys). */
    interface Survey {
        /** An answer is satisfied when the mean of its question scores (1-5) is at least this. */
        @WithDefault("4.0")
        BigDecimal satisfiedFrom();
    }

    interface FollowUp {
        /** After-sales callback by the end of the N-th day after the sale (docs/domain.md#after-sales-callbacks). */
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

        /**
         * What the contract fulfilment rate weighs: COUNT (fulfilled ÷ settled contracts) or AMOUNT (their amounts),
         * docs/domain.md#credit-tiers.
         */
        @WithDefault("COUNT")
        FulfilmentBasis fulfilmentBasis();
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

        /** Care task generation (birthdays, festivals, the A customers' trip): daily, Shanghai time. */
        @WithDefault("0 15 1 * * ?")
        String careCron();

        /** Rows per transaction in the nightly jobs. */
        @WithDefault("1000")
        int batchSize();
    }
}
