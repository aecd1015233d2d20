package org.animfr.animabot.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandRegistry;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.FakeChatPlatform;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    private static String status(LiveCatalog catalog, Language language) {
        FakeChatPlatform platform = new FakeChatPlatform("discord");
        StatusCommand command = new StatusCommand(BotFixture.MESSAGES, catalog, new ChatPlatforms(List.of(platform)));
        IncomingMessage message = new IncomingMessage(
                new MessageRef(new ConversationRef("discord", "salon"), "m1", null),
                new Person(new PersonRef("discord", "camille"), "Camille"), "admin etat", false, true, Instant.now());
        Asked asked = new Asked(message, language, true, ZonedDateTime.now(), new CommandRegistry(List.of(command)));
        List<Reply> replies = command.execute(new Invocation(StatusCommand.SPEC, Map.of()), asked)
                .toCompletableFuture().join();
        return BotFixture.text(replies);
    }

    @Test
    void theProblemsFoundAtStartUpAreShownWithTheirFileAndLineInThePersonsLanguage() {
        LiveCatalog catalog = new LiveCatalog(() -> List.of(new FileReading.Rejected("sessions.yaml", List.of(
                DataProblem.of("sessions.yaml", 12, "data.problem.bad-weekday", "lundo")))));
        catalog.reload();

        String french = status(catalog, Language.FR);

        assertThat(french).contains("Un problème").contains("aucune session")
                .contains("sessions.yaml").contains("12").contains("lundo")
                .contains("discord : arrêtée");
        assertThat(status(catalog, Language.EN)).contains("One problem").contains("no session")
                .contains("discord: stopped");
    }

    @Test
    void dataReadCleanlyIsCounted() {
        LiveCatalog catalog = new LiveCatalog(() -> List.of());
        catalog.reload();

        assertThat(status(catalog, Language.FR))
                .contains("Données en service : aucune session, aucune question fréquente.");
    }
}
