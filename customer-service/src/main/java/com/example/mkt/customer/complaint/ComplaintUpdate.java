package com.example.mkt.customer.complaint;

import java.util.Optional;

/**
 * A complaint after a move, with what the service must do about it: notify the escalation owner,
 * send the satisfaction survey on closing (docs/domain.md#complaints: "closing sends a satisfaction survey").
 */
public record ComplaintUpdate(Complaint complaint, Optional<EscalationLevel> escalatedTo, boolean surveyRequested) {

    static ComplaintUpdate of(Complaint complaint) {
        return new ComplaintUpdate(complaint, Optional.empty(), false);
    }
}
