package fr.santegraph;

import fr.santegraph.ingest.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point. {@code java -jar santegraph.jar} serves GraphQL; {@code java -jar santegraph.jar import <source> ...}
 * runs one import against the configured database and exits with its status.
 */
// No user store: callers authenticate with bearer tokens or API keys, never with passwords here.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class SantegraphApplication {

    public static void main(String[] args) {
        if (ImportCommand.isHelpInvocation(args)) {
            System.exit(ImportCommand.printHelp(System.out, args));
        }
        SpringApplication app = new SpringApplication(SantegraphApplication.class);
        if (ImportCommand.isImportInvocation(args)) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("import");
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }
}
