package cn.gov.planwatch.auth;

import java.util.List;

/** Profile {@code prod} was started without externally supplied clients or signing keys. */
public class MissingProductionCredentialsException extends IllegalStateException {

    private final List<String> problems;

    public MissingProductionCredentialsException(List<String> problems) {
        super("Profile 'prod' generates no clients or keys: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
