package org.animfr.animabot.core.qa;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.FaqEntry;
import org.animfr.animabot.core.session.Session;

/**
 * What the bot understands of a question, without answering it, in three parts that are tested apart:
 * <ol>
 *   <li><b>references</b> ({@link ReferenceFinder}): the session, week, gathering and time the question names,
 *       resolved against the catalog and the clock, then taken out of the text;</li>
 *   <li><b>intent</b> ({@link IntentClassifier}): what the rest asks, from a model trained on the example files at
 *       start-up, with its probability as the confidence; out-of-scope is a class of its own;</li>
 *   <li><b>FAQ</b> ({@link IntentIndex#searchFaq}): the organizers' entry that means the same, matched on concepts
 *       (synonyms, stems, corrected spelling). An entry that answers the question wins over a figure the bot
 *       would work out itself.</li>
 * </ol>
 * Holds the costly parts (analyzers, the model, the index), so one instance serves the whole application.
 * Thread-safe; the model is trained once, the index built again when the catalog's FAQ changes.
 */
public final class QuestionUnderstanding {
    /** Below this probability of its best intent, the bot admits it is not sure. */
    static final double MIN_PROBABILITY = 0.4;
    /** Below this confidence in the best FAQ phrasing (see {@link IntentIndex}), the FAQ does not answer. */
    static final double MIN_FAQ_CONFIDENCE = 0.55;
    /** Intents whose answer the organizers' FAQ words better than the bot's own figures when it has one. */
    private static final Set<Intent> FAQ_FIRST = EnumSet.of(Intent.PRICE, Intent.HOURS, Intent.REGISTER,
            Intent.INFO, Intent.GREETING);
    /** Intents that a week named in the question turns into a question about that week. */
    private static final Set<Intent> ABOUT_A_WEEK = EnumSet.of(Intent.START, Intent.END, Intent.DATES, Intent.INFO,
            Intent.NEXT_GATHERING, Intent.GATHERINGS, Intent.WEEK);
    /** Intents that a gathering named in the question turns into a question about that gathering. */
    private static final Set<Intent> ABOUT_A_GATHERING = EnumSet.of(Intent.START, Intent.END, Intent.DATES,
            Intent.INFO, Intent.TERRITORY, Intent.GATHERINGS, Intent.AGENDA, Intent.NEXT_GATHERING);

    /** Words that name a training, ours or another. */
    private static final Set<String> TRAINING_WORDS = Set.of("formation", "formations", "training", "trainings",
            "course", "courses", "cours", "stage", "stages", "atelier", "ateliers", "workshop", "workshops", "class",
            "classes", "certification", "mooc");
    /** Small words between a training and its subject: "formation de plongée", "course on Python". */
    private static final Set<String> LINKS = Set.of("de", "d", "en", "sur", "of", "on", "in", "about", "du", "des");

    private final QuestionAnalyzers analyzers = new QuestionAnalyzers();
    private final QuestionFeatures features = new QuestionFeatures(analyzers);
    private final String nextConcept = analyzers.concept("prochain");
    private final String priceConcept = analyzers.concept("prix");
    private final Set<String> questionWords = Set.of(analyzers.concept("quand"), analyzers.concept("combien"),
            analyzers.concept("comment"), analyzers.concept("quoi"), analyzers.concept("quel"),
            analyzers.concept("ou"), analyzers.concept("qui"), analyzers.concept("pourquoi"));
    private final Texting texting;
    private final List<IntentIndex.Phrasing> examples;
    private final List<Examples.Problem> problems = new ArrayList<>();
    private final LanguageGuess languageGuess;
    private volatile Model model;
    private volatile IndexedFaq indexed;

    private record IndexedFaq(List<FaqEntry> faq, IntentIndex index, Set<String> words) {}

    /** The model and the words the in-scope examples use: any other word is one the bot was never taught. */
    private record Model(IntentClassifier classifier, Set<String> inScope) {}

    /** With the shipped examples and texting words only. */
    public QuestionUnderstanding() {
        this(List.of(), List.of());
    }

    /**
     * @param exampleLines more examples, as organizers write them ("INTENT fr: text" per line)
     * @param textingLines more texting words ("typed => meant" per line)
     */
    public QuestionUnderstanding(List<String> exampleLines, List<String> textingLines) {
        this.examples = Examples.load(exampleLines, problems);
        this.texting = Texting.shipped(textingLines);
        this.languageGuess = new LanguageGuess(analyzers, examples);
    }

    /**
     * What the bot understood of a question.
     *
     * @param intent the intent's name or {@code FAQ:n}; empty when the bot is not confident
     * @param language the question's language, when it could tell
     * @param confidence the probability of the intent, or the FAQ match's confidence, 0 to 1
     * @param next whether the question asks about what comes next ("prochaine", "next", "suivante")
     */
    public record Understanding(Optional<String> intent, Optional<Language> language, double confidence,
            boolean next) {}

