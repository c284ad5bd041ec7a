package cn.gov.planwatch.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPortsTest {

    @Test
    void listsEveryPortOfTheStackWithItsUser() {
        StackLayout layout = new StackLayout(Path.of("/repo"), Path.of(".data"), Path.of("lib"), 15432, 19092, 19093, 16379,
                Map.of(), List.of(List.of(new ServiceSpec("gateway", 8080))));

        assertThat(LocalPorts.of(layout)).containsOnlyKeys(15432, 19092, 19093, 16379, 8080)
                .containsEntry(8080, "gateway");
    }

    @Test
    void aPortSomeoneListensOnIsReportedAsTaken() throws IOException {
        try (ServerSocket foreign = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = foreign.getLocalPort();

            assertThat(LocalPorts.isFree(port)).isFalse();
            assertThatThrownBy(() -> LocalPorts.requireFree(Map.of(port, "gateway")))
                    .isInstanceOf(StartFailure.class)
                    .hasMessageContaining(port + " for gateway");
        }
    }

    @Test
    void aPortNobodyHoldsIsFree() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(LocalPorts.isFree(port)).isTrue();
    }
}
