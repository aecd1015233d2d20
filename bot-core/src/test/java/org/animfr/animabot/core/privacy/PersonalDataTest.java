package org.animfr.animabot.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.FakeChatPlatform;
import org.junit.jupiter.api.Test;

class PersonalDataTest {
    private final BotFixture fixture = new BotFixture();
    private final FakeChatPlatform platform = fixture.platform;

    private String direct(String person, String text) {
        return BotFixture.text(platform.sayDirectly(person, text));
    }

    private void introduceAnaAndBea() {
        direct("ana", "projet Un jardin partagé avec compost collectif au pied des immeubles.");
        direct("ana", "presentations oui");
        direct("ana", "langue en");
        direct("ana", "reminders on animacoop-7");
        direct("bea", "projet Jardin partagé et compost de quartier avec les habitants.");
        direct("bea", "presentations oui");
        fixture.say("organizer", "salon", "admin presentations reseau");
    }

    @Test
    void myDataListsEverythingAndAttachesItAsJson() {
        introduceAnaAndBea();

        List<Reply> replies = platform.sayDirectly("ana", "my data");

        assertThat(BotFixture.text(replies)).contains("Project: “Un jardin partagé")
                .contains("chosen language en").contains("Animacoop 7").contains("Introductions: 1");
        assertThat(replies.get(0).attachment()).isNotNull().satisfies(file -> {
            assertThat(file.mediaType()).isEqualTo("application/json");
            assertThat(file.content()).contains("\"project\": \"Un jardin partagé")
                    .contains("\"language\": \"en\"").contains("\"remindersBySessions\": [\n")
                    .contains("\"round\": \"round/network/");
        });
    }

    @Test
    void someoneTheBotKnowsNothingAboutIsToldSo() {
        assertThat(direct("zoe", "mes données")).contains("Je ne garde rien sur vous");
    }

    @Test
    void forgetMeAsksForConfirmationWithAButtonAndErasesNothingMeanwhile() {
        introduceAnaAndBea();

        List<Reply> asked = platform.sayDirectly("ana", "forget me");

        assertThat(BotFixture.text(asked)).contains("cannot be undone").contains("forget-me confirm");
        assertThat(asked.get(0).followUps()).singleElement()
                .satisfies(button -> assertThat(button.call().arguments()).containsEntry("confirm", "confirm"));
        assertThat(fixture.learners.find(new PersonRef("test", "ana"))).isPresent();
    }

    @Test
    void forgetMeConfirmedErasesEverythingOnEveryLinkedAccountAndTheMessagesThatNamedThem() {
        introduceAnaAndBea();
        String code = direct("ana", "link-account").replaceAll("(?s).*Your code: (\\w+).*", "$1");
        fixture.other.sayDirectly("ana-matrix", "link-account " + code);
        fixture.languages.choose(new PersonRef("other", "ana-matrix"), org.animfr.animabot.core.i18n.Language.FR);

        String done = direct("ana", "oublie-moi confirmer");

        assertThat(done).contains("erased everything");
        assertThat(fixture.learners.find(new PersonRef("test", "ana"))).isEmpty();
        assertThat(fixture.learners.find(new PersonRef("other", "ana-matrix"))).isEmpty();
        assertThat(fixture.languages.languageOf(new PersonRef("test", "ana"))).isEmpty();
        assertThat(fixture.languages.languageOf(new PersonRef("other", "ana-matrix"))).isEmpty();
        assertThat(fixture.reminders.sessionsOf(new PersonRef("test", "ana"))).isEmpty();
        assertThat(fixture.outbox.posts()).noneMatch(p -> p.message().toPlainText().contains("ana"));
        assertThat(fixture.introductions.pairs()).isEmpty();
        assertThat(direct("ana", "mes données")).contains("Je ne garde rien sur vous");
    }

    @Test
    void afterBeingForgottenNobodyGetsAFollowUpAboutThem() {
        introduceAnaAndBea();
        direct("ana", "oublie-moi confirmer");
        platform.clearSent();

        fixture.runUntil(fixture.clock.instant().plus(Duration.ofDays(8)));

        assertThat(platform.directs()).isEmpty();
    }
}
