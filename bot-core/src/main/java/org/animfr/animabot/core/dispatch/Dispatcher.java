package org.animfr.animabot.core.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.metrics.BotMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every platform hands messages to: reads each one as a command or a question, picks exactly one feature,
 * checks organizer rights, and turns any failure into a friendly reply in the person's language, so that one
 * broken feature never silences the others and a platform never has to. After the answer come the notices'
 * replies, if any. Thread-safe when its features and ports are.
 */
public final class Dispatcher implements MessageHandler {
    /**
     * Longer messages are refused: it bounds the work per message. It is well above what commands take (a project
     * description is at most 1,000 characters), so that someone who pastes a long text is told by the command itself
     * what it takes.
     */
    public static final int MAX_MESSAGE_LENGTH = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final CommandRegistry commands;
    private final CommandParser parser;
    private final QuestionFeature questions;
    private final List<NoticeFeature> notices;
    private final Messages messages;
    private final ChosenLanguages languages;
    private final Organizers organizers;
    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private final BotMetrics metrics;

    /**
     * @param notices what to tell people besides the answers, asked in this order after every message
     * @param zone the network's time zone, in which "now" is read (it may change when the catalog is reloaded)
     */
    public Dispatcher(CommandRegistry commands, Completions known, QuestionFeature questions,
            List<NoticeFeature> notices, Messages messages, ChosenLanguages languages, Organizers organizers,
            Clock clock, Supplier<ZoneId> zone) {
        this(commands, known, questions, notices, messages, languages, organizers, clock, zone, BotMetrics.NONE);
    }

    /** A dispatcher that reports the commands it runs and how long answers take to {@code metrics}. */
    public Dispatcher(CommandRegistry commands, Completions known, QuestionFeature questions,
            List<NoticeFeature> notices, Messages messages, ChosenLanguages languages, Organizers organizers,
            Clock clock, Supplier<ZoneId> zone, BotMetrics metrics) {
        this.metrics = metrics;
        this.commands = commands;
        this.parser = new CommandParser(commands, known);
        this.questions = questions;
        this.notices = List.copyOf(notices);
        this.messages = messages;
        this.languages = languages;
        this.organizers = organizers;
        this.clock = clock;
        this.zone = zone;
    }

    public CommandRegistry commands() {
        return commands;
    }

    @Override
    public CompletionStage<List<Reply>> handle(IncomingMessage message) {
        Optional<Language> chosen = chosenLanguage(message);
        Language language = chosen.or(() -> fromLocale(message.locale())).orElse(Language.FR);
        return safely(message, language, () -> dispatch(message, chosen, language));
    }

    private Optional<Language> chosenLanguage(IncomingMessage message) {
        try {
            return languages.languageOf(message.author().ref());
        } catch (RuntimeException e) {
            LOG.warn("Could not read the language of {}; answering in the default one", message.author().ref(), e);
            return Optional.empty();
        }
    }

    /** The feature's answer, or the friendly error in the person's language when it throws or fails. */
    private CompletionStage<List<Reply>> safely(IncomingMessage message, Language language,
            Supplier<CompletionStage<List<Reply>>> answer) {
        try {
            return answer.get().exceptionally(e -> failed(message, language, e));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(message, language, e));
        }
    }

    private List<Reply> failed(IncomingMessage message, Language language, Throwable error) {
        LOG.warn("A feature failed on a message in {}", message.conversation(), error);
        return List.of(Reply.personal(RichText.plain(messages.get(language, "error.internal"))));
    }

    private CompletionStage<List<Reply>> dispatch(IncomingMessage message, Optional<Language> chosen,
            Language language) {
        Asked asked = asked(message, language);
        if (message.command() != null) {
            Optional<Invocation> invocation = commands.invocation(message.command());
            if (invocation.isEmpty()) {
                return withNotices(asked, Optional.empty(), Replies.personal(
                        messages.get(language, "error.not-available", message.command().command())));
            }
            return run(invocation.get(), asked);
        }
        if (message.text().length() > MAX_MESSAGE_LENGTH) {
            return withNotices(asked, Optional.empty(),
                    Replies.personal(messages.get(language, "error.too-long", MAX_MESSAGE_LENGTH)));
        }
        ParsedMessage parsed = parser.parse(message.text());
        if (parsed instanceof ParsedMessage.Empty) {
            return withNotices(asked, Optional.empty(), Replies.personal(messages.get(language, "error.empty")));
        }
        if (parsed instanceof ParsedMessage.UnknownCommand unknown) {
            return withNotices(asked, Optional.empty(), unknownCommand(language, unknown));
        }
        if (parsed instanceof ParsedMessage.Question question) {
            long started = System.nanoTime();
            return timed("question", started, withNotices(asked, Optional.empty(),
                    safely(message, asked.language(), () -> questions.answerLater(question.text(), asked))));
        }
        ParsedMessage.Command command = (ParsedMessage.Command) parsed;
        if (command.english() && chosen.isEmpty()) {
            return run(command.invocation(), asked.withLanguage(Language.EN));
        }
        return run(command.invocation(), asked);
    }

    private CompletionStage<List<Reply>> run(Invocation invocation, Asked asked) {
        CommandSpec spec = invocation.spec();
        if (spec.organizerOnly() && !asked.organizer()) {
            // the person's own platform:id, ready to hand to whoever configures the bot
            return withNotices(asked, Optional.of(spec), Replies.personal(messages.get(asked.language(),
                    "error.not-organizer", asked.message().author().ref().toString())));
        }
        CommandFeature feature = commands.feature(spec.key()).orElseThrow();
        long started = System.nanoTime();
        metrics.commandRun(spec.key());
        return timed("command", started, withNotices(asked, Optional.of(spec),
                safely(asked.message(), asked.language(), () -> feature.execute(invocation, asked))));
    }

    private CompletionStage<List<Reply>> timed(String kind, long started, CompletionStage<List<Reply>> answer) {
        return answer.whenComplete((replies, error) ->
                metrics.replied(kind, Duration.ofNanos(System.nanoTime() - started)));
    }

    /**
     * The answer, then what the notices add. They are asked once the answer is ready, so that they see what it
     * did (the data an {@code admin recharger} just read); one that throws is left out, the answer stays.
     */
    private CompletionStage<List<Reply>> withNotices(Asked asked, Optional<CommandSpec> command,
            CompletionStage<List<Reply>> answer) {
        return answer.thenApply(replies -> {
            List<Reply> all = new ArrayList<>(replies);
            for (NoticeFeature notice : notices) {
                try {
                    all.addAll(notice.notices(asked, command));
                } catch (RuntimeException e) {
                    LOG.warn("A notice failed after a message in {}", asked.message().conversation(), e);
                }
            }
            return List.copyOf(all);
        });
    }

    private Asked asked(IncomingMessage message, Language language) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone.get()));
        return new Asked(message, language, organizers.isOrganizer(message), now, commands);
    }

    private CompletionStage<List<Reply>> unknownCommand(Language language, ParsedMessage.UnknownCommand unknown) {
        if (unknown.closest().isPresent()) {
            return Replies.personal(messages.get(language, "error.unknown-command.suggest", unknown.word(),
                    unknown.closest().get().typedName(language)));
        }
        return Replies.personal(messages.get(language, "error.unknown-command", unknown.word()));
    }

    private static Optional<Language> fromLocale(Locale locale) {
        return locale == null ? Optional.empty() : Language.parse(locale.getLanguage());
    }
}
