package org.animfr.animabot.core;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.delivery.Deliveries;
import org.animfr.animabot.core.delivery.Outbox;
import org.animfr.animabot.core.delivery.Timers;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandRegistry;
import org.animfr.animabot.core.dispatch.Completions;
import org.animfr.animabot.core.dispatch.Dispatcher;
import org.animfr.animabot.core.dispatch.HelpCommand;
import org.animfr.animabot.core.dispatch.Organizers;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.person.LanguageCommand;
import org.animfr.animabot.core.person.LanguagePreferences;
import org.animfr.animabot.core.qa.QuestionAnswerer;
import org.animfr.animabot.core.qa.QuestionUnderstanding;
import org.animfr.animabot.core.room.AnnounceCommand;
import org.animfr.animabot.core.room.Announcements;
import org.animfr.animabot.core.room.LinkRoomCommand;
import org.animfr.animabot.core.room.RoomLinking;
import org.animfr.animabot.core.room.RoomLinks;
import org.animfr.animabot.core.room.UnlinkRoomCommand;
import org.animfr.animabot.core.schedule.AutomaticPosts;
import org.animfr.animabot.core.schedule.PauseCommand;
import org.animfr.animabot.core.schedule.PreviewCommand;
import org.animfr.animabot.core.schedule.ReminderChoices;
import org.animfr.animabot.core.schedule.RemindersCommand;
import org.animfr.animabot.core.schedule.ResumeCommand;
import org.animfr.animabot.core.schedule.RoomPauses;
import org.animfr.animabot.core.schedule.ScheduleCommand;
import org.animfr.animabot.core.session.GatheringsCommand;
import org.animfr.animabot.core.session.LiveCatalog;
import org.animfr.animabot.core.session.RegisterCommand;
import org.animfr.animabot.core.session.ReloadCommand;
import org.animfr.animabot.core.session.SessionAnswers;
import org.animfr.animabot.core.session.SessionCommand;
import org.animfr.animabot.core.session.SessionCompletions;
import org.animfr.animabot.core.session.SessionContexts;
import org.animfr.animabot.core.session.SessionsCommand;
import org.animfr.animabot.core.session.WeekCommand;

/**
 * The bot's core, put together from its ports: the use cases, the one list of commands, and the dispatcher that
 * every platform hands messages to. The application and the tests build the core only through here, so they
 * cannot drift apart. Thread-safe once built.
 */
public final class Animabot {
    private final Announcements announcements;
    private final AutomaticPosts automaticPosts;
    private final RoomLinking roomLinking;
    private final CommandRegistry commands;
    private final Completions completions;
    private final Dispatcher dispatcher;

    /**
     * What the core needs from the outside world.
     *
     * @param catalog the organizers' data in force
     * @param links the rooms' sessions
     * @param languages the people's chosen languages
     * @param platforms the running platforms, to post to (platforms join it as they start)
     * @param organizers the people configured as organizers, besides those their platform marks
     * @param clock the time
     * @param outbox the durable record of what the bot sends on its own
     * @param timers durable timers (posts on schedule, retries)
     * @param pauses rooms whose automatic posts are paused
     * @param reminders learners who asked for reminders by direct message
     */
    public record Ports(LiveCatalog catalog, RoomLinks links, LanguagePreferences languages, ChatPlatforms platforms,
            Set<PersonRef> organizers, Clock clock, Outbox outbox, Timers timers, RoomPauses pauses,
            ReminderChoices reminders) {}

    /**
     * @param understanding the question understanding, built once per application (it holds the Lucene index)
     */
    public Animabot(Ports ports, Messages messages, QuestionUnderstanding understanding) {
        SessionAnswers answers = new SessionAnswers(messages);
        SessionContexts sessions = new SessionContexts(ports.catalog(), ports.links());
        Deliveries deliveries = new Deliveries(ports.outbox(), ports.platforms(), ports.timers(), ports.clock());
        this.announcements = new Announcements(messages, ports.links(), deliveries, ports.timers(), ports.clock());
        this.automaticPosts = new AutomaticPosts(ports.catalog(), ports.links(), ports.pauses(), ports.reminders(),
                ports.outbox(), deliveries, ports.timers(), ports.clock(), messages);
        // after "admin recharger", the timers follow the new data at once
        ports.catalog().onChange(automaticPosts::replan);
        this.roomLinking = new RoomLinking(ports.catalog(), ports.links());
        this.completions = new SessionCompletions(ports.catalog(), ports.clock());
        // The one list of commands, in the order help shows them: a new command is one more line here.
        List<CommandFeature> features = List.of(
                new HelpCommand(messages),
                new SessionsCommand(answers, sessions),
                new SessionCommand(answers, sessions),
                new GatheringsCommand(answers, sessions),
                new WeekCommand(answers, sessions),
                new RegisterCommand(answers, sessions),
                new ScheduleCommand(messages, sessions, automaticPosts, ports.pauses(), ports.reminders()),
                new RemindersCommand(messages, answers, sessions, ports.reminders()),
                new LanguageCommand(messages, ports.languages()),
                new LinkRoomCommand(answers, roomLinking),
                new UnlinkRoomCommand(messages, roomLinking),
                new AnnounceCommand(messages, sessions, announcements),
                new PauseCommand(messages, ports.pauses()),
                new ResumeCommand(messages, ports.pauses()),
                new PreviewCommand(messages, answers, sessions, automaticPosts),
                new ReloadCommand(messages, ports.catalog()));
        this.commands = new CommandRegistry(features);
        this.dispatcher = new Dispatcher(commands, completions, new QuestionAnswerer(understanding, answers, sessions),
                messages,
                ports.languages(), new Organizers(ports.organizers()), ports.clock(),
                () -> ports.catalog().get().network().timezone());
    }

    /** What platforms hand messages to. */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** The commands, for platforms that show them in their own menus (Discord's slash commands). */
    public CommandRegistry commands() {
        return commands;
    }

    /** Suggestions for the commands' parameters while people type them. */
    public Completions completions() {
        return completions;
    }

    /** Posting to every room of a session. */
    public Announcements announcements() {
        return announcements;
    }

    /** The posts on schedule, and what durable timers call when they fire. */
    public AutomaticPosts automaticPosts() {
        return automaticPosts;
    }

    /** Linking rooms to sessions. */
    public RoomLinking roomLinking() {
        return roomLinking;
    }
}
