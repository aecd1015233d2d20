package org.animfr.animabot.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.testing.BotFixture;
import org.junit.jupiter.api.Test;

/** An organizer learns of problems in the data the next time they speak to the bot, once per reading. */
class DataProblemsNoticeTest {
    private static final DataProblem BAD_WEEKDAY = DataProblem.of("sessions.yaml", 12, "data.problem.bad-weekday",
            "lundo");
    private static final String FRENCH_PROBLEM = "sessions.yaml, ligne 12 : « lundo » n’est pas un jour de la semaine";

    private final BotFixture fixture = new BotFixture();

    private List<Reply> say(String person, String text) {
        return fixture.platform.say(person, "salon", text);
    }

    private String saidBy(String person, String text) {
        return BotFixture.text(say(person, text));
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void theOrganizersNextMessageGetsItsAnswerThenOnePrivateNoticeWithFileLineAndFixInFrench() {
        String answerAlone = saidBy("organizer", "sessions");
        fixture.reloadWithProblems(BAD_WEEKDAY);

        List<Reply> replies = say("organizer", "sessions");

        assertThat(BotFixture.text(replies)).startsWith(answerAlone);
        Reply notice = replies.get(replies.size() - 1);
        assertThat(notice.visibility()).isEqualTo(Reply.Visibility.PERSONAL);
        assertThat(notice.toPlainText()).contains("Un problème dans les données").contains(FRENCH_PROBLEM)
                .contains("lundi … dimanche").contains("« admin recharger »");
    }

    @Test
    void anOrganizerWhoChoseEnglishIsToldInEnglish() {
        say("organizer", "langue en");
        fixture.reloadWithProblems(BAD_WEEKDAY);

        assertThat(saidBy("organizer", "sessions")).contains("One problem in the data")
                .contains("sessions.yaml, line 12: “lundo” is not a weekday").contains("“admin reload”")
                .doesNotContain("ligne");
    }

    @Test
    void theSameReadingIsToldOnlyOnce() {
        fixture.reloadWithProblems(BAD_WEEKDAY);
        say("organizer", "sessions");

        assertThat(saidBy("organizer", "sessions")).doesNotContain("sessions.yaml");
        assertThat(saidBy("organizer", "c’est quand le prochain regroupement ?")).doesNotContain("sessions.yaml");
    }

    @Test
    void aNewReadingWithProblemsIsToldAgainEvenWhenItFindsTheSameOnes() {
        fixture.reloadWithProblems(BAD_WEEKDAY);
        say("organizer", "sessions");

        fixture.reloadWithProblems(BAD_WEEKDAY);

        assertThat(saidBy("organizer", "sessions")).contains(FRENCH_PROBLEM);
        assertThat(saidBy("organizer", "sessions")).doesNotContain("sessions.yaml");
    }

    @Test
    void aCleanReadingTellsNoOne() {
        fixture.reloadWithProblems(BAD_WEEKDAY);

        fixture.reloadWithProblems();

        assertThat(say("organizer", "sessions")).hasSize(say("learner", "sessions").size());
        assertThat(saidBy("organizer", "sessions")).doesNotContain("sessions.yaml").doesNotContain("problème");
    }

    @Test
    void someoneWhoIsNotAnOrganizerIsNeverTold() {
        fixture.reloadWithProblems(BAD_WEEKDAY);

        assertThat(saidBy("learner", "sessions")).doesNotContain("sessions.yaml");
        assertThat(saidBy("learner", "admin etat")).contains("réservée aux organisateurs")
                .doesNotContain("sessions.yaml");
    }

    @Test
    void eachOrganizerIsToldOnTheirOwnTurn() {
        fixture.reloadWithProblems(BAD_WEEKDAY);
        say("organizer", "sessions");

        List<Reply> byARoleHolder = fixture.platform.say("moderator", "salon", "sessions", true);

        assertThat(BotFixture.text(byARoleHolder)).contains(FRENCH_PROBLEM);
    }

    @Test
    void adminStatusShowsTheProblemsOnceAndCountsAsTelling() {
        fixture.reloadWithProblems(BAD_WEEKDAY);

        String status = saidBy("organizer", "admin etat");

        assertThat(occurrences(status, FRENCH_PROBLEM)).isOne();
        assertThat(status).doesNotContain(BotFixture.MESSAGES.get(Language.FR, "admin.notice.intro"));
        assertThat(saidBy("organizer", "sessions")).doesNotContain("sessions.yaml");
    }

    @Test
    void adminReloadShowsTheNewProblemsOnceAndCountsAsTelling() {
        fixture.reloadWithProblems(BAD_WEEKDAY);

        String reload = saidBy("organizer", "admin recharger");

        assertThat(occurrences(reload, FRENCH_PROBLEM)).isOne();
        assertThat(saidBy("organizer", "sessions")).doesNotContain("sessions.yaml");
    }
}
