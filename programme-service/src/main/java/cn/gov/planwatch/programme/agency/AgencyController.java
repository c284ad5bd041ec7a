package cn.gov.planwatch.programme.agency;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.platform.problem.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The agencies of the plan: who reports and who leads. Served here because agencies own quarterly updates. */
@RestController
public class AgencyController {

    private final PlanCatalogue catalogue;

    AgencyController(PlanCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/agencies")
    List<Agency> agencies() {
        return catalogue.agencies();
    }

    @GetMapping("/api/v1/agencies/{code}")
    Agency agency(@PathVariable String code) {
        return catalogue.agency(code).orElseThrow(() -> Problems.notFound("agency", code));
    }
}
