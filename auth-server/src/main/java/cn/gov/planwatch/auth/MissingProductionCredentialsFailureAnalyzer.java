package cn.gov.planwatch.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the {@code prod} start-up refusal into Boot's short "APPLICATION FAILED TO START" report. */
class MissingProductionCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionCredentialsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionCredentialsException cause) {
        return new FailureAnalysis(
                "Profile 'prod' refuses to generate development credentials:\n  - "
                        + String.join("\n  - ", cause.problems()),
                "Supply the clients file and the signing key set from outside (same JSON shape as dev-clients.json and "
                        + "auth/jwks.json), or run another OIDC provider instead (see auth-server/README.md).",
                cause);
    }
}
