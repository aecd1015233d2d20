package org.animfr.animabot.core.qa;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.command.Asked;
import org.animfr.animabot.core.command.QuestionFeature;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.FaqEntry;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.SessionAnswers;
import org.animfr.animabot.core.session.SessionResolver;

/**
 * Answers questions about the sessions from the catalog, relative to now and to the conversation's session.
 * When no intent fits well enough it says so and suggests {@code aide}: a confident wrong answer is worse than
 * none. Thread-safe; the index is rebuilt when the catalog's FAQ changes.
 */
public final class QuestionAnswerer implements QuestionFeature {
    /** Below this confidence in the best phrasing (see {@link IntentIndex}), the bot admits it is not sure. */
    static final double MIN_CONFIDENCE = 0.55;

    private final SessionAnswers answers;
    private final QuestionAnalyzers analyzers = new QuestionAnalyzers();
    private final String nextConcept = analyzers.concept("prochain");
    private final LanguageGuess languageGuess = new LanguageGuess(analyzers, IntentIndex.shipped());
    private final SessionResolver resolver = new SessionResolver();
    private volatile IndexedFaq indexed;

    private record IndexedFaq(List<FaqEntry> faq, IntentIndex index) {}

    /**
     * What the bot understood of a question.
     *
     * @param intent the intent's name or {@code FAQ:n}; empty when the bot is not confident
     * @param language the question's language, when it could tell
     * @param confidence how well the best phrasing matched, 0 to 1
     * @param next whether the question asks about what comes next ("prochaine", "next", "suivante")
     */
    public record Understanding(Optional<String> intent, Optional<Language> language, double confidence,
            boolean next) {}

    /** The index is built at the first question (or by {@link #warmUp}), for the FAQ of the catalog then. */
    public QuestionAnswerer(SessionAnswers answers) {
        this.answers = answers;
    }

    /** Builds the index for the catalog's FAQ now rather than at the first question. */
    public QuestionAnswerer warmUp(Supplier<Catalog> catalog) {
        index(catalog.get().faq());
        return this;
    }

    @Override
    public List<Reply> answer(String question, Asked asked) {
        Catalog catalog = asked.catalog();
        Mentions mentions = Mentions.find(question, catalog);
        Understanding understanding = understand(mentions, catalog.faq());
        Language language = understanding.language().orElse(asked.language());
        if (understanding.intent().isEmpty()) {
            return personal(RichText.plain(answers.messages().get(language, "qa.not-sure")));
        }
        String key = understanding.intent().get();
        if (key.startsWith("FAQ:")) {
            int index = Integer.parseInt(key.substring(4));
            return List.of(Reply.of(answers.faq(catalog.faq().get(index))));
        }
        return answer(Intent.valueOf(key), mentions, understanding.next(), asked.withLanguage(language));
    }

    /** What the bot understands of the question, without answering it (for tests and benchmarks). */
    public Understanding understand(String question, Catalog catalog) {
        return understand(Mentions.find(question, catalog), catalog.faq());
    }

    private Understanding understand(Mentions mentions, List<FaqEntry> faq) {
        IntentIndex index = index(faq);
        List<String> terms = index.terms(mentions.rest());
        boolean next = terms.contains(nextConcept);
        Optional<Language> language = languageGuess.guess(
                QuestionAnalyzers.terms(analyzers.surface(), mentions.rest()));
        if (terms.isEmpty()) {
            // Nothing but a name or a number: "animacoop 8 ?" asks about the session, "semaine 3 ?" about the week.
            Optional<Intent> named = mentions.week().isPresent() ? Optional.of(Intent.WEEK)
                    : mentions.session().map(s -> Intent.INFO);
            return new Understanding(named.map(Intent::name), language, named.isPresent() ? 1 : 0, next);
        }
        List<IntentIndex.Match> matches = index.search(terms);
        if (matches.isEmpty()) {
            return new Understanding(Optional.empty(), language, 0, next);
        }
        IntentIndex.Match best = matches.get(0);
        if (language.isEmpty()) {
            language = Optional.of(best.language().equals(IntentIndex.ENGLISH) ? Language.EN : Language.FR);
        }
        if (best.confidence() < MIN_CONFIDENCE) {
            return new Understanding(Optional.empty(), language, best.confidence(), next);
        }
        String intent = best.key();
        if (mentions.week().isPresent() && !intent.startsWith("FAQ:")) {
            intent = Intent.WEEK.name();
        }
        return new Understanding(Optional.of(intent), language, best.confidence(), next);
    }

