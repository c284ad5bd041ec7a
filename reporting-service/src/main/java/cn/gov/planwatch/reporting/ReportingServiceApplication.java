package cn.gov.planwatch.reporting;

import cn.gov.planwatch.catalogue.progress.ProgressMeasure;
import cn.gov.planwatch.catalogue.progress.ProgressThresholds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ReportingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingServiceApplication.class, args);
    }

    @Bean
    ProgressMeasure progressMeasure(@Value("${planwatch.progress.substantial}") double substantial,
            @Value("${planwatch.progress.moderate}") double moderate) {
        return new ProgressMeasure(new ProgressThresholds(substantial, moderate));
    }
}
