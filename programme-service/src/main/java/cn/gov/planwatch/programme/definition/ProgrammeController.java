package cn.gov.planwatch.programme.definition;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.platform.problem.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The plan's programmes (专栏) as the catalogue defines them. */
@RestController
class ProgrammeController {

    private final PlanCatalogue catalogue;

    ProgrammeController(PlanCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/programmes")
    List<Programme> programmes() {
        return catalogue.programmes();
    }

    @GetMapping("/api/v1/programmes/{slug}")
    Programme programme(@PathVariable String slug) {
        return catalogue.programme(slug).orElseThrow(() -> Problems.notFound("programme", slug));
    }
}