    /** The index for the FAQ, built again only when the FAQ changes (package-private for tests). */
    IntentIndex index(List<FaqEntry> faq) {
        IndexedFaq current = indexed;
        if (current == null || current.faq() != faq && !current.faq().equals(faq)) {
            current = new IndexedFaq(List.copyOf(faq), new IntentIndex(analyzers, IntentIndex.phrasings(faq)));
            indexed = current;
        }
        return current.index();
    }

    private List<Reply> answer(Intent intent, Mentions mentions, boolean next, Asked asked) {
        Language l = asked.language();
        Catalog catalog = asked.catalog();
        LocalDate today = asked.now().toLocalDate();
        switch (intent) {
            case GREETING:
                return personal(RichText.plain(answers.messages().get(l, "qa.greeting")));
            case THANKS:
                return personal(RichText.plain(answers.messages().get(l, "qa.thanks")));
            case SESSION_LIST:
                List<Session> sessions = catalog.currentAndUpcoming(today);
                return List.of(Reply.of(sessions.isEmpty() ? answers.noSession(l)
                        : answers.list(l, sessions, asked.now(), "sessions.title")));
            case NEXT_SESSION:
                Optional<Session> upcoming = mentions.session().or(() -> catalog.nextToStart(today));
                return List.of(Reply.of(upcoming.map(s -> answers.details(l, s, asked.now()))
                        .orElseGet(() -> RichText.plain(answers.messages().get(l, "qa.no-upcoming-session")))));
            default:
                break;
        }
        Optional<Session> session = mentions.session()
                .or(() -> next && intent != Intent.NEXT_GATHERING && intent != Intent.WEEK
                        ? catalog.nextToStart(today) : Optional.empty())
                .or(() -> intent == Intent.REGISTER ? catalog.nextToStart(today) : Optional.empty())
                .or(() -> resolver.byDefault(asked));
        if (session.isEmpty()) {
            return personal(answers.noSession(l));
        }
        Session s = session.get();
        RichText text = switch (intent) {
            case START -> answers.startDate(l, s, today);
            case END -> answers.endDate(l, s, today);
            case DATES -> answers.datesAnswer(l, s);
            case INFO -> answers.details(l, s, asked.now());
            case NEXT_GATHERING -> answers.nextGathering(l, s, asked.now());
            case GATHERINGS -> answers.gatherings(l, s, asked.now());
            case WEEK -> week(l, s, mentions.week(), next, today);
            case FACILITATORS -> answers.facilitators(l, s);
            case HOURS -> answers.hours(l, s);
            case WEEK_COUNT -> answers.weekCount(l, s);
            case REGISTER -> answers.registration(l, s, today);
            case TERRITORY -> answers.territory(l, s);
            default -> throw new IllegalStateException("Unhandled intent " + intent);
        };
        return List.of(Reply.of(text));
    }

    private RichText week(Language l, Session s, Optional<Integer> mentioned, boolean next, LocalDate today) {
        if (mentioned.isPresent()) {
            int number = mentioned.get();
            if (number < 1 || number > s.weekCount()) {
                return answers.weekOutOfRange(l, s, number);
            }
            return s.week(number).map(w -> answers.week(l, s, w)).orElseGet(() -> answers.weekNotWritten(l, s, number));
        }
        return answers.currentWeek(l, s, today, next ? 1 : 0);
    }

    private static List<Reply> personal(RichText text) {
        return List.of(Reply.personal(text));
    }
}
