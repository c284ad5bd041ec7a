package cn.gov.planwatch.auth.credentials;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A person who logs in at the authorization server's form, for the dashboard behind the gateway. */
@JsonPropertyOrder({"username", "password", "agency", "roles"})
public record UserEntry(String username, String password, String agency, List<String> roles) {

    public UserEntry {
        Credentials.require(username, "username", "a user");
        Credentials.require(password, "password", "user " + username);
        Credentials.require(agency, "agency", "user " + username);
        roles = Credentials.checkedRoles(roles, "user " + username);
    }
}
