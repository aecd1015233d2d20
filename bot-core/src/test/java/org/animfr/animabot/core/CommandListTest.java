package org.animfr.animabot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandRegistry;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.Replies;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.testing.BotFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real list of commands, as {@link Animabot} assembles it: every command is documented in both languages and
 * has a slash-command form, and the registry refuses lists that would be ambiguous.
 */
class CommandListTest {
    /** Discord's rule for the names of slash commands and of their options. */
    private static final Pattern DISCORD_NAME = Pattern.compile("^[-_a-z0-9]{1,32}$");

    private static Properties french;
    private static Properties english;

    private final List<CommandSpec> specs = new BotFixture().core.commands().specs();

    @BeforeAll
    static void loadBundles() throws IOException {
        french = load("messages_fr.properties");
        english = load("messages_en.properties");
    }

    @Test
    void theListHoldsEveryCommandTheBotIsKnownFor() {
        assertThat(specs).extracting(CommandSpec::key).contains(
                "help", "sessions", "session", "gatherings", "week", "register", "language",
                "admin-link", "admin-unlink", "admin-announce", "admin-reload");
    }

    @Test
    void everyCommandHasAHelpTextAndAUsageInBothLanguages() {
        for (CommandSpec spec : specs) {
            for (Properties bundle : List.of(french, english)) {
                assertThat(bundle.getProperty(spec.helpKey())).as(spec.helpKey()).isNotBlank();
                assertThat(bundle.getProperty(spec.usageKey())).as(spec.usageKey()).isNotNull();
            }
            for (Language language : Language.values()) {
                assertThat(BotFixture.MESSAGES.get(language, spec.helpKey())).as(language + " " + spec.helpKey())
                        .isNotBlank();
                assertThat(BotFixture.MESSAGES.get(language, spec.usageKey())).as(language + " " + spec.usageKey())
                        .isNotNull();
            }
        }
    }

    @Test
    void everyCommandHasAnEnglishName() {
        for (CommandSpec spec : specs) {
            assertThat(spec.name(Language.EN)).as(spec.key()).isNotBlank();
        }
    }

    @Test
    void everyCommandHasASlashCommandFormInBothLanguages() {
        for (CommandSpec spec : specs) {
            assertThat(spec.name(Language.FR)).as(spec.key()).matches(DISCORD_NAME);
            assertThat(spec.name(Language.EN)).as(spec.key()).matches(DISCORD_NAME);
            for (Parameter parameter : spec.parameters()) {
                assertThat(parameter.frenchName()).as(spec.key() + " " + parameter.key()).matches(DISCORD_NAME);
                assertThat(parameter.englishName()).as(spec.key() + " " + parameter.key()).matches(DISCORD_NAME);
            }
        }
    }

    @Test
    void everyParameterIsDescribedInBothLanguages() {
        for (CommandSpec spec : specs) {
            for (Parameter parameter : spec.parameters()) {
                assertThat(french.getProperty(parameter.descriptionKey())).as("fr " + parameter.descriptionKey())
                        .isNotBlank();
                assertThat(english.getProperty(parameter.descriptionKey())).as("en " + parameter.descriptionKey())
                        .isNotBlank();
            }
        }
    }

    @Test
    void theRegistryRefusesTwoCommandsWithTheSameKey() {
        CommandFeature first = feature(CommandSpec.command("greet", "saluer", "greet").build());
        CommandFeature second = feature(CommandSpec.command("greet", "bonjour", "hello").build());

        assertThatThrownBy(() -> new CommandRegistry(List.of(first, second)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greet");
    }

    @Test
    void theRegistryRefusesTwoCommandsOfTheSameAudienceSharingAWord() {
        CommandFeature first = feature(CommandSpec.command("greet", "saluer", "greet").build());
        CommandFeature second = feature(CommandSpec.command("wave", "saluer", "wave").build());

        assertThatThrownBy(() -> new CommandRegistry(List.of(first, second)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("saluer");
    }

    @Test
    void theRegistryRefusesAnAliasThatIsAnotherCommandsName() {
        CommandFeature first = feature(CommandSpec.command("greet", "saluer", "greet").build());
        CommandFeature second = feature(CommandSpec.command("wave", "agiter", "wave").englishAliases("greet").build());

        assertThatThrownBy(() -> new CommandRegistry(List.of(first, second)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greet");
    }

    @Test
    void anOrganizerCommandMayShareAWordWithACommandForEveryone() {
        CommandFeature forEveryone = feature(CommandSpec.command("session", "session", "session").build());
        CommandFeature forOrganizers = feature(
                CommandSpec.command("admin-session", "session", "session").forOrganizers().build());

        CommandRegistry registry = new CommandRegistry(List.of(forEveryone, forOrganizers));

        assertThat(registry.byWord("session", false)).map(CommandSpec::key).contains("session");
        assertThat(registry.byWord("session", true)).map(CommandSpec::key).contains("admin-session");
    }

    @Test
    void aNameThatCannotBeASlashCommandIsRefused() {
        assertThatThrownBy(() -> CommandSpec.command("x", "deux mots", "two").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deux mots");
    }

    private static CommandFeature feature(CommandSpec spec) {
        return new CommandFeature(spec) {
            @Override
            public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
                return Replies.personal(spec.key());
            }
        };
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = Messages.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
