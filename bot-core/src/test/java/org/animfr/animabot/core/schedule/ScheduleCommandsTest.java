package org.animfr.animabot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Network;
import org.animfr.animabot.core.session.PostTimes;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.FakeChatPlatform;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code planning}, {@code admin pause}/{@code reprise}, {@code admin apercu} and {@code rappels}, as people type
 * them; every mistake gets a clear answer and changes nothing. Monday 5 November 2012, 10:00, Paris.
 */
class ScheduleCommandsTest {
    private static final ConversationRef SALON = new ConversationRef("test", "salon");

    private final BotFixture fixture = new BotFixture();

    @BeforeEach
    void linkTheRoom() {
        fixture.say("organizer", "salon", "admin relier animacoop-7");
        fixture.core.automaticPosts().replan();
        fixture.runUntil(fixture.clock.instant());
        fixture.platform.clearSent();
    }

    private String organizer(String text) {
        return fixture.say("organizer", "salon", text);
    }

    @Test
    void planningListsTheNextPostsWithLocalDatesAndTimes() {
        String reply = fixture.ask("planning");

        assertThat(reply).contains("Prochains envois automatiques dans ce salon (Animacoop 7)",
                "jeudi 8 novembre 2012 à 18 h — rappel du regroupement du jeudi 15 novembre 2012 à 9 h 30",
                "lundi 12 novembre 2012 à 9 h — consigne de la semaine 7 (Licences libres et biens communs)",
                "mercredi 14 novembre 2012 à 18 h — rappel du regroupement")
                .doesNotContain("semaine 6");
    }

    @Test
    void planningInEnglishWithTheEnglishName() {
        assertThat(fixture.ask("schedule")).contains("Next automatic posts in this room (Animacoop 7)",
                "Monday 12 November 2012 at 9 AM — prompt of week 7");
    }

    @Test
    void planningInARoomWithoutSessionSaysHowToLinkIt() {
        assertThat(fixture.say("learner", "ailleurs", "planning")).contains("n’est relié à aucune session",
                "admin relier");
    }

    @Test
    void anOrganizerPausesUntilADateTypedInEveryCommonWay() {
        for (String typed : List.of("admin pause jusqu'au 20/11", "admin pause jusqu’au 20 novembre",
                "admin pause jusqu'au 2012-11-20", "admin pause jusqu au 20/11/2012", "admin pause 20 nov",
                "/admin pause until November 20")) {
            assertThat(organizer(typed)).as(typed).contains("jusqu’au mardi 20 novembre 2012 inclus");
            assertThat(fixture.pauses.pauseOf(SALON)).as(typed)
                    .contains(new RoomPauses.Pause(LocalDate.of(2012, 11, 20)));
        }
        assertThat(fixture.ask("planning")).contains("en pause jusqu’au mardi 20 novembre 2012 inclus");
    }

    @Test
    void aPauseWithoutDateLastsUntilResumed() {
        assertThat(organizer("admin pause")).contains("jusqu’à « admin reprise »");

        fixture.runUntil(ZonedDateTime.of(2012, 11, 20, 9, 0, 0, 0, ZoneId.of("Europe/Paris")).toInstant());
        assertThat(fixture.platform.posts()).isEmpty();

        assertThat(organizer("admin reprise")).contains("reprennent");
        fixture.runUntil(ZonedDateTime.of(2012, 11, 26, 9, 0, 0, 0, ZoneId.of("Europe/Paris")).toInstant());
        assertThat(fixture.platform.posts()).singleElement()
                .satisfies(p -> assertThat(p.text()).contains("semaine 9"));
    }

    @Test
    void aDateTheBotCannotReadOrAPastDateChangesNothing() {
        assertThat(organizer("admin pause jusqu'au bientôt")).contains("Je ne comprends pas la date « bientot »",
                "rien n’a changé");
        assertThat(organizer("admin pause jusqu'au 31/02")).contains("Je ne comprends pas la date");
        assertThat(organizer("admin pause jusqu'au 2012-11-01")).contains("jeudi 1er novembre 2012 est déjà passé");
        assertThat(fixture.pauses.pauseOf(SALON)).isEmpty();
    }

    @Test
    void resumingARoomThatWasNotPausedSaysSo() {
        assertThat(organizer("admin reprise")).contains("n’étaient pas en pause");
    }

    @Test
    void aLearnerCannotPauseARoom() {
        assertThat(fixture.ask("admin pause")).contains("réservée aux organisateurs");
        assertThat(fixture.pauses.pauseOf(SALON)).isEmpty();
    }

