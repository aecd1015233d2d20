package org.animfr.animabot.core.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.FakeChatPlatform;
import org.junit.jupiter.api.Test;

class ProfileCommandsTest {
    private static final String GARDEN = "Je monte un jardin partagé dans mon quartier avec le centre social : "
            + "compost collectif, ateliers de semis et troc de graines.";
    private final BotFixture fixture = new BotFixture();
    private final FakeChatPlatform platform = fixture.platform;

    private String direct(String person, String text) {
        return BotFixture.text(platform.sayDirectly(person, text));
    }

    private Profile profileOf(String person) {
        return fixture.learners.find(new PersonRef("test", person)).orElseThrow().profile();
    }

    @Test
    void aProjectTypedInDirectIsSavedAndConfirmedThere() {
        String answer = direct("ana", "projet " + GARDEN);

        assertThat(answer).contains("projet est enregistré").contains("presentations oui");
        assertThat(profileOf("ana").project()).isEqualTo(GARDEN);
        assertThat(profileOf("ana").introductions()).isFalse();
    }

    @Test
    void aLongDescriptionWithAQuestionMarkIsStillAProject() {
        String text = "projet Comment faire vivre une web radio associative dans un quartier ? Nous formons des jeunes "
                + "à l’animation d’émissions et au montage, avec la médiathèque.";

        direct("ana", text);

        assertThat(profileOf("ana").project()).startsWith("Comment faire vivre une web radio");
    }

    @Test
    void aShortQuestionStartingWithProjectIsAQuestionAndChangesNothing() {
        direct("ana", "projet " + GARDEN);

        direct("ana", "projet collectif c’est obligatoire ?");

        assertThat(profileOf("ana").project()).isEqualTo(GARDEN);
    }

    @Test
    void aProjectTypedInARoomIsAnsweredByDirectMessageAndTheRoomSeesNoProject() {
        List<Reply> inRoom = platform.say("ana", "salon", "projet " + GARDEN);

        assertThat(BotFixture.text(inRoom)).contains("message privé").doesNotContain("jardin");
        assertThat(inRoom).allMatch(r -> r.visibility() == Reply.Visibility.PERSONAL);
        assertThat(platform.directsTo("ana")).singleElement()
                .satisfies(dm -> assertThat(dm.text()).contains("projet est enregistré"));
    }

