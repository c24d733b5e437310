package com.example.mkt.campaign.lifecycle;

import java.time.Duration;
import java.time.Instant;

/**
 * How a running pilot stands against its time limit at one instant.
 *
 * @param deadline  the instant the pilot reaches its maximum duration
 * @param overdue   true once the instant is after the deadline (a pilot of exactly the maximum is allowed)
 * @param remaining time left until the deadline, negative when overdue
 */
public record PilotStatus(Instant deadline, boolean overdue, Duration remaining) {
}
