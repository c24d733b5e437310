package com.example.mkt.customer.care;

import com.example.mkt.customer.shared.BusinessTime;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The care calendar's rules (docs/domain.md#care-calendar).
 * Defaults: festival and birthday gifts for A up to 500 CNY (the business's cap for key customers;
 * a birthday cake fits in it), for B a holiday gift up to 300 CNY
 * (the business names a gift but no amount, so between the two capped amounts), a card for C, and a
 * text greeting for ordinary customers, whose gifts elsewhere stay within 100 CNY.
 * A customers get their yearly trip around National Day, when trips are usual. Care tasks are created
 * 7 days ahead (a gift must be bought and sent), the trip 30 days ahead. Care tasks exist for
 * {@link #DEFAULT_FESTIVALS} unless configured otherwise.
 *
 * @param ordinaryGiftCap cap for any gift to an ordinary customer, e.g. in a campaign
 */
public record CarePolicy(Set<Festival> festivals, Map<CareLevel, CareAction> festivalActions,
                         Map<CareLevel, CareAction> birthdayActions, Optional<Festival> tripFestival,
                         CareAction tripAction, int leadDays, int tripLeadDays, CareAction ordinaryGiftCap, ZoneId zone) {

    /** The default festivals: Spring Festival, Dragon Boat, Mid-Autumn (lunar), New Year, National Day. */
    public static final Set<Festival> DEFAULT_FESTIVALS = Set.copyOf(EnumSet.of(Festival.SPRING_FESTIVAL,
            Festival.MID_AUTUMN, Festival.DRAGON_BOAT, Festival.NEW_YEAR, Festival.NATIONAL_DAY));

    public CarePolicy {
        festivals = festivals.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(festivals));
        festivalActions = completeFor(festivalActions, "festivalActions");
        birthdayActions = completeFor(birthdayActions, "birthdayActions");
        Objects.requireNonNull(tripFestival, "tripFestival");
        Objects.requireNonNull(tripAction, "tripAction");
        Objects.requireNonNull(ordinaryGiftCap, "ordinaryGiftCap");
        Objects.requireNonNull(zone, "zone");
        if (leadDays < 0 || tripLeadDays < 0) {
            throw new IllegalArgumentException("lead times must not be negative");
        }
    }

    public static CarePolicy defaults() {
        Map<CareLevel, CareAction> festival = new EnumMap<>(CareLevel.class);
        festival.put(CareLevel.A, CareAction.capped(CareActionKind.GIFT, "500.00"));
        festival.put(CareLevel.B, CareAction.capped(CareActionKind.GIFT, "300.00"));
        festival.put(CareLevel.C, CareAction.of(CareActionKind.CARD));
        festival.put(CareLevel.ORDINARY, CareAction.of(CareActionKind.SMS));
        return new CarePolicy(DEFAULT_FESTIVALS, festival, festival, Optional.of(Festival.NATIONAL_DAY),
                CareAction.of(CareActionKind.TRIP), 7, 30, CareAction.capped(CareActionKind.GIFT, "100.00"),
                BusinessTime.SHANGHAI);
    }

    private static Map<CareLevel, CareAction> completeFor(Map<CareLevel, CareAction> actions, String what) {
        for (CareLevel level : CareLevel.values()) {
            if (!actions.containsKey(level)) {
                throw new IllegalArgumentException(what + " needs an action for " + level);
            }
        }
        return Map.copyOf(actions);
    }
}
