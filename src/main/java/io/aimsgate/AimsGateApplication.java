package io.aimsgate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AimsGateApplication {

    public static void main(String[] args) {
        // The offline evidence-pack verifier (docs/ledger.md): no Spring context, no database, no server.
        if (args.length > 0 && "verify-pack".equals(args[0])) {
            System.exit(io.aimsgate.audit.PackVerifier.run(java.util.Arrays.copyOfRange(args, 1, args.length),
                    System.out));
        }
        SpringApplication.run(AimsGateApplication.class, args);
    }
}
