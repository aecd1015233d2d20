package org.animfr.animabot.benchmarks;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.FaqEntry;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Network;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;
import org.animfr.animabot.core.testing.BotFixture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question to answer, in process, through the whole dispatcher (parsing, references, spell check, the intent
 * model, FAQ matching, answer wording) over a catalog of 50 sessions and 500 FAQ entries, for plain, rambling and
 * texted questions. Sample mode reports p50/p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QuestionLatencyBenchmark {
    private static final List<String> QUESTIONS = List.of(
            "c'est quand le prochain regroupement ?",
            "quel est le theme de cette semaine",
            "ça démarre quand animacoop 12 ?",
            "comment s'inscrire a la prochaine formation",
            "when is the next gathering?",
            "combien d'heures par semaine faut il prevoir",
            "qui sont les animatrices",
            "est-ce que la formation 17 est payante ?",
            "thème de la semaine 4",
            "quelle est la météo demain à Brest ?",
            "Bonjour à toute l'équipe, j'espère que vous allez bien ! Je me permets de vous demander quand commence "
                    + "la session de printemps, une collègue hésite encore. Merci bcp !",
            "wen is da closin gathering of the Lyon one?");

    private BotFixture fixture;
    private int next;

    @Setup
    public void setUp() {
        fixture = new BotFixture(largeCatalog(), "2026-11-05T10:00:00+01:00");
    }

    @Benchmark
    public String answerAQuestion() {
        String question = QUESTIONS.get(next++ % QUESTIONS.size());
        return fixture.ask(question);
    }

    /** 50 sessions of 13 weeks and 3 gatherings, from 2020 to 2032, and 500 FAQ entries. */
    static Catalog largeCatalog() {
        List<Session> sessions = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            LocalDate start = LocalDate.of(2020, 1, 6).plusWeeks(13L * i);
            List<Week> weeks = new ArrayList<>();
            for (int w = 1; w <= 13; w++) {
                weeks.add(new Week(w, "Thème " + w + " de la session " + i, "Consigne " + w));
            }
            List<Gathering> gatherings = List.of(
                    new Gathering(LocalDateTime.of(start.plusDays(3), java.time.LocalTime.of(9, 30)), "Brest", "Lancement"),
                    new Gathering(LocalDateTime.of(start.plusWeeks(6), java.time.LocalTime.of(9, 30)), "Rennes", "Mi-parcours"),
                    new Gathering(LocalDateTime.of(start.plusWeeks(12), java.time.LocalTime.of(14, 0)), "Brest", "Clôture"));
            sessions.add(new Session("animacoop-" + i, "Animacoop " + i, "Territoire " + i, start,
                    start.plusWeeks(13).minusDays(3), 100, "https://animacoop.example.org/" + i,
                    List.of("Animatrice " + i, "Animateur " + i), "Session " + i, gatherings, weeks));
        }
        List<FaqEntry> faq = new ArrayList<>();
        String[] topics = {"payante", "ordinateur", "attestation", "prérequis", "contact", "licence", "accessibilité",
            "hébergement", "repas", "transport"};
        for (int i = 0; i < 500; i++) {
            String topic = topics[i % topics.length];
            faq.add(new FaqEntry("Question " + i + " sur " + topic + " de la formation " + (i / 10) + " ?",
                    List.of("autre façon de demander " + topic + " " + i), "Réponse " + i + " sur " + topic + "."));
        }
        return new Catalog(Network.DEFAULT, sessions, faq);
    }
}
