package org.animfr.animabot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.Test;

class BotCommandsTest {
    private final BotFixture fixture = new BotFixture();

    @Test
    void helpListsTheCommandsInFrench() {
        String reply = fixture.ask("aide");

        assertThat(reply).contains("sessions", "regroupements [session]", "semaine [N] [session]", "langue fr|en")
                .doesNotContain("admin relier");
    }

    @Test
    void helpShowsAdminCommandsToOrganizersOnly() {
        assertThat(fixture.say("organizer", "salon", "aide")).contains("admin relier <session>");
    }

    @Test
    void englishAliasAnswersInEnglish() {
        assertThat(fixture.ask("/help")).contains("Commands", "gatherings [session]");
    }

    @Test
    void sessionsListsCurrentAndUpcoming() {
        String reply = fixture.ask("sessions");

        assertThat(reply).contains("Animacoop 7", "Animacoop 8", "En cours : semaine 6 sur 13",
                "Du lundi 1er octobre 2012 au vendredi 28 décembre 2012");
    }

    @Test
    void sessionByNameGivesItsDetails() {
        String reply = fixture.ask("session animacoop 8");

        assertThat(reply).contains("Animacoop 8", "Normandie", "Claire Dubois", "Commence dans 119 jours",
                "https://animacoop.example.org/inscription-8");
    }

    @Test
    void unknownSessionListsTheKnownOnes() {
        String reply = fixture.ask("session animacoop 12");

        assertThat(reply).contains("Je ne connais pas de session « animacoop 12 »", "animacoop-7", "animacoop-8");
    }

    @Test
    void gatheringsMarkTheNextOne() {
        String reply = fixture.ask("regroupements");

        assertThat(reply).contains("Animacoop 7 — les 3 regroupements",
                "Lancement : jeudi 4 octobre 2012 à 9 h 30, Maison des associations, Brest (passé)",
                "jeudi 15 novembre 2012 à 9 h 30, Tiers-lieu La Coop, Montpellier",
                "Clôture : jeudi 20 décembre 2012 à 14 h");
    }

    @Test
    void weekWithoutNumberIsTheCurrentWeek() {
        String reply = fixture.ask("semaine");

        assertThat(reply).contains("semaine 6 sur 13", "Cartographier les acteurs de son projet", "Consigne");
    }

    @Test
    void weekNumberGivesThatTheme() {
        assertThat(fixture.ask("semaine 3")).contains("semaine 3", "Animer une liste de discussion");
    }

    @Test
    void weekOutOfRangeExplainsTheRange() {
        assertThat(fixture.ask("semaine 14")).contains("Il n’y a pas de semaine 14", "13 semaines (de 1 à 13)");
        assertThat(fixture.ask("semaine 0")).contains("Il n’y a pas de semaine 0");
    }

    @Test
    void weekNumberThatIsNotANumberIsExplained() {
        assertThat(fixture.ask("/semaine -2")).contains("« -2 » n’est pas un numéro de semaine");
    }

    @Test
    void registrationSpeaksOfTheNextSession() {
        assertThat(fixture.ask("inscription")).contains("Animacoop 8", "https://animacoop.example.org/inscription-8");
    }

    @Test
    void unknownCommandSuggestsTheClosest() {
        assertThat(fixture.ask("/sesions")).contains("Vouliez-vous dire « sessions » ?");
        assertThat(fixture.ask("/regroupemnts")).contains("« regroupements »");
    }

    @Test
    void unknownCommandWithNothingCloseSuggestsHelp() {
        assertThat(fixture.ask("/xyzzy")).contains("Je ne connais pas la commande « xyzzy »", "aide");
    }

    @Test
    void emptyMessageGetsAHint() {
        assertThat(fixture.ask("   ")).contains("Je n’ai rien reçu");
    }

    @Test
    void tooLongMessageIsPolitelyRefused() {
        assertThat(fixture.ask("a".repeat(10_001))).contains("trop long", "10");
    }

    @Test
    void languageChoiceIsRememberedForThePerson() {
        assertThat(fixture.ask("langue en")).contains("English");

        assertThat(fixture.ask("semaine 3")).contains("week 3", "Animer une liste de discussion");
        assertThat(fixture.say("someone-else", "salon", "semaine 3")).contains("semaine 3");
    }

    @Test
    void badLanguageIsExplainedAndNothingChanges() {
        assertThat(fixture.ask("langue klingon")).contains("« langue fr »");
        assertThat(fixture.ask("semaine 3")).contains("semaine 3");
    }

