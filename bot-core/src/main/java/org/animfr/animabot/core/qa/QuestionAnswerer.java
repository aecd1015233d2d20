package org.animfr.animabot.core.qa;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.QuestionFeature;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.metrics.BotMetrics;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.SessionAnswers;
import org.animfr.animabot.core.session.SessionContext;
import org.animfr.animabot.core.session.SessionContexts;
import org.animfr.animabot.core.session.SessionResolver;

/**
 * Answers questions about the sessions from the catalog, relative to now and to the conversation's session.
 * When no intent fits well enough it says so and suggests {@code aide}: a confident wrong answer is worse than
 * none. Thread-safe.
 */
public final class QuestionAnswerer implements QuestionFeature {
    private final BotMetrics metrics;
    private final QuestionUnderstanding understanding;
    private final SessionAnswers answers;
    private final SessionContexts contexts;
    private final SessionResolver resolver = new SessionResolver();

    public QuestionAnswerer(QuestionUnderstanding understanding, SessionAnswers answers, SessionContexts contexts,
            BotMetrics metrics) {
        this.metrics = metrics;
        this.understanding = understanding;
        this.answers = answers;
        this.contexts = contexts;
    }

    @Override
    public List<Reply> answer(String question, Asked asked) {
        SessionContext context = contexts.of(asked);
        Catalog catalog = context.catalog();
        QuestionUnderstanding.Understood understood = understanding.understood(question, catalog, context.today(),
                resolver.byDefault(context));
        QuestionUnderstanding.Understanding understanding = understood.understanding();
        Language language = understanding.language().orElse(asked.language());
        References references = understood.references();
        if (references.unknownSession().isPresent() && !understanding.intent().equals(Optional.of("THANKS"))) {
            metrics.questionAnswered("unknown_session", language);
            return personal(answers.unknownSession(language, references.unknownSession().get(), catalog));
        }
        if (understanding.intent().isEmpty()) {
            metrics.questionAnswered(BotMetrics.NOT_SURE, language);
            return personal(RichText.plain(answers.messages().get(language, "qa.not-sure")));
        }
        String key = understanding.intent().get();
        // one tag for every FAQ entry: their numbers change with the data
        metrics.questionAnswered(key.startsWith(IntentIndex.FAQ_PREFIX) ? "faq" : key.toLowerCase(Locale.ROOT),
                language);
        if (key.startsWith(IntentIndex.FAQ_PREFIX)) {
            int index = Integer.parseInt(key.substring(IntentIndex.FAQ_PREFIX.length()));
            return List.of(Reply.of(answers.faq(catalog.faq().get(index))));
        }
        return answer(Intent.valueOf(key), understood.references(), understanding.next(), language, context);
    }

    private List<Reply> answer(Intent intent, References refs, boolean next, Language l, SessionContext context) {
        Catalog catalog = context.catalog();
        LocalDate today = context.today();
        switch (intent) {
            case GREETING:
                return personal(RichText.plain(answers.messages().get(l, "qa.greeting")));
            case THANKS:
                return personal(RichText.plain(answers.messages().get(l, "qa.thanks")));
            case SESSION_LIST:
                List<Session> sessions = catalog.currentAndUpcoming(today);
                return List.of(Reply.of(sessions.isEmpty() ? answers.noSession(l)
                        : answers.list(l, sessions, context.now(), "sessions.title")));
            default:
                break;
        }
        if (intent == Intent.NEXT_SESSION) {
            Optional<Session> upcoming = refs.session().or(() -> catalog.nextToStart(today));
            return List.of(Reply.of(upcoming.map(s -> answers.details(l, s, context.now()))
                    .orElseGet(() -> RichText.plain(answers.messages().get(l, "qa.no-upcoming-session")))));
        }
        Optional<Session> session = refs.session()
                .or(() -> next && intent != Intent.NEXT_GATHERING && intent != Intent.WEEK
                        && intent != Intent.AGENDA && intent != Intent.PROGRESS ? catalog.nextToStart(today)
                        : Optional.empty())
                .or(() -> intent == Intent.REGISTER ? catalog.nextToStart(today) : Optional.empty())
                .or(() -> resolver.byDefault(context));
        if (session.isEmpty()) {
            return personal(answers.noSession(l));
        }
        Session s = session.get();
        Optional<TimeExpressions.Span> time = refs.time();
        String when = time.map(t -> answers.days(l, t.from(), t.to())).orElse("");
        RichText text = switch (intent) {
            case START -> answers.startDate(l, s, today);
            case END -> answers.endDate(l, s, today);
            case DATES -> answers.datesAnswer(l, s);
            case INFO -> answers.details(l, s, context.now());
            case NEXT_GATHERING -> refs.gathering().map(g -> answers.gathering(l, s, g, context.now()))
                    .orElseGet(() -> time.isPresent()
                            ? answers.gatheringsBetween(l, s, time.get().from(), time.get().to(), when, context.now())
                            : answers.nextGathering(l, s, context.now()));
            case GATHERINGS -> time.isPresent()
                    ? answers.gatheringsBetween(l, s, time.get().from(), time.get().to(), when, context.now())
                    : answers.gatherings(l, s, context.now());
            case WEEK -> week(l, s, refs.week(), time.map(TimeExpressions.Span::from), next, today);
            case PROGRESS -> time.isPresent() && !time.get().from().equals(today)
                    ? week(l, s, Optional.empty(), time.map(TimeExpressions.Span::from), false, today)
                    : answers.progress(l, s, today);
            case AGENDA -> time.isPresent()
                    ? answers.agenda(l, s, time.get().from(), time.get().to(), when, context.now())
                    : answers.agenda(l, s, today, today, answers.days(l, today, today), context.now());
            case FACILITATORS -> answers.facilitators(l, s);
            case HOURS -> answers.hours(l, s);
            case WEEK_COUNT -> answers.weekCount(l, s);
            case REGISTER -> answers.registration(l, s, today);
            case TERRITORY -> answers.territory(l, s);
            case PRICE -> answers.price(l, s);
            default -> throw new IllegalStateException("Unhandled intent " + intent);
        };
        return List.of(Reply.of(text));
    }

    private RichText week(Language l, Session s, Optional<Integer> mentioned, Optional<LocalDate> on, boolean next,
            LocalDate today) {
        if (mentioned.isEmpty() && on.isPresent()) {
            Optional<Integer> number = s.weekNumberOn(on.get());
            Optional<Integer> current = s.weekNumberOn(today);
            if (number.isEmpty()) {
                return answers.currentWeek(l, s, on.get(), 0);
            }
            if (current.isPresent() && (number.get() - current.get() == 0 || number.get() - current.get() == 1)) {
                return answers.currentWeek(l, s, today, number.get() - current.get());
            }
            mentioned = number;
        }
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
