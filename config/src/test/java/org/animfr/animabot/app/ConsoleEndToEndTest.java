package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.room.RoomLinks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole application on the console: a data file, a fixed clock, piped questions, JSON-lines answers. */
@SpringBootTest(properties = {
        "animabot.data=classpath:e2e/sessions.yaml",
        "animabot.clock=2012-11-05T10:00:00+01:00",
        "animabot.console.jsonl=true",
        "animabot.organizers=console:Camille",
        "spring.datasource.url=jdbc:h2:mem:console-e2e;DB_CLOSE_DELAY=-1"})
class ConsoleEndToEndTest {
    private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();

    @TestConfiguration
    static class PipedQuestions {
        @Bean
        @Primary
        ConsoleConfiguration.ConsoleStreams pipedStreams() throws IOException {
            var in = new BufferedReader(new InputStreamReader(
                    new ClassPathResource("e2e/questions.txt").getInputStream(), StandardCharsets.UTF_8));
            return new ConsoleConfiguration.ConsoleStreams(in, new PrintStream(OUTPUT, true, StandardCharsets.UTF_8),
                    false);
        }
    }

    @Autowired
    RoomLinks links;

    @Test
    void everyInputLineGetsExactlyOneJsonObjectWithTheRightAnswer() {
        List<JsonNode> lines = OUTPUT.toString(StandardCharsets.UTF_8).lines()
                .map(line -> JsonMapper.builder().build().readTree(line)).toList();

        assertThat(lines).hasSize(11);
        assertThat(lines.get(0).get("speaker").asString()).isEqualTo("invité");
        assertThat(lines.get(0).get("text").asString()).isEqualTo("c'est quand le prochain regroupement ?");
        assertThat(replies(lines.get(0))).contains("jeudi 15 novembre 2012 à 9 h 30", "Montpellier");
        assertThat(replies(lines.get(1))).contains("semaine 6 sur 13", "Cartographier les acteurs");
        assertThat(replies(lines.get(2))).contains("Je n’ai rien reçu");
        assertThat(replies(lines.get(3))).contains("Vouliez-vous dire « regroupements » ?");
        assertThat(lines.get(4).get("speaker").asString()).isEqualTo("Camille");
        assertThat(replies(lines.get(4))).contains("relié à Animacoop 7");
        assertThat(replies(lines.get(5))).contains("réservée aux organisateurs");
        assertThat(replies(lines.get(6))).contains("Animer une liste de discussion");
        assertThat(replies(lines.get(7))).contains("Il n’y a pas de semaine 42");
        assertThat(replies(lines.get(8))).contains("Animacoop 7 ends on Friday 28 December 2012");
        assertThat(replies(lines.get(9))).contains("gratuite pour les structures du territoire");
        assertThat(replies(lines.get(10))).contains("Je ne suis pas sûr d’avoir compris");
    }

    @Test
    void theOrganizersLinkIsStoredAndThePlainMembersUnlinkChangedNothing() {
        assertThat(links.sessionOf(new ConversationRef("console", "console"))).contains("animacoop-7");
    }

    private static String replies(JsonNode line) {
        StringBuilder text = new StringBuilder();
        line.get("replies").forEach(r -> text.append(r.asString()).append('\n'));
        return text.toString();
    }
}