    @Test
    void nonOrganizerIsRefusedAndNothingChanges() {
        String reply = fixture.ask("admin relier animacoop-8");

        assertThat(reply).contains("réservée aux organisateurs");
        assertThat(fixture.links.sessionOf(new ConversationRef("test", "salon"))).isEmpty();
    }

    @Test
    void aRefusalSaysHowToBecomeAnOrganizerWithThePersonsOwnId() {
        String reply = fixture.ask("admin recharger");

        assertThat(reply).contains("Pour en devenir un").contains("animabot.organizers").contains("test:learner");
    }

    @Test
    void platformOrganizerMayUseAdminCommands() {
        fixture.platform.say("moderator", "salon", "admin relier animacoop-8", true);

        assertThat(fixture.links.sessionOf(new ConversationRef("test", "salon"))).contains("animacoop-8");
    }

    @Test
    void linkedRoomAnswersAboutItsSession() {
        assertThat(fixture.say("organizer", "salon", "admin relier animacoop 8")).contains("relié à Animacoop 8");

        assertThat(fixture.ask("regroupements")).contains("Café des images, Caen");
        assertThat(fixture.ask("session")).contains("Normandie");
    }

    @Test
    void linkingToAnUnknownSessionChangesNothing() {
        assertThat(fixture.say("organizer", "salon", "admin relier animacoop-99")).contains("animacoop-7");
        assertThat(fixture.links.sessionOf(new ConversationRef("test", "salon"))).isEmpty();
    }

    @Test
    void unlinkRemovesTheLink() {
        fixture.say("organizer", "salon", "admin relier animacoop-8");

        assertThat(fixture.say("organizer", "salon", "admin delier")).contains("n’est plus relié");
        assertThat(fixture.say("organizer", "salon", "admin delier")).contains("n’était relié");
    }

    @Test
    void announcementGoesToEveryLinkedRoomOnEveryPlatform() {
        fixture.say("organizer", "salon", "admin relier animacoop-7");
        fixture.links.link(new ConversationRef("other", "room-b"), "animacoop-7");
        fixture.links.link(new ConversationRef("test", "ailleurs"), "animacoop-8");

        String reply = fixture.say("organizer", "salon", "admin annonce Le regroupement est déplacé à 10 h !");

        assertThat(reply).contains("Annonce envoyée dans 2 salons de Animacoop 7");
        assertThat(fixture.platform.posts()).singleElement()
                .satisfies(p -> assertThat(p.text()).contains("Annonce — Animacoop 7", "déplacé à 10 h"));
        assertThat(fixture.other.posts()).extracting(FakeSent::target).containsExactly("room-b");
    }

    @Test
    void announcementReportsRoomsThatFailed() {
        fixture.say("organizer", "salon", "admin relier animacoop-7");
        fixture.links.link(new ConversationRef("other", "room-b"), "animacoop-7");
        fixture.other.failing("room-b");

        String reply = fixture.say("organizer", "salon", "admin annonce Bonjour à toutes et tous");

        assertThat(reply).contains("1 salon sur 2", "other:room-b");
    }

    @Test
    void announcementFromAnUnlinkedRoomIsExplained() {
        assertThat(fixture.say("organizer", "salon", "admin annonce test")).contains("Reliez d’abord ce salon");
        assertThat(fixture.platform.posts()).isEmpty();
    }

    @Test
    void reloadReportsTheCatalog() {
        assertThat(fixture.say("organizer", "salon", "admin recharger")).contains("Données rechargées : 2 sessions");
    }

    @Test
    void reloadCountsInTheSingularForOneSessionAndOneQuestion() {
        Catalog catalog = TestCatalogs.catalog();
        fixture.reloadWith(new Catalog(catalog.network(), List.of(TestCatalogs.animacoop7()),
                List.of(catalog.faq().get(0))));

        assertThat(fixture.say("organizer", "salon", "admin recharger"))
                .contains("Données rechargées : 1 session, 1 question fréquente.");
        assertThat(fixture.say("organizer", "salon", "admin reload"))
                .contains("Data reloaded: 1 session, 1 FAQ entry.");
    }

    @Test
    void unknownAdminSubCommandSuggestsTheClosest() {
        assertThat(fixture.say("organizer", "salon", "admin relie animacoop-7")).contains("« admin relier »");
    }

    private interface FakeSent {
        static String target(org.animfr.animabot.core.testing.FakeChatPlatform.Sent sent) {
            return sent.target();
        }
    }
}
