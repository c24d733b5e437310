package com.example.mkt.campaign.award;

import java.util.Objects;

/** A person who shares their branch's speed award. */
public record SpeedRecipient(String staffId, RecipientRole role) {

    public SpeedRecipient {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(role, "role");
    }
}
