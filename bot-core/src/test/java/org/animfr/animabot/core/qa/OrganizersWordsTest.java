package org.animfr.animabot.core.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.FaqEntry;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.Test;

/** The organizers' own synonyms, examples and texting words, given beside the data, extend what the bot understands. */
class OrganizersWordsTest {
    private static final LocalDate TODAY = LocalDate.of(2012, 11, 5);

    private static Catalog withCarSharing() {
        Catalog network = TestCatalogs.network();
        List<FaqEntry> faq = new ArrayList<>(network.faq());
        faq.add(new FaqEntry("Peut-on organiser du covoiturage pour les regroupements ?", List.of(),
                "Oui : proposez vos trajets dans le fil « covoiturage » du salon de la session."));
        return new Catalog(network.network(), network.sessions(), faq);
    }

    private static String intent(QuestionUnderstanding understanding, String question) {
        return understanding.understand(question, withCarSharing(), TODAY).intent().orElse("not sure");
    }

    @Test
    void anOrganizersSynonymLeadsAQuestionToTheFaqEntryItMeans() {
        String question = "une bagnole pour y aller, c'est prévu ?";
        QuestionUnderstanding shipped = new QuestionUnderstanding();
        QuestionUnderstanding extended = new QuestionUnderstanding(List.of(), List.of(),
                List.of("bagnole, voiture, auto, covoit => covoiturage"));

        assertThat(intent(shipped, question)).isNotEqualTo("FAQ:6");
        assertThat(intent(extended, question)).isEqualTo("FAQ:6");
    }

    @Test
    void anOrganizersExampleTeachesAWayOfAsking() {
        String question = "je voudrais adhérer, comment faire ?";
        QuestionUnderstanding shipped = new QuestionUnderstanding();
        QuestionUnderstanding extended = new QuestionUnderstanding(
                List.of("REGISTER fr: comment adhérer", "REGISTER fr: je veux adhérer", "REGISTER fr: on adhère où",
                        "REGISTER fr: adhérer à animacoop", "REGISTER en: how do I adhere"), List.of(), List.of());

        assertThat(intent(shipped, question)).isNotEqualTo("REGISTER");
        assertThat(intent(extended, question)).isEqualTo("REGISTER");
    }

    @Test
    void anOrganizersTextingWordIsReadAsWhatItMeans() {
        QuestionUnderstanding extended = new QuestionUnderstanding(List.of(), List.of("kwand => quand"), List.of());

        assertThat(intent(extended, "ça commence kwand ?")).isEqualTo("START");
    }

    @Test
    void linesThatCannotBeReadAreReportedAndLeftOut() {
        QuestionUnderstanding extended = new QuestionUnderstanding(List.of("SOMETHING fr: hello", "pas d'intention"),
                List.of(), List.of("=> => =>"));

        assertThat(extended.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("unknown intent SOMETHING"))
                .anySatisfy(p -> assertThat(p).contains("=> => =>"));
        assertThat(intent(extended, "quand commence la formation ?")).isEqualTo("START");
    }
}
