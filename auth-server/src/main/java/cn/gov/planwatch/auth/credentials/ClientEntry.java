package cn.gov.planwatch.auth.credentials;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One client of the clients file. {@code purpose} is absent for machine clients (client_credentials) and
 * {@value #GATEWAY_LOGIN} for the gateway's browser login (authorization_code + PKCE).
 */
@JsonPropertyOrder({"clientId", "clientSecret", "agency", "roles", "purpose"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientEntry(String clientId, String clientSecret, String agency, List<String> roles, String purpose) {

    public static final String GATEWAY_LOGIN = "gateway-login";

    public ClientEntry {
        Credentials.require(clientId, "clientId", "a client");
        Credentials.require(clientSecret, "clientSecret", "client " + clientId);
        Credentials.require(agency, "agency", "client " + clientId);
        roles = Credentials.checkedRoles(roles, "client " + clientId);
    }

    public static ClientEntry machine(String clientId, String secret, String agency, String role) {
        return new ClientEntry(clientId, secret, agency, List.of(role), null);
    }

    @JsonIgnore
    public boolean isGatewayLogin() {
        return GATEWAY_LOGIN.equals(purpose);
    }
}