    @Test
    void thePreviewShowsThePostExactlyAsItWillBeSentWithWhenAndWhere() {
        List<FakeChatPlatform.Sent> before = fixture.platform.sent();
        String preview = organizer("admin apercu semaine 7");

        assertThat(preview).contains("Aperçu de la consigne de la semaine 7 de Animacoop 7, publiée le lundi 12 "
                        + "novembre 2012 à 9 h dans 1 salon",
                "Animacoop 7, semaine 7 : Licences libres et biens communs", "Consigne : Consigne de la semaine 7");
        fixture.runUntil(ZonedDateTime.of(2012, 11, 12, 9, 0, 0, 0, ZoneId.of("Europe/Paris")).toInstant());
        String sent = fixture.platform.posts().stream().filter(p -> p.text().contains("semaine 7")).findFirst()
                .orElseThrow().text();
        assertThat(preview).contains(sent);
        assertThat(fixture.platform.sent().subList(0, before.size())).isEqualTo(before);
    }

    @Test
    void thePreviewAnswersInTheOrganizersLanguageAndShowsThePostInTheNetworks() {
        organizer("langue en");

        assertThat(organizer("admin preview week 7")).contains("Preview of the prompt of week 7 of Animacoop 7",
                "Animacoop 7, semaine 7 : Licences libres");
    }

    @Test
    void thePreviewOfAWeekOutOfRangeWithoutPromptOrQuietIsExplained() {
        Session seven = TestCatalogs.animacoop7();
        Session quiet = new Session(seven.id(), seven.name(), seven.territory(), seven.start(), seven.end(),
                seven.hours(), seven.registration(), seven.facilitators(), seven.description(), seven.gatherings(),
                seven.weeks().stream().filter(w -> w.number() != 9).toList(),
                new PostTimes.Overrides(null, null, null, null, null, null, List.of(8)));
        fixture.reloadWith(new Catalog(Network.DEFAULT, List.of(quiet, TestCatalogs.animacoop8()), List.of()));

        assertThat(organizer("admin apercu semaine 14")).contains("Il n’y a pas de semaine 14");
        assertThat(organizer("admin apercu semaine 9")).contains("n’a pas de consigne");
        assertThat(organizer("admin apercu semaine 8")).contains("semaine sans envoi");
        assertThat(organizer("admin apercu")).contains("Précisez la semaine");
        assertThat(organizer("admin apercu semaine 3 animacoop-99")).contains("Je ne connais pas de session");
    }

    @Test
    void aLearnerAsksForRemindersAndStopsThem() {
        PersonRef lea = new PersonRef("test", "lea");

        assertThat(fixture.say("lea", "salon", "rappels oui")).contains("vous recevrez aussi en message privé",
                "Animacoop 7");
        assertThat(fixture.reminders.subscribersOf("animacoop-7")).containsExactly(lea);
        assertThat(fixture.say("lea", "salon", "planning")).contains("Vous recevez aussi les rappels de Animacoop 7");

        assertThat(fixture.say("lea", "salon", "rappels non")).contains("plus de rappels en message privé");
        assertThat(fixture.reminders.sessionsOf(lea)).isEmpty();
        assertThat(fixture.say("lea", "salon", "rappels non")).contains("ne receviez pas");
    }

    @Test
    void aLearnerNamesTheSessionInADirectChatAndInEnglish() {
        assertThat(fixture.say("sam", "direct-sam", "reminders on animacoop-8"))
                .contains("you will also get the reminders of Animacoop 8");
        assertThat(fixture.reminders.sessionsOf(new PersonRef("test", "sam"))).containsExactly("animacoop-8");
    }

    @Test
    void aMistypedReminderChoiceOrSessionChangesNothing() {
        assertThat(fixture.say("lea", "salon", "/rappels peut-être")).contains("Précisez « rappels oui »");
        assertThat(fixture.say("lea", "salon", "rappels oui animacoop-99")).contains("Je ne connais pas de session");
        assertThat(fixture.reminders.sessionsOf(new PersonRef("test", "lea"))).isEmpty();
    }

    @Test
    void helpListsTheNewCommands() {
        assertThat(fixture.ask("aide")).contains("planning — les prochains envois automatiques de ce salon",
                "rappels oui|non [session]");
        assertThat(organizer("aide")).contains("admin pause [jusqu’au <date>]", "admin reprise",
                "admin apercu semaine <N> [session]");
    }
}
