package cn.gov.planwatch.reporting.ops.internal;

import cn.gov.planwatch.platform.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One line on logger {@code planwatch.audit} per operator action: who (client and subject), for which agency, did what, to what. */
@Component
public class OpsAudit {

    private static final Logger audit = LoggerFactory.getLogger("planwatch.audit");

    public void record(Caller caller, String action, String deadLetterId, String outcome) {
        audit.info("audit action={} client={} subject={} agency={} deadLetter={} outcome={}", action,
                caller.clientId(), caller.subject(), caller.agency(), deadLetterId == null ? "-" : deadLetterId,
                outcome);
    }
}
