package org.animfr.animabot.core.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.FaqEntry;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionAnswererTest {
    private final BotFixture fixture = new BotFixture();
    private final Catalog catalog = TestCatalogs.catalog();

    @Test
    void anEnglishQuestionIsAnsweredInEnglish() {
        String reply = fixture.ask("where is the next gathering?");

        assertThat(reply).contains("Next gathering of Animacoop 7", "Thursday 15 November 2012", "Montpellier");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            quel est le thème de la semaine 3 ?     | 3
            c'est quoi la 3e semaine ?              | 3
            la troisième semaine, on fait quoi ?    | 3
            what is the theme of week three?        | 3
            consigne sem 12                         | 12
            """)
    void aWeekNumberIsFoundInDigitsOrWords(String question, int week) {
        References references = ReferenceFinder.find(question, catalog, java.time.LocalDate.of(2012, 11, 5),
                java.util.Optional.empty(), Texting.shipped(List.of()));

        assertThat(references.week()).contains(week);
        assertThat(references.rest()).doesNotContain(String.valueOf(week));
    }

    @Test
    void aWeekNumberIsAnsweredWithThatWeeksTheme() {
        assertThat(fixture.ask("c'est quoi la 3e semaine ?")).contains("semaine 3", "Animer une liste de discussion");
    }

    @Test
    void typosAreCorrectedBeforeMatching() {
        assertThat(fixture.ask("c'est quand le prochain regroupemnt ?")).contains("jeudi 15 novembre 2012");
        assertThat(fixture.ask("comment faire l'inscirption ?"))
                .contains("https://animacoop.example.org/inscription-8");
    }

    @Test
    void faqEntriesAreAnsweredFromTheCatalog() {
        List<FaqEntry> faq = new ArrayList<>(TestCatalogs.faq());
        faq.add(new FaqEntry("Reçoit-on une attestation ?", List.of("y a-t-il un certificat à la fin"),
                "Oui : une attestation de formation est remise à la clôture."));
        Catalog withCertificate = new Catalog(catalog.network(), catalog.sessions(), faq);
        BotFixture bot = new BotFixture(withCertificate, TestCatalogs.NOW);

        assertThat(bot.ask("est-ce qu'on a une attestation ?")).contains("une attestation de formation est remise");
        assertThat(bot.ask("c'est payant ?")).contains("gratuite pour les structures du territoire");
    }

    @Test
    void anEnglishQuestionMeetsTheFrenchFaq() {
        assertThat(fixture.ask("how much does it cost?")).contains("50 €");
    }

    @Test
    void outOfScopeQuestionsGetAnHonestNotSure() {
        String notSure = BotFixture.MESSAGES.get(Language.FR, "qa.not-sure");

        assertThat(fixture.ask("comment installer linux sur mon pc ?")).isEqualTo(notSure);
        assertThat(fixture.ask("quelle heure est-il ?")).isEqualTo(notSure);
        assertThat(fixture.ask("what's the weather like in Paris?"))
                .isEqualTo(BotFixture.MESSAGES.get(Language.EN, "qa.not-sure"));
    }

    @Test
    void aNamedSessionIsTheOneAnswered() {
        assertThat(fixture.ask("quand commence animacoop 8 ?")).contains("Animacoop 8 commence le lundi 4 mars 2013");
        assertThat(fixture.ask("qui anime animacoop-8 ?")).contains("Claire Dubois");
    }

    @Test
    void nextAsksForTheWeekAfterThisOne() {
        assertThat(fixture.ask("c'est quoi le thème de la semaine prochaine ?"))
                .contains("semaine 7 sur 13", "Licences libres et biens communs");
    }

    @Test
    void theIndexIsBuiltOncePerFaq() {
        QuestionUnderstanding understanding = new QuestionUnderstanding();

        IntentIndex first = understanding.index(TestCatalogs.faq());

        assertThat(understanding.index(TestCatalogs.faq())).isSameAs(first);
        assertThat(understanding.index(List.of())).isNotSameAs(first);
    }

    @Test
    void questionsAskedTogetherGetTheSameAnswersAsAlone() throws Exception {
        List<String> questions = List.of("c'est quand le prochain regroupement ?", "who runs animacoop 8?",
                "thème de la semaine 5 ?", "c'est payant ?", "raconte moi une blague");
        List<String> alone = questions.stream().map(fixture::ask).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> together = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String question = questions.get(i % questions.size());
                together.add(pool.submit(() -> new BotFixture().ask(question)));
            }
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).isEqualTo(alone.get(i % questions.size()));
            }
        } finally {
            pool.shutdown();
        }
    }
}
