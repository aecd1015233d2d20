package org.animfr.animabot.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts Animabot: the console when no platform is configured, every configured platform otherwise. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AnimabotApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(AnimabotApplication.class, args);
        if (context.getBean(PlatformRunner.class).finishedWithConsole()) {
            // piped input has ended (or the person pressed Ctrl-D): nothing is left to do
            System.exit(SpringApplication.exit(context));
        }
    }
}
