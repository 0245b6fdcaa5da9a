package dev.hotkeylab.experiment;

/**
 * A fault to inject: group member {@code member} dies right after handling its {@code afterRecords}-th record, before
 * committing the batch that record came in. Everything it handled since its last commit is delivered again to the
 * member that takes over its partitions: the redelivery an idempotent booking service must absorb.
 *
 * <p>The dying client still sends LeaveGroup as its thread ends, so the group rebalances at once rather than after
 * {@code session.timeout.ms} (45 s by default): the redelivery is the same, the test is quicker.
 */
public record ConsumerCrash(int member, long afterRecords) {

    public ConsumerCrash {
        if (member < 0) {
            throw new IllegalArgumentException("member must be >= 0 but got " + member);
        }
        if (afterRecords < 1) {
            throw new IllegalArgumentException("afterRecords must be >= 1 but got " + afterRecords);
        }
    }
}
