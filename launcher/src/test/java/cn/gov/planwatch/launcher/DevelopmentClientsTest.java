package cn.gov.planwatch.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentClientsTest {

    @Test
    void findsAClientsSecretAndToleratesTheUsersEntry(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve(DevelopmentClients.FILE), """
                [{"clientId":"cnipa-reporter","clientSecret":"a","agency":"CNIPA","roles":["reporter"]},
                 {"clientId":"planwatch-gateway","clientSecret":"s3cret","agency":"CNIPA","roles":[]},
                 {"users":[{"username":"lead","password":"p","agency":"CNIPA","roles":["lead"]}]}]
                """);
        assertThat(DevelopmentClients.secretOf(data, "planwatch-gateway")).contains("s3cret");
        assertThat(DevelopmentClients.secretOf(data, "nobody")).isEmpty();
    }

    @Test
    void beforeTheFirstStartThereIsNoFile(@TempDir Path data) {
        assertThat(DevelopmentClients.secretOf(data, "planwatch-gateway")).isEmpty();
    }
}
