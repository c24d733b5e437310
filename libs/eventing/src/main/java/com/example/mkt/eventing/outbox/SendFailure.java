package com.example.mkt.eventing.outbox;

import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Why Kafka did not take an outbox record, and what that says about the record.
 *
 * @param reason    one line for operations (exception class and message)
 * @param topicWide the topic itself is refused (missing, invalid, not allowed): every row of it fails alike, so the
 *                  relay does not send the rest of the batch's rows of that topic
 * @param permanent a definite refusal (non-retriable, or a topic the reachable broker does not have): it counts
 *                  toward parking; anything else (broker away, leader moving, too few in-sync replicas) never does
 */
record SendFailure(String reason, boolean topicWide, boolean permanent) {

    private static final int MAX_REASON = 1_000;

    static SendFailure of(Throwable error) {
        Throwable e = error;
        while (e instanceof java.util.concurrent.ExecutionException && e.getCause() != null) {
            e = e.getCause();
        }
        boolean missingTopic = e instanceof UnknownTopicOrPartitionException
                || e instanceof TimeoutException && String.valueOf(e.getMessage()).contains("not present in metadata");
        boolean topicWide = missingTopic || e instanceof InvalidTopicException || e instanceof AuthorizationException;
        boolean permanent = !(e instanceof RetriableException);
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new SendFailure(cut(reason), topicWide, permanent || missingTopic);
    }

    /**
     * Whether this failure counts as an attempt: definite refusals do; "topic not in metadata" only while the broker is
     * known to answer (a broker that is down gives the same timeout for every topic).
     */
    boolean counts(boolean brokerReachable) {
        if (reason.startsWith(TimeoutException.class.getSimpleName())) {
            return permanent && brokerReachable;
        }
        return permanent;
    }

    private static String cut(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }
}
