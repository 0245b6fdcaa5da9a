package dev.hotkeylab.experiment;

/**
 * What a run's group type did beyond the common accounting; serialized as {@code share} in each experiment of
 * {@code results.json}. For a consumer group only {@code groupType} ({@code classic}) is set.
 *
 * @param groupType               {@link GroupType#label()}: {@code classic} or {@code share}
 * @param redeliveries            records that arrived with a delivery count above 1 (KIP-932's
 *                                {@code ConsumerRecord.deliveryCount()})
 * @param released                records given back with RELEASE after a handler error
 * @param archived                records whose last allowed delivery failed: the broker archives them, the run reports
 *                                them instead of waiting for them
 * @param deliveryCountLimit      the group's {@code share.delivery.count.limit}; 0 for a consumer group
 * @param acquisitionLockMillis   the acquisition lock the broker reported ({@code share.record.lock.duration.ms}); -1
 *                                when unknown
 * @param crashToRedeliveryMillis from an injected member crash to the first redelivered record, in ms; -1 without both
 */
public record ShareSummary(String groupType, long redeliveries, long released, long archived, int deliveryCountLimit,
        long acquisitionLockMillis, long crashToRedeliveryMillis) {

    /** A consumer group's run. */
    public static final ShareSummary CLASSIC = new ShareSummary(GroupType.CLASSIC.label(), 0, 0, 0, 0, -1, -1);

    /** Whether the run used a share group. */
    public boolean share() {
        return GroupType.SHARE.label().equals(groupType);
    }
}
