package io.aimsgate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AimsGateApplication {

    public static void main(String[] args) {
        SpringApplication.run(AimsGateApplication.class, args);
    }
}
