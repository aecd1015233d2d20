package org.animfr.animabot.app;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code animabot.} in the configuration; the README lists each key.
 *
 * @param data the session data files or folders ({@code classpath:} allowed)
 * @param organizers people allowed to use admin commands, as {@code platform:id}
 * @param clock a fixed current time ({@code 2012-11-05T10:00:00+01:00}) for demos and tests; empty for the system clock
 * @param console the console adapter
 */
@ConfigurationProperties("animabot")
public record AnimabotProperties(
        @DefaultValue("classpath:demo/animacoop-demo.yaml") List<String> data,
        @DefaultValue List<String> organizers,
        @DefaultValue("") String clock,
        @DefaultValue Console console) {

    /**
     * @param enabled {@code true}/{@code false} to force; empty: on when no other platform is configured
     * @param jsonl print one JSON object per input line
     * @param speaker who speaks on lines without {@code Name:}
     * @param language the language of the console's own words ({@code fr} or {@code en})
     */
    public record Console(
            Boolean enabled,
            @DefaultValue("false") boolean jsonl,
            @DefaultValue("invité") String speaker,
            @DefaultValue("fr") String language) {}
}
