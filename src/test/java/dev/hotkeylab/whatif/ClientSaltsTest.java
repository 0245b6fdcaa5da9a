package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.keys.base.PartitionAwareSalts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@org.junit.jupiter.api.DisplayName("Salted keys per client: partition-aware suffixes under each client's partitioner")
class ClientSaltsTest {

    @Test
    void javaSearchIsTheProjectsPartitionAwareSalts() {
        for (int p : new int[] {1, 3, 12, 100}) {
            ClientSalts salts = ClientSalts.search("SUPER_STAR_CONCERT_2026", p, ClientModel.JAVA);
            PartitionAwareSalts reference = PartitionAwareSalts.compute("SUPER_STAR_CONCERT_2026", p);
            assertThat(salts.saltedKeys()).isEqualTo(reference.saltedKeys());
            assertThat(salts.tries()).isEqualTo(reference.triesUsed());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ClientModel.class, names = "LIBRDKAFKA_RANDOM", mode = EnumSource.Mode.EXCLUDE)
    void everyClientsSaltsLandOnTheirPartitionUnderThatClient(ClientModel client) {
        ClientSalts salts = ClientSalts.search("SUPER_STAR_CONCERT_2026", 12, client);
        for (int p = 0; p < 12; p++) {
            assertThat(client.partitionFor(salts.saltedKeys().get(p), 12)).isEqualTo(p);
        }
        assertThat(salts.partitionsCoveredBy(client, 12)).isEqualTo(12);
    }

    @Test
    void aRandomPartitionerHasNoSaltsToSearch() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ClientSalts.search("SUPER_STAR_CONCERT_2026", 12, ClientModel.LIBRDKAFKA_RANDOM))
                .hasMessage("client librdkafka-random places every record at random; there are no partition-aware"
                        + " salts to search");
    }

    @Test
    void javaSaltsDoNotCoverEveryPartitionUnderLibrdkafka() {
        ClientSalts salts = ClientSalts.search("SUPER_STAR_CONCERT_2026", 12, ClientModel.JAVA);
        assertThat(salts.partitionsCoveredBy(ClientModel.LIBRDKAFKA, 12)).isLessThan(12);
    }
}
