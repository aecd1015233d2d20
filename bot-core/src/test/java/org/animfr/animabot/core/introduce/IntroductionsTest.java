package org.animfr.animabot.core.introduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.FakeChatPlatform;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.IntroductionTimes;
import org.animfr.animabot.core.session.PostTimes;
import org.animfr.animabot.core.session.Session;
import org.junit.jupiter.api.Test;

class IntroductionsTest {
    private static final Map<String, String> PROJECTS = Map.of(
            "ana", "Nous créons un jardin partagé au pied des immeubles avec un composteur collectif.",
            "bea", "Un jardin partagé et un compost de quartier animés par les habitants et l’école.",
            "carl", "Une web radio associative où les jeunes du quartier réalisent leurs émissions.",
            "dina", "Lancer une web radio avec la maison de quartier : émissions, podcasts, reportages.",
            "eve", "Une cartographie participative des lieux de réparation de la ville, sur OpenStreetMap.");
    private final BotFixture fixture = new BotFixture();
    private final FakeChatPlatform platform = fixture.platform;

    private String direct(String person, String text) {
        return BotFixture.text(platform.sayDirectly(person, text));
    }

    private void optIn(String... people) {
        for (String person : people) {
            direct(person, "projet " + PROJECTS.get(person));
            direct(person, "presentations oui");
        }
    }

    private String organizer(String text) {
        return fixture.say("organizer", "salon", text);
    }

    @Test
    void thePreviewGroupsSimilarProjectsAndSendsNothing() {
        optIn("ana", "bea", "carl", "dina");
        platform.clearSent();

        String preview = organizer("admin presentations apercu reseau");

        assertThat(preview).contains("2 groupes").contains("rien n’est envoyé")
                .containsAnyOf("ana + bea", "bea + ana").containsAnyOf("carl + dina", "dina + carl")
                .contains("jardin");
        assertThat(platform.directs()).isEmpty();
        assertThat(fixture.introductions.pairs()).isEmpty();
    }

    @Test
    void aRoundSendsEachMemberADirectMessageWithWhoAndWhyAndAFirstQuestion() {
        optIn("ana", "bea", "carl", "dina");
        platform.clearSent();

        String done = organizer("admin presentations reseau");

        assertThat(done).contains("2 groupes").contains("4 personnes");
        assertThat(platform.directsTo("ana")).singleElement().satisfies(dm -> {
            assertThat(dm.text()).contains("bea").contains("vous partagez").contains("jardin")
                    .contains("Pour commencer").contains("test : bea");
            assertThat(dm.key()).startsWith("intro/round/network/");
        });
        assertThat(platform.directsTo("carl")).singleElement()
                .satisfies(dm -> assertThat(dm.text()).contains("dina").contains("radio"));
    }

    @Test
    void nobodyWhoDidNotSayYesIsIntroducedOrSuggested() {
        optIn("ana", "carl");
        direct("bea", "projet " + PROJECTS.get("bea"));
        direct("dina", "projet " + PROJECTS.get("dina"));
        direct("dina", "presentations oui");
        direct("dina", "presentations pause 31/12/2012");

        String preview = organizer("admin presentations apercu reseau");
        String similar = direct("ana", "similaires");

        assertThat(preview).doesNotContain("bea").doesNotContain("dina");
        assertThat(similar).doesNotContain("bea").doesNotContain("dina");
    }

    @Test
    void aPairIsNeverIntroducedTwice() {
        optIn("ana", "bea");
        organizer("admin presentations reseau");
        fixture.clock.advance(Duration.ofMinutes(5));
        platform.clearSent();

        String again = organizer("admin presentations reseau");

        assertThat(again).contains("déjà toutes été présentées");
        assertThat(platform.directs()).isEmpty();
    }

    @Test
    void anOddCountMakesOneGroupOfThreeAndNobodyIsLeftOut() {
        optIn("ana", "bea", "carl", "dina", "eve");

        String done = organizer("admin presentations reseau");

        assertThat(done).contains("2 groupes").contains("5 personnes");
        assertThat(platform.directs()).hasSize(5);
        assertThat(platform.directs().stream().filter(dm -> dm.text().contains("voici 2 personnes"))).hasSize(3);
    }

    @Test
    void roundsWithNobodyOrOnePersonSayWhy() {
        assertThat(organizer("admin presentations apercu reseau")).contains("personne n’a accepté");
        optIn("ana");
        assertThat(organizer("admin presentations reseau")).contains("une seule personne");
        assertThat(platform.directsTo("ana")).isEmpty();
    }

    @Test
    void aRoundForASessionTakesOnlyItsLearners() {
        fixture.say("organizer", "salon", "admin relier animacoop-7");
        platform.say("ana", "salon", "projet " + PROJECTS.get("ana"));
        direct("ana", "presentations oui");
        platform.say("bea", "salon", "projet " + PROJECTS.get("bea"));
        direct("bea", "presentations oui");
        optIn("carl", "dina");

        String preview = organizer("admin presentations apercu");

        assertThat(preview).contains("Animacoop 7").contains("un groupe").doesNotContain("carl");
    }