    /** A question's understanding with the references it names. */
    record Understood(References references, Understanding understanding) {}

    /** The extra example lines that could not be read, each with its reason (for the start-up log). */
    public List<String> problems() {
        return problems.stream().map(p -> p.reason() + ": " + p.line()).toList();
    }

    /** Trains the model and builds the index for the FAQ now rather than at the first question. */
    public QuestionUnderstanding warmUp(List<FaqEntry> faq) {
        model();
        index(faq);
        return this;
    }

    /** What the bot understands of the question, for the catalog in force, on {@code today}. */
    public Understanding understand(String question, Catalog catalog, LocalDate today) {
        return understood(question, catalog, today, Optional.empty()).understanding();
    }

    Understood understood(String question, Catalog catalog, LocalDate today, Optional<Session> base) {
        References references = ReferenceFinder.find(question, catalog, today, base, texting);
        IntentIndex index = index(catalog.faq());
        Set<String> faqWords = indexed.words();
        Set<String> inScope = model().inScope();
        java.util.function.Predicate<String> unknown = word -> !inScope.contains(word) && !faqWords.contains(word);
        QuestionFeatures.Read whole = features.read(references, index, unknown);
        boolean next = whole.terms().contains(nextConcept);
        Optional<Language> language = languageGuess.guess(whole.surface());
        if (whole.terms().isEmpty() && references.any()) {
            return new Understood(references, new Understanding(Optional.of(namedOnly(references).name()),
                    language, 1, next));
        }
        if (namesAnotherTraining(whole.surface(), unknown)) {
            return new Understood(references, new Understanding(Optional.empty(), language, 0, next));
        }
        Reading best = best(references, index, whole, unknown);
        IntentClassifier.Prediction prediction = best.prediction();
        boolean confident = prediction.intent() != Intent.OUT_OF_SCOPE
                && prediction.probability() >= MIN_PROBABILITY;
        if (confident && prediction.intent() == Intent.PRICE) {
            Optional<String> aboutPrice = faqAbout(index, catalog.faq(), priceConcept);
            if (aboutPrice.isPresent()) {
                return new Understood(references, new Understanding(aboutPrice, language,
                        prediction.probability(), next));
            }
        }
        Optional<IntentIndex.Match> faq = best.faq().filter(m -> m.confidence() >= MIN_FAQ_CONFIDENCE);
        if (faq.isPresent() && (!confident || FAQ_FIRST.contains(prediction.intent())
                || faq.get().confidence() >= prediction.probability())) {
            return new Understood(references, new Understanding(Optional.of(faq.get().key()), language,
                    faq.get().confidence(), next));
        }
        if (!confident) {
            return new Understood(references, new Understanding(Optional.empty(), language,
                    prediction.probability(), next));
        }
        Intent intent = prediction.intent();
        if (references.gathering().isPresent() && ABOUT_A_GATHERING.contains(intent)) {
            intent = Intent.NEXT_GATHERING;
        } else if (references.week().isPresent() && ABOUT_A_WEEK.contains(intent)) {
            intent = Intent.WEEK;
        }
        return new Understood(references, new Understanding(Optional.of(intent.name()), language,
                prediction.probability(), next));
    }

