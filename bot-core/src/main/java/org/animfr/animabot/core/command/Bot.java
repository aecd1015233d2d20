package org.animfr.animabot.core.command;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.room.LanguagePreferences;
import org.animfr.animabot.core.room.RoomLinks;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Session;

/**
 * The dispatcher: parses each message, picks exactly one feature (a command, or the question answerer), and
 * turns any failure into a friendly reply, so that one broken feature never silences the others.
 * Thread-safe when its features and ports are.
 */
public final class Bot implements MessageHandler {
    /** Longer messages are refused: nobody types that much to a bot, and it bounds the work per message. */
    public static final int MAX_MESSAGE_LENGTH = 4000;

    private static final Logger LOG = Logger.getLogger(Bot.class.getName());

    private final CommandParser parser = new CommandParser();
    private final Map<CommandName, CommandFeature> commands = new EnumMap<>(CommandName.class);
    private final QuestionFeature questions;
    private final Messages messages;
    private final Supplier<Catalog> catalog;
    private final RoomLinks links;
    private final LanguagePreferences languages;
    private final Organizers organizers;
    private final Clock clock;

    public Bot(List<CommandFeature> features, QuestionFeature questions, Messages messages,
            Supplier<Catalog> catalog, RoomLinks links, LanguagePreferences languages, Organizers organizers,
            Clock clock) {
        for (CommandFeature feature : features) {
            if (commands.put(feature.command(), feature) != null) {
                throw new IllegalArgumentException("Two features for " + feature.command());
            }
        }
        this.questions = questions;
        this.messages = messages;
        this.catalog = catalog;
        this.links = links;
        this.languages = languages;
        this.organizers = organizers;
        this.clock = clock;
    }

    @Override
    public List<Reply> handle(IncomingMessage message) {
        Optional<Language> chosen = Optional.empty();
        Language language = Language.FR;
        try {
            chosen = languages.languageOf(message.author().ref());
            language = chosen.orElse(Language.FR);
            return dispatch(message, chosen, language);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Feature failed on a message in " + message.conversation(), e);
            return List.of(Reply.personal(RichText.plain(messages.get(language, "error.internal"))));
        }
    }

    private List<Reply> dispatch(IncomingMessage message, Optional<Language> chosen, Language language) {
        if (message.text().length() > MAX_MESSAGE_LENGTH) {
            return personal(language, "error.too-long", MAX_MESSAGE_LENGTH);
        }
        ParsedMessage parsed = parser.parse(message.text());
        if (parsed instanceof ParsedMessage.Empty) {
            return personal(language, "error.empty");
        }
        if (parsed instanceof ParsedMessage.UnknownCommand unknown) {
            return unknownCommand(language, unknown);
        }
        Asked asked = asked(message, language);
        if (parsed instanceof ParsedMessage.Question question) {
            return questions.answer(question.text(), asked);
        }
        ParsedMessage.Command command = (ParsedMessage.Command) parsed;
        if (command.english() && chosen.isEmpty()) {
            asked = asked.withLanguage(Language.EN);
        }
        if (command.name().admin() && !asked.organizer()) {
            return personal(asked.language(), "error.not-organizer");
        }
        CommandFeature feature = commands.get(command.name());
        if (feature == null) {
            return personal(asked.language(), "error.not-available", command.name().frenchName());
        }
        return feature.execute(command, asked);
    }

    private Asked asked(IncomingMessage message, Language language) {
        Catalog current = catalog.get();
        Optional<Session> linked = links.sessionOf(message.conversation()).flatMap(current::byId);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(current.network().timezone()));
        return new Asked(message, language, organizers.isOrganizer(message), linked, current, now);
    }

    private List<Reply> unknownCommand(Language language, ParsedMessage.UnknownCommand unknown) {
        if (unknown.closest().isPresent()) {
            CommandName closest = unknown.closest().get();
            String word = (closest.admin() ? "admin " : "")
                    + (language == Language.EN ? closest.englishName() : closest.frenchName());
            return personal(language, "error.unknown-command.suggest", unknown.word(), word);
        }
        return personal(language, "error.unknown-command", unknown.word());
    }

    private List<Reply> personal(Language language, String key, Object... args) {
        return List.of(Reply.personal(RichText.plain(messages.get(language, key, args))));
    }
}
