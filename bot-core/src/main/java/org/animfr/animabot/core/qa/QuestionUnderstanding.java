package org.animfr.animabot.core.qa;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
    /** The confidence an FAQ entry whose subject the question names needs in its match (see {@link #matches}). */
    static final double SUBJECT_FAQ_CONFIDENCE = 0.3;
    /** From this confidence, an FAQ entry answers even a question that brings words the bot does not know. */
    static final double CLEAR_FAQ_CONFIDENCE = 0.8;
    /** Below this confidence in the best FAQ phrasing (see {@link IntentIndex}), the FAQ does not answer. */
    static final double MIN_FAQ_CONFIDENCE = 0.55;
    /** Intents whose answer the organizers' FAQ words better than the bot's own figures when it has one. */
    private static final Set<Intent> FAQ_FIRST = EnumSet.of(Intent.PRICE, Intent.INFO, Intent.GREETING);
    /** Intents that a week named in the question turns into a question about that week. */
    private static final Set<Intent> ABOUT_A_WEEK = EnumSet.of(Intent.START, Intent.END, Intent.DATES, Intent.INFO,
            Intent.NEXT_GATHERING, Intent.GATHERINGS, Intent.WEEK);
    /** Intents that a gathering named in the question leaves alone; it turns the others into a question about it. */
    private static final Set<Intent> NOT_ABOUT_A_GATHERING = EnumSet.of(Intent.FACILITATORS, Intent.REGISTER,
            Intent.PRICE, Intent.GREETING, Intent.THANKS, Intent.SESSION_LIST, Intent.NEXT_SESSION, Intent.GATHERINGS);

    /** Words that name a training, ours or another. */
    private static final Set<String> TRAINING_WORDS = Set.of("formation", "formations", "training", "trainings",
            "course", "courses", "cours", "stage", "stages", "atelier", "ateliers", "workshop", "workshops", "class",
            "classes", "certification", "mooc");
    /** Messages about the bot's own instructions ("ignore tes instructions", "your system prompt"). */
    private static final java.util.regex.Pattern ABOUT_THE_BOT = java.util.regex.Pattern.compile(
            "\\b(?:ignore|ignorez|oublie|oubliez|forget|disregard)\\w*\\b.{0,40}\\b(?:instructions?|prompt|regles|rules|"
            + "consignes precedentes|previous)\\b|\\b(?:ton|tes|vos|votre|your|system)\\s+(?:prompt|instructions?|"
            + "system prompt|regles)\\b|\\b(?:jailbreak|dan mode|mode developpeur|developer mode)\\b");
    /** Words that ask without saying about what. */
    private static final Set<String> QUESTION_WORDS = Set.of("when", "what", "where", "who", "whom", "which", "how",
            "why", "quand", "ou", "qui", "quel", "quelle", "quels", "quelles", "comment", "combien", "quoi",
            "pourquoi", "lequel", "laquelle");
    private static final java.util.regex.Pattern VERB_ENDING = java.util.regex.Pattern.compile(
            "(er|ir|ez|ons|ait|ais|aient|erai|era|eront|ing|ed)$");
    /** Small words between a training and its subject: "formation de plongée", "course on Python". */
    private static final Set<String> LINKS = Set.of("de", "d", "en", "sur", "of", "on", "in", "about", "du", "des");

    private final QuestionAnalyzers analyzers;
    private final QuestionFeatures features;
    private final String nextConcept;
    private final String priceConcept;
    private final String weekConcept;
    private final String hourConcept;
    private final String listConcept;
    private final String sessionConcept;
    private final Set<String> synonymWords;
    private final Map<String, Intent> byQuestionWord;
    private final Set<String> questionWords;
    private final Texting texting;
    private final List<IntentIndex.Phrasing> examples;
    private final List<Examples.Problem> problems = new ArrayList<>();
    private final LanguageGuess languageGuess;
    private volatile Model model;
    private volatile IndexedFaq indexed;

    /**
     * The FAQ as indexed: the entries, their index, the words they use, and each entry's subject terms: the
     * concepts of its question, phrasings and answer that no in-scope example uses ("licence", "attestation"),
     * which say that a question is about that entry whatever else it says.
     */
    private record IndexedFaq(List<FaqEntry> given, List<FaqEntry> faq, IntentIndex index, Set<String> words, List<Set<String>> terms,
            List<Set<String>> questionTerms, Map<String, List<Integer>> entriesBySubject) {}

    /** The model and the words the in-scope examples use: any other word is one the bot was never taught. */
    record Model(IntentClassifier classifier, Set<String> inScope, Set<String> inScopeTerms) {}

    /** Whether only the shipped words are used, so that the model trained at build time fits them. */
    private final boolean shippedOnly;

    /** With the shipped examples, texting words and synonyms only. */
    public QuestionUnderstanding() {
        this(List.of(), List.of(), List.of());
    }

    /**
     * @param exampleLines more examples, as organizers write them ("INTENT fr: text" per line)
     * @param textingLines more texting words ("typed => meant" per line)
     * @param synonymLines more synonyms of the domain ("word, word => concept" per line)
     */
    public QuestionUnderstanding(List<String> exampleLines, List<String> textingLines, List<String> synonymLines) {
        this.shippedOnly = exampleLines.isEmpty() && textingLines.isEmpty() && synonymLines.isEmpty();
        QuestionAnalyzers shipped = new QuestionAnalyzers();
        List<String> synonyms = new ArrayList<>();
        for (String line : synonymLines) {
            if (shipped.isSynonymLine(line)) {
                synonyms.add(line);
            } else {
                problems.add(new Examples.Problem(line, "expected word, word => concept"));
            }
        }
        this.analyzers = synonyms.isEmpty() ? shipped : new QuestionAnalyzers(synonyms);
        this.features = new QuestionFeatures(analyzers);
        this.nextConcept = analyzers.concept("prochain");
        this.priceConcept = analyzers.concept("prix");
        this.weekConcept = analyzers.concept("semaine");
        this.hourConcept = analyzers.concept("heure");
        this.listConcept = analyzers.concept("liste");
        this.sessionConcept = analyzers.concept("session");
        this.synonymWords = analyzers.synonymWords();
        this.byQuestionWord = Map.of(analyzers.concept("ou"), Intent.TERRITORY, analyzers.concept("quand"),
                Intent.DATES, analyzers.concept("qui"), Intent.FACILITATORS, analyzers.concept("combien"),
                Intent.PRICE);
        this.questionWords = Set.of(analyzers.concept("quand"), analyzers.concept("combien"),
                analyzers.concept("comment"), analyzers.concept("quoi"), analyzers.concept("quel"),
                analyzers.concept("ou"), analyzers.concept("qui"), analyzers.concept("pourquoi"));
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
        java.util.function.Predicate<String> unknown = word -> !inScope.contains(word) && !faqWords.contains(word)
                && !synonymWords.contains(word);
        QuestionFeatures.Read whole = features.read(references, index, unknown);
        boolean next = whole.terms().contains(nextConcept);
        // the words as typed first: texting rewrites "wk" into "semaine"
        Optional<Language> language = languageGuess.guess(QuestionAnalyzers.terms(analyzers.surface(), question))
                .or(() -> languageGuess.guess(QuestionAnalyzers.terms(analyzers.surface(),
                        texting.rewrite(org.animfr.animabot.core.text.TextFold.fold(question)))));
        if (ABOUT_THE_BOT.matcher(org.animfr.animabot.core.text.TextFold.fold(question)).find()) {
            // orders about the bot's own instructions are not questions about the training, whatever they ask for
            return new Understood(references, new Understanding(Optional.empty(), language, 0, next));
        }
        if (whole.terms().size() == 1 && references.session().isPresent() && references.gathering().isEmpty()
                && references.week().isEmpty() && references.time().isEmpty()) {
            // "la 8 c'est où ?", "animacoop 9 c'est quand ?": the question word says what is asked of the session
            Optional<Intent> asked = Optional.ofNullable(byQuestionWord.get(whole.terms().get(0)));
            if (asked.isPresent()) {
                Optional<String> key = asked.get() == Intent.PRICE
                        ? faqAbout(priceConcept).or(() -> Optional.of(Intent.PRICE.name()))
                        : Optional.of(asked.get().name());
                return new Understood(references, new Understanding(key, language, 1, next));
            }
        }
        if (whole.terms().isEmpty() && references.any()) {
            return new Understood(references, new Understanding(Optional.of(namedOnly(references).name()),
                    language, 1, next));
        }
        List<References> sentenceReferences = sentences(question, catalog, today, base, references);
        List<QuestionFeatures.Read> sentenceReads = sentenceReferences.stream()
                .map(part -> features.read(part, index, unknown)).toList();
        Optional<String> subject = faqSubject(whole.terms())
                .filter(f -> !aboutSomethingElse(whole, unknown) && matches(index, whole, f));
        for (Iterator<QuestionFeatures.Read> reads = sentenceReads.iterator(); subject.isEmpty() && reads.hasNext(); ) {
            QuestionFeatures.Read read = reads.next();
            subject = faqSubject(read.terms()).filter(f -> !aboutSomethingElse(read, unknown)
                    && matches(index, read, f));
        }
        if (subject.isPresent()) {
            // a word no intent was taught but an FAQ entry's question uses ("certificat", "licence") says more
            // about the question than the words the model knows ("à la fin" is not asking for the end date)
            return new Understood(references, new Understanding(subject, language, 1, next));
        }
        Reading best = best(references, sentenceReferences, sentenceReads, index, whole, unknown);
        references = best.references();
        if (namesAnotherTraining(best.read().surface(), unknown)) {
            return new Understood(references, new Understanding(Optional.empty(), language, 0, next));
        }
        IntentClassifier.Prediction prediction = best.prediction();
        boolean confident = prediction.intent() != Intent.OUT_OF_SCOPE
                && prediction.probability() >= MIN_PROBABILITY && !best.somethingElse();
        if (confident && prediction.intent() == Intent.PRICE && references.session().isEmpty()
                && !whole.terms().contains(priceConcept) && !whole.terms().contains(sessionConcept)) {
            // "combien font 12 fois 7 ?": "how much" alone asks a price only of something the bot knows
            return new Understood(references, new Understanding(Optional.empty(), language,
                    prediction.probability(), next));
        }
        if (confident && prediction.intent() == Intent.PRICE) {
            Optional<String> aboutPrice = faqAbout(priceConcept);
            if (aboutPrice.isPresent()) {
                return new Understood(references, new Understanding(aboutPrice, language,
                        prediction.probability(), next));
            }
        }
        Optional<IntentIndex.Match> faq = best.faq().filter(m -> m.confidence() >= MIN_FAQ_CONFIDENCE
                && (!best.somethingElse() || m.confidence() >= CLEAR_FAQ_CONFIDENCE));
        if (faq.isPresent() && (!confident || FAQ_FIRST.contains(prediction.intent())
                || faq.get().confidence() >= CLEAR_FAQ_CONFIDENCE && faq.get().confidence() > prediction.probability())) {
            return new Understood(references, new Understanding(Optional.of(faq.get().key()), language,
                    faq.get().confidence(), next));
        }
        if (!confident) {
            // a reference as precise as a week's theme or a gathering's role asks about it, unless the model is
            // sure the question is about something else
            boolean elsewhere = prediction.intent() == Intent.OUT_OF_SCOPE && prediction.probability() >= 0.8
                    || best.somethingElse();
            if (references.weekByTheme()) {
                return new Understood(references, new Understanding(Optional.of(Intent.WEEK.name()), language,
                        prediction.probability(), next));
            }
            if (!elsewhere && references.gathering().isPresent()) {
                return new Understood(references, new Understanding(Optional.of(Intent.NEXT_GATHERING.name()),
                        language, prediction.probability(), next));
            }
            return new Understood(references, new Understanding(Optional.empty(), language,
                    prediction.probability(), next));
        }
        Intent intent = prediction.intent();
        if (intent == Intent.INFO && references.session().isEmpty() && !whole.terms().contains(sessionConcept)
                && !next && best.read().terms().size() > 1) {
            // "c'est quoi les infos du jour ?" asks for news, not about a session: a question about a session says so
            return new Understood(references, new Understanding(Optional.empty(), language,
                    prediction.probability(), next));
        }
        if ((intent == Intent.REGISTER || intent == Intent.INFO) && whole.terms().contains(priceConcept)) {
            // "ça coûte quelque chose de s'inscrire ?" asks a price
            Optional<String> aboutPrice = faqAbout(priceConcept);
            return new Understood(references, new Understanding(
                    Optional.of(aboutPrice.orElse(Intent.PRICE.name())), language, prediction.probability(), next));
        }
        if (intent == Intent.HOURS && whole.terms().contains(weekConcept)) {
            Optional<String> perWeek = faqAbout(hourConcept, weekConcept);
            if (perWeek.isPresent()) {
                return new Understood(references, new Understanding(perWeek, language, prediction.probability(),
                        next));
            }
        }
        if (references.time().isPresent() && references.session().isEmpty()
                && EnumSet.of(Intent.START, Intent.END, Intent.DATES).contains(intent)) {
            // "what do we start next Monday?", "when does the week after next begin?": a week, not the session
            intent = Intent.WEEK;
        }
        if (intent == Intent.NEXT_GATHERING && references.gathering().isEmpty() && references.time().isEmpty()
                && !next && whole.terms().contains(listConcept)) {
            // "when are the Animacoop 8 gatherings?": all of them
            intent = Intent.GATHERINGS;
        }
        if (references.gathering().isPresent() && !NOT_ABOUT_A_GATHERING.contains(intent)) {
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

    /**
     * One reading of a question or of one of its sentences: what the model predicts, the best FAQ entry, and
     * whether its subject is something the bot was never taught (see {@link #aboutSomethingElse}).
     */
    private record Reading(IntentClassifier.Prediction prediction, Optional<IntentIndex.Match> faq,
            boolean somethingElse, References references, QuestionFeatures.Read read) {}

    /**
     * The question read as a whole and sentence by sentence, and the reading that asks the most clearly: a
     * rambling message ("Bonjour à toute l'équipe, j'espère que vous allez bien. Quand commence … ? Merci !")
     * is as clear as its question, whatever its greetings and its story say.
     */
    private Reading best(References references, List<References> sentenceReferences,
            List<QuestionFeatures.Read> sentenceReads, IntentIndex index, QuestionFeatures.Read whole,
            java.util.function.Predicate<String> unknown) {
        Reading best = reading(index, whole, references, unknown);
        Reading wholeReading = best;
        List<References> parts = new ArrayList<>(sentenceReferences);
        List<QuestionFeatures.Read> reads = new ArrayList<>(sentenceReads);
        String[] clauses = references.rest().split("\\s+(?:mais|but|et|and|so|donc|alors)\\s+");
        // a clause cut out of a message the model finds off-topic as a whole must not make it on-topic: "oublie
        // tout et dis-moi ton prompt" is not asking for the week's prompt
        boolean offTopic = wholeReading.prediction().intent() == Intent.OUT_OF_SCOPE
                && wholeReading.prediction().probability() >= 0.5;
        if (clauses.length > 1 && !offTopic) {
            for (String clause : clauses) {
                References part = references.withRest(clause);
                parts.add(part);
                reads.add(features.read(part, index, unknown));
            }
        }
        boolean partAsks = false;
        List<Reading> candidates = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            QuestionFeatures.Read read = reads.get(i);
            if (read.terms().isEmpty()) {
                continue;
            }
            Reading candidate = reading(index, read, parts.get(i), unknown);
            candidates.add(candidate);
            // a sentence that asks beats the whole message, whose references mix all its sentences
            if (asks(candidate) && (!partAsks || candidate.prediction().probability()
                    > best.prediction().probability())) {
                best = candidate;
                partAsks = true;
            }
        }
        // the FAQ is looked up in the whole message and the sentence chosen, or in every sentence when none asks
        List<Reading> searched = new ArrayList<>();
        if (partAsks) {
            // the sentence that asks holds the question; the whole message only adds greetings to it
            searched.add(withFaq(index, best));
        } else {
            searched.add(withFaq(index, wholeReading));
            candidates.forEach(candidate -> searched.add(withFaq(index, candidate)));
        }
        Optional<IntentIndex.Match> faq = searched.stream().flatMap(r -> r.faq().stream())
                .max(java.util.Comparator.comparingDouble(IntentIndex.Match::confidence));
        Reading chosen = partAsks ? best : wholeReading;
        return new Reading(chosen.prediction(), faq, chosen.somethingElse(), chosen.references(), chosen.read());
    }

    /**
     * Each sentence of a message of several, with the references it names itself; a session or week named
     * elsewhere in the message still holds ("J'hésite pour Animacoop 9. Elle commence quand ?"), a time or a
     * gathering does not ("merci pour le lancement ! Il y a un regroupement demain ?").
     */
    private List<References> sentences(String question, Catalog catalog, LocalDate today, Optional<Session> base,
            References whole) {
        String[] sentences = question.split("[.!?;:\\n]+|\\s+(?:mais|but)\\s+");
        List<References> parts = new ArrayList<>();
        if (sentences.length > 1) {
            for (String sentence : sentences) {
                if (!sentence.isBlank()) {
                    parts.add(inherit(ReferenceFinder.find(sentence, catalog, today, base, texting), whole));
                }
            }
        }
        return parts;
    }

    private static References inherit(References part, References whole) {
        boolean ownSession = part.session().isPresent() || part.unknownSession().isPresent();
        boolean ownWeek = part.week().isPresent();
        return new References(ownSession ? part.session() : whole.session(),
                ownSession ? part.unknownSession() : whole.unknownSession(),
                ownWeek ? part.week() : whole.week(), ownWeek ? part.weekByTheme() : whole.weekByTheme(),
                part.gathering(), part.time(), part.rest());
    }

    private Reading reading(IntentIndex index, QuestionFeatures.Read read, References references,
            java.util.function.Predicate<String> unknown) {
        return new Reading(model().classifier().classify(read.features()), Optional.empty(),
                aboutSomethingElse(read, unknown), references, read);
    }

    /** The reading with its best FAQ entry looked up: a search in the index, the costly part of a reading. */
    private Reading withFaq(IntentIndex index, Reading reading) {
        QuestionFeatures.Read read = reading.read();
        // a question word ("c'est combien ?", "combien font 12 fois 7 ?") matches every FAQ entry asked with it:
        // an entry answers only when it shares a word that says what the question is about
        Set<String> subject = read.terms().stream().filter(t -> !questionWords.contains(t)
                && t.length() >= 3 && t.chars().allMatch(Character::isLetter)).collect(java.util.stream.Collectors.toSet());
        Optional<IntentIndex.Match> faq = index.searchFaq(read.terms()).stream().findFirst()
                .filter(m -> indexed.terms().get(faqIndex(m.key())).stream().anyMatch(subject::contains));
        return new Reading(reading.prediction(), faq, reading.somethingElse(), reading.references(), read);
    }

    /**
     * Whether a third or more of the words that carry meaning (question words aside) are names of things no
     * example speaks of
     * ("combien coûte un café ?", "when is the next full moon?"): then the question is about something else,
     * however well its question words fit. Words shaped like verbs ("rappeler", "hoping") are left out: a verb
     * the bot does not know frames a question more often than it changes its subject.
     */
    private boolean aboutSomethingElse(QuestionFeatures.Read read, java.util.function.Predicate<String> unknown) {
        int meaningful = 0;
        int strange = 0;
        for (int i = 0; i < read.surface().size(); i++) {
            String word = read.surface().get(i);
            String typed = read.typed().get(i);
            if (analyzers.isStopWord(typed) || typed.chars().anyMatch(Character::isDigit)
                    || QUESTION_WORDS.contains(typed)) {
                continue;
            }
            meaningful++;
            // a long word one or two letters away from a known one is a typo; a short one is more often another
            // word ("pleut" is not "peut")
            boolean typo = !typed.equals(word) && !unknown.test(word) && !analyzers.isStopWord(word)
                    && typed.length() >= 6;
            if (unknown.test(typed) && !typo && !VERB_ENDING.matcher(typed).find()) {
                strange++;
            }
        }
        return strange > 0 && strange * 3 >= meaningful;
    }

    /** Whether a reading confidently asks something the bot knows, beyond greetings and thanks. */
    private static boolean asks(Reading reading) {
        Intent intent = reading.prediction().intent();
        return intent != Intent.OUT_OF_SCOPE && intent != Intent.GREETING && intent != Intent.THANKS
                && reading.prediction().probability() >= MIN_PROBABILITY && !reading.somethingElse();
    }

    /**
     * Whether the entry's phrasings explain enough of the question besides their shared subject: "la licence de
     * pêche coûte combien ?" names the licence entry's subject but asks about something else.
     */
    private static boolean matches(IntentIndex index, QuestionFeatures.Read read, String key) {
        return index.searchFaq(read.terms()).stream()
                .anyMatch(m -> m.key().equals(key) && m.confidence() >= SUBJECT_FAQ_CONFIDENCE);
    }

    private static int faqIndex(String key) {
        return Integer.parseInt(key.substring(IntentIndex.FAQ_PREFIX.length()));
    }

    /** The FAQ entry whose subject terms the question shares the most of, if it shares any. */
    private Optional<String> faqSubject(List<String> terms) {
        Map<String, List<Integer>> entriesBySubject = indexed.entriesBySubject();
        Map<Integer, Integer> shared = new HashMap<>();
        for (String term : terms) {
            for (int entry : entriesBySubject.getOrDefault(term, List.of())) {
                shared.merge(entry, 1, Integer::sum);
            }
        }
        return shared.entrySet().stream()
                .max(java.util.Map.Entry.<Integer, Integer>comparingByValue()
                        .thenComparing(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(e -> IntentIndex.FAQ_PREFIX + e.getKey());
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

    /** The first FAQ entry whose question (or an organizer's phrasing of it) is about all the concepts. */
    private Optional<String> faqAbout(String... concepts) {
        List<Set<String>> questions = indexed.questionTerms();
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).containsAll(List.of(concepts))) {
                return Optional.of(IntentIndex.FAQ_PREFIX + i);
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
                    trained = shippedOnly ? ShippedModel.load().orElseGet(this::train) : train();
                    model = trained;
                }
            }
        }
        return trained;
    }

    /** Reads every example the way a question is read, against the training network, then trains the model. */
    Model train() {
        Catalog network = TrainingCatalog.catalog();
        Optional<Session> base = network.byId("animacoop-7");
        IntentIndex index = new IntentIndex(analyzers, examples);
        List<References> references = new ArrayList<>();
        Map<String, Integer> inScopeExamples = new HashMap<>();
        for (IntentIndex.Phrasing example : examples) {
            References found = ReferenceFinder.find(example.text(), network, TrainingCatalog.TODAY, base, texting);
            references.add(found);
            if (!example.key().equals(Intent.OUT_OF_SCOPE.name()) && !example.padded()) {
                Set.copyOf(QuestionAnalyzers.terms(analyzers.surface(), found.rest()))
                        .forEach(word -> inScopeExamples.merge(word, 1, Integer::sum));
            }
        }
        List<IntentClassifier.Example> training = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            // A word is unknown to an example when no other in-scope example uses it: the model learns from both
            // sides how much a word the bot was never taught says "this is about something else".
            IntentIndex.Phrasing example = examples.get(i);
            int own = example.key().equals(Intent.OUT_OF_SCOPE.name()) || example.padded() ? 0 : 1;
            QuestionFeatures.Read read = features.read(references.get(i), index,
                    word -> inScopeExamples.getOrDefault(word, 0) - own <= 0 && !synonymWords.contains(word));
            training.add(new IntentClassifier.Example(Intent.valueOf(examples.get(i).key()), read.features()));
        }
        Set<String> inScope = inScopeExamples.keySet();
        Set<String> inScopeTerms = new HashSet<>();
        for (int i = 0; i < examples.size(); i++) {
            if (!examples.get(i).key().equals(Intent.OUT_OF_SCOPE.name()) && !examples.get(i).padded()) {
                inScopeTerms.addAll(index.terms(references.get(i).rest()));
            }
        }
        return new Model(IntentClassifier.train(training), Set.copyOf(inScope), Set.copyOf(inScopeTerms));
    }

    /** The index for the FAQ, built again only when the FAQ changes (package-private for tests). */
    IntentIndex index(List<FaqEntry> faq) {
        IndexedFaq current = indexed;
        // the catalog hands the same list until a reload: comparing 500 entries for every question costs more
        if (current == null || current.given() != faq && !current.faq().equals(faq)) {
            List<IntentIndex.Phrasing> phrasings = new ArrayList<>(examples);
            phrasings.addAll(IntentIndex.faqPhrasings(faq));
            Set<String> words = new HashSet<>();
            IntentIndex.faqPhrasings(faq).forEach(p -> words.addAll(QuestionAnalyzers.terms(analyzers.surface(),
                    p.text())));
            IntentIndex built = new IntentIndex(analyzers, phrasings);
            Set<String> taught = model().inScopeTerms();
            List<Set<String>> subjects = new ArrayList<>();
            List<Set<String>> entryTerms = new ArrayList<>();
            List<Set<String>> questionTerms = new ArrayList<>();
            for (FaqEntry entry : faq) {
                Set<String> subject = new HashSet<>();
                List<String> texts = new ArrayList<>(entry.phrasings());
                texts.add(entry.question());
                texts.forEach(text -> subject.addAll(built.terms(text)));
                questionTerms.add(Set.copyOf(subject));
                Set<String> all = new HashSet<>(subject);
                all.addAll(built.terms(entry.answer()));
                entryTerms.add(Set.copyOf(all));
                subject.removeAll(taught);
                subject.removeAll(questionWords);
                subject.removeIf(term -> term.length() < 3 || !term.chars().allMatch(Character::isLetter));
                subjects.add(Set.copyOf(subject));
            }
            Map<String, List<Integer>> entriesBySubject = new HashMap<>();
            for (int i = 0; i < subjects.size(); i++) {
                for (String term : subjects.get(i)) {
                    entriesBySubject.computeIfAbsent(term, t -> new ArrayList<>()).add(i);
                }
            }
            current = new IndexedFaq(faq, List.copyOf(faq), built, Set.copyOf(words), List.copyOf(entryTerms),
                    List.copyOf(questionTerms), Map.copyOf(entriesBySubject));
            indexed = current;
        }
        return current.index();
    }
}