    @Test
    void theFollowUpComesAWeekLaterWithButtonsAndTheAnswersAreCounted() {
        optIn("ana", "bea");
        organizer("admin presentations reseau");
        platform.clearSent();

        fixture.runUntil(fixture.clock.instant().plus(Duration.ofDays(7)).plusSeconds(1));

        assertThat(platform.directsTo("ana")).singleElement().satisfies(dm -> {
            assertThat(dm.text()).contains("Avez-vous pu échanger").contains("bea");
            assertThat(dm.reply().followUps()).extracting(Reply.FollowUp::typed)
                    .containsExactly("echange oui", "echange pas-encore", "echange non");
        });
        direct("ana", "echange oui");
        direct("bea", "echange pas encore");
        assertThat(organizer("admin presentations bilan")).contains("2 au total").contains("ont échangé : 1")
                .contains("pas encore : 1").contains("sans réponse : 0");
    }

    @Test
    void answeringWithoutAnIntroductionOrWithAnUnknownWordIsExplained() {
        assertThat(direct("ana", "echange oui")).contains("encore présenté à personne");
        assertThat(direct("ana", "echange peut-être")).contains("echange oui");
    }

    @Test
    void similarShowsUpToThreeConsentingPeopleWithSharedTermsPrivately() {
        optIn("ana", "bea", "carl", "dina", "eve");

        String mine = direct("ana", "similaires");
        String topic = direct("carl", "similaires web radio");

        assertThat(mine).contains("bea").contains("vous partagez").contains("jardin");
        assertThat(topic).contains("dina").doesNotContain("ana");
    }

    @Test
    void whoWorksOnAQuestionIsAnsweredWithPeople() {
        optIn("ana", "bea", "carl");

        List<Reply> inRoom = platform.say("carl", "salon", "Qui travaille sur les jardins partagés ?");

        assertThat(BotFixture.text(inRoom)).contains("message privé");
        assertThat(platform.directsTo("carl")).singleElement()
                .satisfies(dm -> assertThat(dm.text()).contains("ana").contains("bea"));
    }

    @Test
    void whoWorksOnInEnglishIsAnsweredInEnglish() {
        optIn("ana", "bea", "carl");

        String answer = direct("carl", "Who else works on shared gardens?");

        assertThat(answer).contains("work on").contains("ana");
    }

    @Test
    void similarAsksForConsentFirst() {
        direct("zoe", "projet Une ressourcerie solidaire dans le quartier.");

        assertThat(direct("zoe", "similaires")).contains("presentations oui");
    }

    @Test
    void organizersOnlyMayRunRounds() {
        optIn("ana", "bea");

        platform.say("ana", "salon", "admin presentations reseau");

        assertThat(fixture.introductions.pairs()).isEmpty();
    }

    @Test
    void aRoundInterruptedAfterItWasRecordedIsFinishedByItsTimerWithoutDoubles() {
        optIn("ana", "bea", "carl", "dina");
        IntroductionRounds rounds = fixture.core.introductionRounds();
        String key = rounds.roundKey(IntroductionRounds.Scope.network());
        rounds.run(IntroductionRounds.Scope.network(), key).toCompletableFuture().join();
        int first = platform.directs().size();

        rounds.resume(key);
        rounds.run(IntroductionRounds.Scope.network(), key).toCompletableFuture().join();

        assertThat(first).isEqualTo(4);
        assertThat(platform.directs()).hasSize(4);
        assertThat(fixture.learners.find(new PersonRef("test", "ana"))).isPresent();
    }

    @Test
    void roundsOnScheduleRunForTheSessionAtTheirLocalTimeAndNeverRepeatAPair() {
        Session seven = TestCatalogs.animacoop7();
        Session scheduled = new Session(seven.id(), seven.name(), seven.territory(), seven.start(), seven.end(),
                seven.hours(), seven.registration(), seven.facilitators(), seven.description(), seven.gatherings(),
                seven.weeks(), new PostTimes.Overrides(null, null, null, null, null, null, List.of(),
                        new IntroductionTimes(2, DayOfWeek.TUESDAY, LocalTime.of(12, 0))));
        Catalog catalog = TestCatalogs.catalog();
        fixture.reloadWith(new Catalog(catalog.network(), List.of(scheduled, TestCatalogs.animacoop8()),
                catalog.faq()));
        optIn("ana", "bea", "carl");
        direct("ana", "promo animacoop-7");
        direct("bea", "promo animacoop-7");
        direct("carl", "promo animacoop-8");
        platform.clearSent();

        List<String> fired = fixture.runUntil(OffsetDateTime.parse("2012-11-13T12:00:01+01:00").toInstant());

        assertThat(fired).contains("intro-schedule/animacoop-7/2012-11-13");
        assertThat(platform.directsTo("ana")).singleElement()
                .satisfies(dm -> assertThat(dm.text()).contains("bea").contains("Licences libres et biens communs"));
        assertThat(platform.directsTo("carl")).isEmpty();

        platform.clearSent();
        fixture.runUntil(OffsetDateTime.parse("2012-11-27T12:00:01+01:00").toInstant());

        assertThat(platform.directs()).noneMatch(dm -> dm.key().startsWith("intro/"));
    }
}
