package cn.gov.planwatch.reporting.nationalview;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NationalViewController {

    private final NationalViewReader reader;

    NationalViewController(NationalViewReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/v1/national-view")
    NationalView nationalView(@RequestParam(required = false) String asOf) {
        return reader.view(AsOf.parse(asOf));
    }
}
