package cn.gov.planwatch.programme.agency;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.programme.plan.PlanInForce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The agencies of every plan, each once. Agencies are government-wide: the shipped plan's come first in its
 * catalogue order (so existing clients see the list they always saw), then those only later plans bring, in the
 * order the plans were published. An agency several plans name keeps the names of the first plan in that order.
 * Every plan counts with its version in force, closed plans too: their agencies' reports stay readable.
 */
final class GovernmentAgencies {

    private final Map<String, ListedAgency> byCode;

    private GovernmentAgencies(Map<String, ListedAgency> byCode) {
        this.byCode = byCode;
    }

    /**
     * @param shipped the plan the product ships with, as configured: stands for it until its publication is folded
     * @param plans   the plans in the read model, in the order they were first published
     */
    static GovernmentAgencies of(PlanCatalogue shipped, List<PlanInForce> plans) {
        String shippedId = shipped.plan().id();
        PlanCatalogue shippedInForce = plans.stream().filter(plan -> plan.id().equals(shippedId))
                .map(PlanInForce::document).findFirst().orElse(shipped);
        Stream<PlanCatalogue> later = plans.stream().filter(plan -> !plan.id().equals(shippedId))
                .map(PlanInForce::document);

        Map<String, Agency> firstNamed = new LinkedHashMap<>();
        Map<String, List<String>> namedBy = new LinkedHashMap<>();
        Stream.concat(Stream.of(shippedInForce), later).forEach(plan -> plan.agencies().forEach(agency -> {
            firstNamed.putIfAbsent(agency.code(), agency);
            namedBy.computeIfAbsent(agency.code(), code -> new ArrayList<>()).add(plan.plan().id());
        }));

        Map<String, ListedAgency> byCode = new LinkedHashMap<>();
        firstNamed.forEach((code, agency) -> byCode.put(code, new ListedAgency(code, agency.nameZh(),
                agency.nameEn(), agency.note(), namedBy.get(code))));
        return new GovernmentAgencies(byCode);
    }

    List<ListedAgency> all() {
        return List.copyOf(byCode.values());
    }

    Optional<ListedAgency> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
