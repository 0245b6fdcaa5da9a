package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.DisplayName("Consumer assignment (range assignor): which consumer gets which partition")
class ConsumerAssignmentTest {

    @Test
    void onePartitionEachWhenConsumersEqualPartitions() {
        assertThat(ConsumerAssignment.consumerOfPartition(3, 3)).containsExactly(0, 1, 2);
    }

    @Test
    void rangeAssignorGivesContiguousRangesWithTheRemainderFirst() {
        assertThat(ConsumerAssignment.consumerOfPartition(7, 3)).containsExactly(0, 0, 0, 1, 1, 2, 2);
    }

    @Test
    void moreConsumersThanPartitionsLeavesTheExtraOnesWithout() {
        int[] owner = ConsumerAssignment.consumerOfPartition(3, 5);
        assertThat(owner).containsExactly(0, 1, 2);
        double[] load = ConsumerAssignment.consumerLoad(new double[] {1, 2, 3}, owner, 5);
        assertThat(load).containsExactly(1, 2, 3, 0, 0);
    }

    @Test
    void memberOrderIsNumericBeyondTenConsumers() {
        int[] owner = ConsumerAssignment.consumerOfPartition(12, 12);
        for (int p = 0; p < 12; p++) {
            assertThat(owner[p]).isEqualTo(p);
        }
    }
}
