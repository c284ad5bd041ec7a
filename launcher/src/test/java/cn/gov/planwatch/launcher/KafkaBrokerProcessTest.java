package cn.gov.planwatch.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerProcessTest {

    private static final StackLayout LAYOUT = new StackLayout(Path.of("/repo"), Path.of(".data"),
            Path.of("launcher/target/lib"), 15432, 29092, 29093, 26379, Map.of(), List.of());

    private static Properties rendered() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(KafkaBrokerProcess.renderServerProperties(LAYOUT)));
        return properties;
    }

    @Test
    void rendersASingleNodeKraftBrokerAndControllerOnTheLayoutsPorts() throws IOException {
        Properties p = rendered();

        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("node.id")).isEqualTo("1");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:29093");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://localhost:29092");
        assertThat(p.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(p.getProperty("inter.broker.listener.name")).isEqualTo("PLAINTEXT");
        assertThat(p.getProperty("listener.security.protocol.map"))
                .isEqualTo("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    }

    @Test
    void keepsItsLogsUnderTheDataDirectoryAsAnAbsolutePath() throws IOException {
        assertThat(rendered().getProperty("log.dirs")).isEqualTo("/repo/.data/kafka/logs");
    }

    @Test
    void fitsASingleNodeAndLeavesTopicCreationToTheServices() throws IOException {
        Properties p = rendered();

        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(p.getProperty("num.partitions")).isEqualTo("3");
        assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("false");
        assertThat(p.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
    }
}