    @Test
    void aSlashCommandIsAnsweredInPlaceForTheAskerOnly() {
        List<Reply> replies = platform.use("ana", "salon", new CommandCall("project", java.util.Map.of(
                "description", GARDEN)), Locale.FRENCH);

        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.visibility()).isEqualTo(Reply.Visibility.PERSONAL);
            assertThat(r.toPlainText()).contains("projet est enregistré");
        });
        assertThat(platform.directs()).isEmpty();
    }

    @Test
    void aDescriptionOverAThousandCharactersIsRefusedAndTheOldOneKept() {
        direct("ana", "projet " + GARDEN);

        String answer = direct("ana", "projet " + "jardin ".repeat(714));

        assertThat(answer).contains("997 caractères").contains("000 au plus").contains("Rien n’a été changé");
        assertThat(profileOf("ana").project()).isEqualTo(GARDEN);
    }

    @Test
    void exactlyAThousandCharactersAreKept() {
        String thousand = "é".repeat(1000);

        direct("ana", "projet " + thousand);

        assertThat(profileOf("ana").project()).hasSize(1000);
    }

    @Test
    void projectAloneShowsTheSavedOneOrExplainsHowToWriteIt() {
        assertThat(direct("ana", "projet")).contains("pas encore décrit votre projet");

        direct("ana", "projet " + GARDEN);

        assertThat(direct("ana", "projet")).contains(GARDEN);
    }

    @Test
    void aProjectSetInALinkedRoomBelongsToThatSession() {
        fixture.say("organizer", "salon", "admin relier animacoop-7");

        platform.say("ana", "salon", "projet " + GARDEN);

        assertThat(profileOf("ana").sessionId()).isEqualTo("animacoop-7");
    }

    @Test
    void keywordsAreSplitOnCommasDeduplicatedAndCleared() {
        direct("ana", "mots-clés jardin partagé, Compost ; compost, quartier");
        assertThat(profileOf("ana").keywords()).containsExactly("jardin partagé", "Compost", "quartier");

        direct("ana", "mots-cles aucun");
        assertThat(profileOf("ana").keywords()).isEmpty();
    }

    @Test
    void elevenKeywordsAreRefused() {
        String answer = direct("ana", "mots-cles a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11");

        assertThat(answer).contains("11 mots-clés").contains("Rien n’a été changé");
        assertThat(fixture.learners.find(new PersonRef("test", "ana"))).isEmpty();
    }

    @Test
    void territoryAndCohortAreSavedAndAnUnknownSessionIsExplained() {
        direct("ana", "territoire Pays de Brest");
        direct("ana", "promo animacoop 8");
        String unknown = direct("ana", "promo animacoop 99");

        assertThat(profileOf("ana").territory()).isEqualTo("Pays de Brest");
        assertThat(profileOf("ana").sessionId()).isEqualTo("animacoop-8");
        assertThat(unknown).containsIgnoringCase("animacoop 99");
    }

    @Test
    void consentIsOffUntilYesAndCanBePausedUntilADate() {
        direct("ana", "projet " + GARDEN);
        assertThat(profileOf("ana").introductions()).isFalse();

        assertThat(direct("ana", "presentations oui")).contains("pourrez être présenté");
        assertThat(profileOf("ana").introductions()).isTrue();

        assertThat(direct("ana", "presentations pause jusqu’au 20/12/2012")).contains("20 décembre 2012");
        assertThat(profileOf("ana").pausedUntil()).hasToString("2012-12-20");

        direct("ana", "introductions off");
        assertThat(profileOf("ana").introductions()).isFalse();
        assertThat(profileOf("ana").pausedUntil()).isNull();
    }

    @Test
    void pausingWithoutConsentOrWithABadDateChangesNothing() {
        assertThat(direct("ana", "presentations pause 20/12")).contains("rien à suspendre");
        direct("ana", "presentations oui");

        assertThat(direct("ana", "presentations pause bientôt")).contains("Jusqu’à quand");
        assertThat(direct("ana", "presentations pause 01/01/2010")).contains("déjà passé");
        assertThat(profileOf("ana").pausedUntil()).isNull();
    }

    @Test
    void myProfileShowsWhatIsStoredInTheAskersLanguage() {
        direct("ana", "project " + GARDEN);
        direct("ana", "keywords compost, seeds");

        String english = direct("ana", "my profile");
        String french = direct("ana", "mon profil");

        assertThat(english).contains("Project: “" + GARDEN).contains("Keywords: compost, seeds")
                .contains("Introductions: off");
        assertThat(french).contains("Projet : « " + GARDEN).contains("Présentations : non");
    }

    @Test
    void aCodeLinksTwoAccountsIntoOneLearnerWithOneProfile() {
        FakeChatPlatform other = fixture.other;
        direct("ana", "projet " + GARDEN);
        direct("ana", "presentations oui");
        String shown = direct("ana", "lier-compte");
        String code = shown.replaceAll("(?s).*Votre code : (\\w+).*", "$1");

        String linked = BotFixture.text(other.sayDirectly("ana-matrix", "lier compte " + code.toLowerCase()));

        assertThat(linked).contains("2 comptes ne font plus qu’un");
        Learner learner = fixture.learners.find(new PersonRef("other", "ana-matrix")).orElseThrow();
        assertThat(learner.accounts()).extracting(a -> a.ref().toString())
                .containsExactly("test:ana", "other:ana-matrix");
        assertThat(learner.profile().project()).isEqualTo(GARDEN);
        assertThat(learner.profile().introductions()).isTrue();
    }

    @Test
    void aWrongExpiredOrUsedCodeLinksNothing() {
        FakeChatPlatform other = fixture.other;
        String code = direct("ana", "lier-compte").replaceAll("(?s).*Votre code : (\\w+).*", "$1");

        assertThat(BotFixture.text(other.sayDirectly("bob", "lier-compte ZZZZZZ"))).contains("pas valable");
        fixture.clock.advance(Duration.ofMinutes(11));
        assertThat(BotFixture.text(other.sayDirectly("bob", "lier-compte " + code))).contains("pas valable");

        String fresh = direct("ana", "lier-compte").replaceAll("(?s).*Votre code : (\\w+).*", "$1");
        other.sayDirectly("bob", "lier-compte " + fresh);
        assertThat(BotFixture.text(other.sayDirectly("carl", "lier-compte " + fresh))).contains("pas valable");
        assertThat(fixture.learners.find(new PersonRef("other", "carl"))).isEmpty();
    }
}
