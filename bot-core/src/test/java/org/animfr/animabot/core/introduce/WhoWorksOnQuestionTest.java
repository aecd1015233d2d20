package org.animfr.animabot.core.introduce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WhoWorksOnQuestionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Qui travaille sur les jardins partagés ?|jardins partagés",
        "qui bosse sur une web radio|web radio",
        "Quelqu'un travaille sur la cartographie participative ?|cartographie participative",
        "Bonjour, est-ce que quelqu’un s'occupe de compost ?|compost",
        "y a t il des gens qui travaillent sur les monnaies locales ?|monnaies locales",
        "qui d'autre a un projet de repair café ?|repair café",
        "qqn connait les tiers-lieux stp ?|tiers lieux",
        "Who works on community radio?|community radio",
        "who else is working on participatory maps?|participatory maps",
        "Anyone working on shared gardens?|shared gardens",
        "des personnes qui s'intéressent à la médiation numérique ?|médiation numérique",
    })
    void questionsAboutPeopleGiveTheirTopic(String question, String topic) {
        assertThat(WhoWorksOnQuestion.topic(question)).contains(topic);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "qui anime la session ?", "qui fait la formation animacoop ?", "quand commence la session ?",
        "qui organise le prochain regroupement ?", "who runs the training?", "qui travaille ?",
        "qui s'occupe des inscriptions ?", "c'est quoi le thème de la semaine ?",
    })
    void questionsAboutTheTrainingAreLeftToTheQuestions(String question) {
        assertThat(WhoWorksOnQuestion.topic(question)).isEmpty();
    }
}
