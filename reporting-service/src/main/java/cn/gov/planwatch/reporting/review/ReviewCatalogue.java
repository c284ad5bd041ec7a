package cn.gov.planwatch.reporting.review;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.UnknownPlanException;
import cn.gov.planwatch.planrules.NotInPlanException;
import cn.gov.planwatch.reporting.plan.PlansInForce;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The plan as the review pages name its parts (in the page's language), and their times in the plan's zone. */
@Component
class ReviewCatalogue {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PlansInForce plans;
    private final ZoneId zone;
    private final Clock clock;

    ReviewCatalogue(PlansInForce plans, @Value("${planwatch.plan.zone}") ZoneId zone, Clock clock) {
        this.plans = plans;
        this.zone = zone;
        this.clock = clock;
    }

    /** The plan's version in force now, or refused as unknown. */
    PlanCatalogue plan(String plan) {
        return plans.inForce(plan, clock.instant()).orElseThrow(() -> new UnknownPlanException(plan));
    }

    /**
     * The agency and quarter a review page names, as the plan knows them; refused as unknown (404) otherwise, before
     * anything is asked of another service.
     */
    static Reviewed reviewed(PlanCatalogue plan, String agency, String quarter) {
        String code = plan.agency(agency).orElseThrow(() -> new NotInPlanException("agency", agency)).code();
        ReportingPeriod period = ReportingPeriod.parse(quarter).filter(ReportingPeriod::isQuarter)
                .orElseThrow(() -> new NotInPlanException("quarter", quarter));
        return new Reviewed(code, period);
    }

    /** One agency's update for one quarter, as a review page names it. */
    record Reviewed(String agency, ReportingPeriod quarter) {
    }

    /** The agency's name, or its code where the plan does not name it. */
    static String agencyName(PlanCatalogue plan, String code, Locale locale) {
        return plan.agency(code).map(a -> english(locale) ? a.nameEn() : a.nameZh()).orElse(code);
    }

    /** Minutes in the plan's zone: when the people reviewing work. */
    String dateTime(Instant instant) {
        return instant == null ? null : MINUTES.format(LocalDateTime.ofInstant(instant, zone));
    }

    static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
