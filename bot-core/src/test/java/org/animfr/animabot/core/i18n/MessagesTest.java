package org.animfr.animabot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Messages messages = new Messages();

    @Test
    void everyFrenchMessageHasAnEnglishTranslationAndBack() throws IOException {
        Properties french = load("messages_fr.properties");
        Properties english = load("messages_en.properties");

        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(french.stringPropertyNames());
    }

    @Test
    void messagesUseTypographicApostrophesSoNoneIsSwallowedByMessageFormat() throws IOException {
        for (String bundle : new String[] {"messages_fr.properties", "messages_en.properties"}) {
            Properties properties = load(bundle);
            properties.stringPropertyNames().stream().filter(k -> !k.startsWith("format."))
                    .forEach(k -> assertThat(properties.getProperty(k)).as(bundle + " " + k).doesNotContain("'"));
        }
    }

    @Test
    void datesReadAsPeopleWriteThem() {
        LocalDateTime at = LocalDateTime.of(2012, 11, 15, 9, 30);

        assertThat(messages.dateTime(Language.FR, at)).isEqualTo("jeudi 15 novembre 2012 à 9 h 30");
        assertThat(messages.dateTime(Language.FR, at.withHour(14).withMinute(0)))
                .isEqualTo("jeudi 15 novembre 2012 à 14 h");
        assertThat(messages.date(Language.FR, LocalDate.of(2012, 10, 1))).isEqualTo("lundi 1er octobre 2012");
        assertThat(messages.dateTime(Language.EN, at)).isEqualTo("Thursday 15 November 2012 at 9:30 AM");
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(messages.get(Language.FR, "error.unknown-command", "xyz"))
                .isEqualTo("Je ne connais pas la commande « xyz ». Tapez « aide » pour la liste des commandes.");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = Messages.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
