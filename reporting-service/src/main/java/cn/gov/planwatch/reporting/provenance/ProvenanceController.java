package cn.gov.planwatch.reporting.provenance;

import cn.gov.planwatch.reporting.nationalview.AsOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProvenanceController {

    private final FigureProvenance provenance;

    ProvenanceController(FigureProvenance provenance) {
        this.provenance = provenance;
    }

    /** Figure ids may hold a slash ({@code compliance:SAMR/2025-Q3}), so the rest of the path is the id. */
    @GetMapping("/api/v1/national-view/provenance/{*figure}")
    Provenance figure(@PathVariable String figure, @RequestParam(required = false) String asOf) {
        return provenance.of(figure.substring(1), AsOf.parse(asOf));
    }
}
