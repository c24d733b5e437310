package com.example.mkt.kpi.scorecard;

/**
 * What a rate item with nothing to measure (no complaints received, no follow-ups expected because the person was
 * absent, no satisfaction surveys) counts for. The card always says so ({@code measured: false}); this decides the
 * points (docs/domain.md#staff-scorecard).
 */
public enum UnmeasuredTreatment {
    /** The item keeps its full weight, as if the rate were 100 %. */
    FULL_MARKS,
    /**
     * The item is left out and the measured items are scaled back to the full scale: items total = their points ×
     * the sheet's maximum ÷ the weight measured. The default: a person is judged on what was measured, neither given
     * points they did not earn (full marks would put someone absent all month ahead of everyone who was measured,
     * for awards and the bottom-3 corrective plans) nor punished for an absence of work (zero).
     */
    EXCLUDED_REWEIGHTED,
    /** The item scores nothing. */
    ZERO
}
