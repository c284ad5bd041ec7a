package cn.gov.planwatch.programme.definition;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The plan's programmes (专栏) as the catalogue defines them. One programme, with its progress, is served
 * by the progress feature.
 */
@RestController
public class ProgrammeController {

    private final PlanCatalogue catalogue;

    ProgrammeController(PlanCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/programmes")
    List<Programme> programmes() {
        return catalogue.programmes();
    }
}
