package org.animfr.animabot.core.testing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.animfr.animabot.core.Animabot;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Dispatcher;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.qa.QuestionUnderstanding;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.CatalogFile;
import org.animfr.animabot.core.session.FileReading;
import org.animfr.animabot.core.session.LiveCatalog;

/**
 * The whole core built as the application builds it ({@link Animabot}), on two fake platforms named {@code test}
 * and {@code other}, in-memory ports, the test catalog and a fixed clock. {@code organizer} is the configured
 * organizer. A real adapter under test {@link #join joins} them.
 */
public final class BotFixture {
    public static final Messages MESSAGES = new Messages();
    /** Shared by every fixture: it holds the Lucene index, the costly part of the core. */
    private static final QuestionUnderstanding UNDERSTANDING = new QuestionUnderstanding();

    public final FakeChatPlatform platform = new FakeChatPlatform("test");
    public final FakeChatPlatform other = new FakeChatPlatform("other");
    public final InMemoryRoomLinks links = new InMemoryRoomLinks();
    public final InMemoryLanguagePreferences languages = new InMemoryLanguagePreferences();
    public final ChatPlatforms platforms = new ChatPlatforms(List.of(platform, other));
    public final LiveCatalog catalog;
    public final Animabot core;
    public final Dispatcher bot;

    public BotFixture() {
        this(TestCatalogs.catalog(), TestCatalogs.NOW);
    }

    public BotFixture(Catalog data, String now) {
        this(data, now, Set.of());
    }

    /** The core with more configured organizers. */
    public BotFixture(Catalog data, String now, Set<PersonRef> moreOrganizers) {
        catalog = new LiveCatalog(() -> List.of(new FileReading.Read(
                new CatalogFile("test.yaml", data.network(), data.sessions(), data.faq()))));
        catalog.reload();
        Clock clock = Clock.fixed(OffsetDateTime.parse(now).toInstant(), ZoneOffset.UTC);
        Set<PersonRef> organizers = new HashSet<>(moreOrganizers);
        organizers.add(new PersonRef("test", "organizer"));
        core = new Animabot(new Animabot.Ports(catalog, links, languages, platforms, organizers, clock), MESSAGES,
                UNDERSTANDING);
        bot = core.dispatcher();
        platform.start(bot);
        other.start(bot);
    }

    /** A real adapter under test: it joins the running platforms and starts with the bot; returns it. */
    public <P extends ChatPlatform> P join(P adapter) {
        platforms.add(adapter);
        adapter.start(bot);
        return adapter;
    }

    /** The bot's commands, as an adapter that shows them in its own menus receives them. */
    public List<CommandSpec> commands() {
        return core.commands().specs();
    }

    /** A learner writes in the {@code salon} conversation; returns the text of the replies. */
    public String ask(String text) {
        return say("learner", "salon", text);
    }

    public String say(String person, String conversation, String text) {
        return text(platform.say(person, conversation, text));
    }

    public static String text(List<Reply> replies) {
        return replies.stream().map(Reply::toPlainText).collect(Collectors.joining("\n"));
    }
}
