package fr.gouv.conventions.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The convention lifecycle service: HTTP, security, and the Axon and database wiring around the domain. */
@SpringBootApplication(scanBasePackages = "fr.gouv.conventions")
@ConfigurationPropertiesScan
public class ConventionServiceApplication {

    public static void main(String[] args) {
        // Axon reads this switch from system properties only; the service never calls home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(ConventionServiceApplication.class, args);
    }
}
