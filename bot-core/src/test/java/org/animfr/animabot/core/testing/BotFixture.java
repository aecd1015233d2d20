package org.animfr.animabot.core.testing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.command.Bot;
import org.animfr.animabot.core.command.HelpCommand;
import org.animfr.animabot.core.command.LanguageCommand;
import org.animfr.animabot.core.command.Organizers;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.qa.QuestionAnswerer;
import org.animfr.animabot.core.room.AnnounceCommand;
import org.animfr.animabot.core.room.LinkRoomCommand;
import org.animfr.animabot.core.room.UnlinkRoomCommand;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.CatalogFile;
import org.animfr.animabot.core.session.FileReading;
import org.animfr.animabot.core.session.GatheringsCommand;
import org.animfr.animabot.core.session.LiveCatalog;
import org.animfr.animabot.core.session.RegisterCommand;
import org.animfr.animabot.core.session.ReloadCommand;
import org.animfr.animabot.core.session.SessionAnswers;
import org.animfr.animabot.core.session.SessionCommand;
import org.animfr.animabot.core.session.SessionsCommand;
import org.animfr.animabot.core.session.WeekCommand;

/**
 * The whole core wired as the application wires it, on a fake platform named {@code test}, in-memory ports,
 * the test catalog and a fixed clock. {@code organizer} is the configured organizer.
 */
public final class BotFixture {
    public static final Messages MESSAGES = new Messages();
    private static final QuestionAnswerer SHARED_ANSWERER = new QuestionAnswerer(new SessionAnswers(MESSAGES));

    public final FakeChatPlatform platform = new FakeChatPlatform("test");
    public final FakeChatPlatform other = new FakeChatPlatform("other");
    public final InMemoryRoomLinks links = new InMemoryRoomLinks();
    public final InMemoryLanguagePreferences languages = new InMemoryLanguagePreferences();
    public final LiveCatalog catalog;
    public final Bot bot;

    public BotFixture() {
        this(TestCatalogs.catalog(), TestCatalogs.NOW);
    }

    public BotFixture(Catalog data, String now) {
        this(data, now, List.of(), Set.of());
    }

    /**
     * The core on the two fake platforms plus {@code extra} ones (a real adapter under test), with more
     * configured organizers.
     */
    public BotFixture(Catalog data, String now, List<ChatPlatform> extra, Set<PersonRef> moreOrganizers) {
        catalog = new LiveCatalog(() -> List.of(new FileReading.Read(
                new CatalogFile("test.yaml", data.network(), data.sessions(), data.faq()))));
        catalog.reload();
        Clock clock = Clock.fixed(OffsetDateTime.parse(now).toInstant(), ZoneOffset.UTC);
        SessionAnswers answers = new SessionAnswers(MESSAGES);
        List<ChatPlatform> all = new java.util.ArrayList<>(List.of(platform, other));
        all.addAll(extra);
        ChatPlatforms platforms = new ChatPlatforms(all);
        Set<PersonRef> organizers = new java.util.HashSet<>(moreOrganizers);
        organizers.add(new PersonRef("test", "organizer"));
        bot = new Bot(List.of(
                new HelpCommand(MESSAGES), new SessionsCommand(answers), new SessionCommand(answers),
                new GatheringsCommand(answers), new WeekCommand(answers), new RegisterCommand(answers),
                new LanguageCommand(MESSAGES, languages), new LinkRoomCommand(answers, links),
                new UnlinkRoomCommand(MESSAGES, links), new AnnounceCommand(MESSAGES, links, platforms),
                new ReloadCommand(MESSAGES, catalog)),
                SHARED_ANSWERER, MESSAGES, catalog, links, languages,
                new Organizers(organizers), clock);
        platform.start(bot);
        other.start(bot);
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