    /**
     * Whether the question names a training the bot was never taught about: a word like "formation" or "course"
     * next to a word no example uses ("la formation Excel", "the photoshop training"). Its dates are not ours.
     */
    private boolean namesAnotherTraining(List<String> surface, java.util.function.Predicate<String> unknown) {
        for (int i = 0; i < surface.size(); i++) {
            if (!TRAINING_WORDS.contains(surface.get(i))) {
                continue;
            }
            for (int j : new int[] {i - 1, i + 1, i + 2}) {
                if (j >= 0 && j < surface.size() && (j != i + 2 || LINKS.contains(surface.get(i + 1)))) {
                    String word = surface.get(j);
                    if (!analyzers.isStopWord(word) && !word.chars().allMatch(Character::isDigit)
                            && unknown.test(word)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** One reading of a question or of one of its sentences: what the model predicts, and the best FAQ entry. */
    private record Reading(IntentClassifier.Prediction prediction, Optional<IntentIndex.Match> faq) {}

    /**
     * The question read as a whole and sentence by sentence, and the reading that asks the most clearly: a
     * rambling message ("Bonjour à toute l'équipe, j'espère que vous allez bien. Quand commence … ? Merci !")
     * is as clear as its question, whatever its greetings and its story say.
     */
    private Reading best(References references, IntentIndex index, QuestionFeatures.Read whole,
            java.util.function.Predicate<String> unknown) {
        Reading best = reading(index, whole);
        String[] sentences = references.rest().split("[.!?;\\n]+|\\s+(?:mais|but|et|and|so|donc|alors)\\s+");
        if (sentences.length < 2) {
            return best;
        }
        Reading wholeReading = best;
        for (String sentence : sentences) {
            QuestionFeatures.Read read = features.read(references.withRest(sentence), index, unknown);
            if (read.terms().isEmpty()) {
                continue;
            }
            Reading candidate = reading(index, read);
            if (asks(candidate) && (!asks(best) || candidate.prediction().probability()
                    > best.prediction().probability())) {
                best = candidate;
            }
            if (candidate.faq().isPresent() && (best.faq().isEmpty()
                    || candidate.faq().get().confidence() > best.faq().get().confidence())) {
                best = new Reading(best.prediction(), candidate.faq());
            }
        }
        return asks(best) || best.faq().isPresent() ? best : wholeReading;
    }

    private Reading reading(IntentIndex index, QuestionFeatures.Read read) {
        // a question word alone ("c'est combien ?") matches every FAQ entry asked with it: it names no subject
        List<String> subject = read.terms().stream().filter(t -> !questionWords.contains(t)).toList();
        return new Reading(model().classifier().classify(read.features()),
                subject.isEmpty() ? Optional.empty()
                        : index.searchFaq(read.terms()).stream().findFirst());
    }

    /** Whether a reading confidently asks something the bot knows, beyond greetings and thanks. */
    private static boolean asks(Reading reading) {
        Intent intent = reading.prediction().intent();
        return intent != Intent.OUT_OF_SCOPE && intent != Intent.GREETING && intent != Intent.THANKS
                && reading.prediction().probability() >= MIN_PROBABILITY;
    }

    /** A question that is nothing but a reference: "animacoop 8 ?", "semaine 3 ?", "demain ?". */
    private static Intent namedOnly(References references) {
        if (references.week().isPresent()) {
            return Intent.WEEK;
        }
        if (references.gathering().isPresent()) {
            return Intent.NEXT_GATHERING;
        }
        if (references.time().isPresent()) {
            return Intent.AGENDA;
        }
        return Intent.INFO;
    }

    /** The first FAQ entry whose question is about the concept ("prix": fees, cost, free). */
    private Optional<String> faqAbout(IntentIndex index, List<FaqEntry> faq, String concept) {
        for (int i = 0; i < faq.size(); i++) {
            FaqEntry entry = faq.get(i);
            List<String> texts = new ArrayList<>(entry.phrasings());
            texts.add(0, entry.question());
            for (String text : texts) {
                if (index.terms(text).contains(concept)) {
                    return Optional.of(IntentIndex.FAQ_PREFIX + i);
                }
            }
        }
        return Optional.empty();
    }

    private Model model() {
        Model trained = model;
        if (trained == null) {
            synchronized (this) {
                trained = model;
                if (trained == null) {
                    trained = train();
                    model = trained;
                }
            }
        }
        return trained;
    }

    /** Reads every example the way a question is read, against the training network, then trains the model. */
    private Model train() {
        Catalog network = TrainingCatalog.catalog();
        Optional<Session> base = network.byId("animacoop-7");
        IntentIndex index = new IntentIndex(analyzers, examples);
        List<References> references = new ArrayList<>();
        Set<String> inScope = new HashSet<>();
        for (IntentIndex.Phrasing example : examples) {
            References found = ReferenceFinder.find(example.text(), network, TrainingCatalog.TODAY, base, texting);
            references.add(found);
            if (!example.key().equals(Intent.OUT_OF_SCOPE.name())) {
                inScope.addAll(QuestionAnalyzers.terms(analyzers.surface(), found.rest()));
            }
        }
        List<IntentClassifier.Example> training = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            // A word no in-scope example uses stands for the words a question may bring that the bot was never
            // taught: the model learns how much such a word says "this is about something else".
            QuestionFeatures.Read read = features.read(references.get(i), index, word -> !inScope.contains(word));
            training.add(new IntentClassifier.Example(Intent.valueOf(examples.get(i).key()), read.features()));
        }
        return new Model(IntentClassifier.train(training), Set.copyOf(inScope));
    }

    /** The index for the FAQ, built again only when the FAQ changes (package-private for tests). */
    IntentIndex index(List<FaqEntry> faq) {
        IndexedFaq current = indexed;
        if (current == null || current.faq() != faq && !current.faq().equals(faq)) {
            List<IntentIndex.Phrasing> phrasings = new ArrayList<>(examples);
            phrasings.addAll(IntentIndex.faqPhrasings(faq));
            Set<String> words = new HashSet<>();
            IntentIndex.faqPhrasings(faq).forEach(p -> words.addAll(QuestionAnalyzers.terms(analyzers.surface(),
                    p.text())));
            current = new IndexedFaq(List.copyOf(faq), new IntentIndex(analyzers, phrasings), Set.copyOf(words));
            indexed = current;
        }
        return current.index();
    }
}
