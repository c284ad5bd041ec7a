package cn.gov.planwatch.programme;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ProgrammeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProgrammeServiceApplication.class, args);
    }
}
