package cn.gov.planwatch.testsupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every integration test of a service sets up: the service running for real ({@link PlanwatchIntegrationTest}),
 * its port, HTTP calls to it and its own database connection, to look at its read model as the service wrote it.
 */
@PlanwatchIntegrationTest
public abstract class ServiceFixture {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /**
     * Calls to the service under test, without a token ({@link HttpCalls#withToken} adds one), each held with its
     * answer to the API description the service serves.
     */
    protected HttpCalls http() {
        return new HttpCalls("http://localhost:" + port).checkedAgainst(apiDescription());
    }

    /** The API description the service under test serves. */
    protected ServedApiDescription apiDescription() {
        return ServedApiDescription.at("http://localhost:" + port + "/v3/api-docs");
    }
}
