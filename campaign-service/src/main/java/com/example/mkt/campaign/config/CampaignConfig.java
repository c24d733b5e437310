package com.example.mkt.campaign.config;

import com.example.mkt.campaign.lifecycle.KeywordGate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.util.List;

/**
 * The campaign rules that are configuration, not code: every threshold, quota and deadline. The defaults are the
 * figures of docs/domain.md#campaigns; {@link Policies} turns them into the domain policies.
 */
@ConfigMapping(prefix = "campaign")
public interface CampaignConfig {

    /** The business zone periods, pilots and retention windows are counted in. */
    @WithDefault("Asia/Shanghai")
    String zone();

    /**
     * The platform's currency, the only one targets and contributions are counted in: a sale in another one is
     * dead-lettered (docs/events.md#salesrecorded-external-contract), as the gateway refuses it.
     */
    @WithDefault("CNY")
    String currency();

    Lifecycle lifecycle();

    Review review();

    Attribution attribution();

    Awards awards();

    Evaluation evaluation();

    interface Lifecycle {
        @WithDefault("manager,marketing_director,gm")
        List<String> approvalChain();

        @WithDefault("true")
        boolean pilotRequired();

        /** ISO-8601 period, e.g. P3M ("不超过3个月"). */
        @WithDefault("P3M")
        String maxPilotDuration();

        @WithDefault("FLAG")
        KeywordGate keywordGate();

        @WithDefault("true")
        boolean rejectionCommentRequired();

        @WithDefault("false")
        boolean submitterMayApprove();

        @WithDefault("true")
        boolean evaluationRequiredToArchive();

        /** How often PilotWatch looks for overdue pilots (read by its @Scheduled expression). */
        @WithDefault("1h")
        String pilotCheckEvery();
    }

    interface Review {
        @WithDefault("最,第一,唯一,首个,顶级,极品,国家级,世界级,绝对,万能,100%,保证收益,保本,稳赚,零风险,无风险,包赚,保值增值")
        List<String> sensitiveKeywords();

        @WithDefault("最近,最后,最终,最初,最新消息,第一时间,第一次,第一步")
        List<String> allowedPhrases();
    }

    interface Attribution {
        @WithDefault("true")
        boolean refundFollowsOriginal();
    }

    /** Defaults for campaigns that do not state their own award rules (docs/domain.md#awards). */
    interface Awards {
        @WithDefault("80000.00")
        BigDecimal pool();

        /** One amount per place, from place 1. */
        @WithDefault("10000.00,8000.00,6000.00")
        List<BigDecimal> speedPrizes();

        @WithDefault("true")
        boolean fillSpeedWithStarting();

        /** Bands as from-to:amount. */
        @WithDefault("1-1:5000.00,2-2:4000.00,3-3:3000.00,4-15:2000.00,16-35:1000.00")
        List<String> individualBands();

        @WithDefault("10000.00")
        BigDecimal individualMinimumSales();

        @WithDefault("1")
        BigDecimal managerWeight();

        @WithDefault("0.5")
        BigDecimal staffWeight();
    }

    interface Evaluation {
        /**
         * ISO-8601 period after the campaign's end in which a buyer who buys again counts as retained (days are
         * counted in the business zone).
         */
        @WithDefault("P90D")
        String retentionWindow();

        @WithDefault("0.10")
        BigDecimal startingUplift();

        @WithDefault("0.30")
        BigDecimal budgetUplift();

        @WithDefault("true")
        boolean carryMissedTargets();

        @WithDefault("10000.00")
        BigDecimal roundingUnit();
    }
}
