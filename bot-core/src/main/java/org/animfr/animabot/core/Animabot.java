package org.animfr.animabot.core;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.delivery.Deliveries;
import org.animfr.animabot.core.delivery.Outbox;
import org.animfr.animabot.core.delivery.TimerWork;
import org.animfr.animabot.core.delivery.Timers;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandRegistry;
import org.animfr.animabot.core.dispatch.Completions;
import org.animfr.animabot.core.dispatch.Dispatcher;
import org.animfr.animabot.core.dispatch.HelpCommand;
import org.animfr.animabot.core.dispatch.NoticeFeature;
import org.animfr.animabot.core.dispatch.Organizers;
import org.animfr.animabot.core.dispatch.PrivateAnswers;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.introduce.IntroductionLog;
import org.animfr.animabot.core.introduce.IntroductionRounds;
import org.animfr.animabot.core.introduce.IntroductionWording;
import org.animfr.animabot.core.introduce.MetCommand;
import org.animfr.animabot.core.introduce.RoundCommand;
import org.animfr.animabot.core.introduce.SimilarCommand;
import org.animfr.animabot.core.introduce.SimilarPeople;
import org.animfr.animabot.core.introduce.SimilarProjects;
import org.animfr.animabot.core.introduce.WhoWorksOnQuestion;
import org.animfr.animabot.core.learner.AccountLinking;
import org.animfr.animabot.core.learner.CohortCommand;
import org.animfr.animabot.core.learner.IntroductionsCommand;
import org.animfr.animabot.core.learner.KeywordsCommand;
import org.animfr.animabot.core.learner.LearnerDirectory;
import org.animfr.animabot.core.learner.LinkAccountCommand;
import org.animfr.animabot.core.learner.MyProfileCommand;
import org.animfr.animabot.core.learner.Profiles;
import org.animfr.animabot.core.learner.ProjectCommand;
import org.animfr.animabot.core.learner.TerritoryCommand;
import org.animfr.animabot.core.metrics.BotMetrics;
import org.animfr.animabot.core.person.LanguageCommand;
import org.animfr.animabot.core.person.LanguagePreferences;
import org.animfr.animabot.core.privacy.ForgetMeCommand;
import org.animfr.animabot.core.privacy.MyDataCommand;
import org.animfr.animabot.core.privacy.PersonalData;
import org.animfr.animabot.core.qa.QuestionAnswerer;
import org.animfr.animabot.core.qa.QuestionUnderstanding;
import org.animfr.animabot.core.room.AnnounceCommand;
import org.animfr.animabot.core.room.Announcements;
import org.animfr.animabot.core.room.LinkRoomCommand;
import org.animfr.animabot.core.room.RoomLinking;
import org.animfr.animabot.core.room.RoomLinks;
import org.animfr.animabot.core.room.UnlinkRoomCommand;
import org.animfr.animabot.core.schedule.AutomaticPosts;
import org.animfr.animabot.core.schedule.GatheringEvents;
import org.animfr.animabot.core.schedule.PauseCommand;
import org.animfr.animabot.core.schedule.PreviewCommand;
import org.animfr.animabot.core.schedule.ReminderChoices;
import org.animfr.animabot.core.schedule.RemindersCommand;
import org.animfr.animabot.core.schedule.ResumeCommand;
import org.animfr.animabot.core.schedule.RoomPauses;
import org.animfr.animabot.core.schedule.ScheduleCommand;
import org.animfr.animabot.core.session.DataProblemsNotice;
import org.animfr.animabot.core.session.GatheringTimes;
import org.animfr.animabot.core.session.GatheringsCommand;
import org.animfr.animabot.core.session.LiveCatalog;
import org.animfr.animabot.core.session.PublicLinks;
import org.animfr.animabot.core.session.RegisterCommand;
import org.animfr.animabot.core.session.ReloadCommand;
import org.animfr.animabot.core.session.SessionAnswers;
import org.animfr.animabot.core.session.SessionCommand;
import org.animfr.animabot.core.session.SessionCompletions;
import org.animfr.animabot.core.session.SessionContexts;
import org.animfr.animabot.core.session.SessionsCommand;
import org.animfr.animabot.core.session.StatusCommand;
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
    private final Routines routines;
    private final GatheringEvents gatheringEvents;
    private final Deliveries deliveries;
    private final IntroductionRounds rounds;
    private final Profiles profiles;
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
     * @param learners the learners' profiles, consents and linked accounts
     * @param introductions who was introduced to whom, and the follow-up answers
     * @param followUpDelay how long after an introduction its members are asked whether they could talk
     * @param publicLinks the bot's public page and calendars, which answers link to; {@link PublicLinks#NONE} if none
     * @param metrics where what the bot does is counted; {@link BotMetrics#NONE} if nowhere
     */
    public record Ports(LiveCatalog catalog, RoomLinks links, LanguagePreferences languages, ChatPlatforms platforms,
            Set<PersonRef> organizers, Clock clock, Outbox outbox, Timers timers, RoomPauses pauses,
            ReminderChoices reminders, LearnerDirectory learners, IntroductionLog introductions,
            Duration followUpDelay, PublicLinks publicLinks, BotMetrics metrics) {

        public Ports {
            publicLinks = publicLinks == null ? PublicLinks.NONE : publicLinks;
            metrics = metrics == null ? BotMetrics.NONE : metrics;
        }

        /** The ports of a bot with no public address, counting nothing. */
        public Ports(LiveCatalog catalog, RoomLinks links, LanguagePreferences languages, ChatPlatforms platforms,
                Set<PersonRef> organizers, Clock clock, Outbox outbox, Timers timers, RoomPauses pauses,
                ReminderChoices reminders, LearnerDirectory learners, IntroductionLog introductions,
                Duration followUpDelay) {
            this(catalog, links, languages, platforms, organizers, clock, outbox, timers, pauses, reminders, learners,
                    introductions, followUpDelay, PublicLinks.NONE, BotMetrics.NONE);
        }
    }

    /**
     * @param understanding the question understanding, built once per application (it holds the Lucene index)
     */
    public Animabot(Ports ports, Messages messages, QuestionUnderstanding understanding) {
        SessionAnswers answers = new SessionAnswers(messages, ports.publicLinks());
        SessionContexts sessions = new SessionContexts(ports.catalog(), ports.links());
        this.deliveries = new Deliveries(ports.outbox(), ports.platforms(), ports.timers(), ports.clock(),
                ports.metrics());
        this.announcements = new Announcements(messages, ports.links(), deliveries, ports.timers(), ports.clock());
        this.automaticPosts = new AutomaticPosts(ports.catalog(), ports.links(), ports.pauses(), ports.reminders(),
                ports.outbox(), deliveries, ports.timers(), ports.clock(), messages);
        this.roomLinking = new RoomLinking(ports.catalog(), ports.links());
        this.completions = new SessionCompletions(ports.catalog(), ports.clock());
        PrivateAnswers privately = new PrivateAnswers(ports.platforms(), messages);
        Supplier<ZoneId> zone = () -> ports.catalog().get().network().timezone();
        this.profiles = new Profiles(ports.learners(), ports.clock());
        AccountLinking linking = new AccountLinking(ports.learners(), profiles, ports.clock());
        linking.onMerge((kept, absorbed) -> ports.introductions().move(absorbed, kept));
        SimilarProjects similar = new SimilarProjects(ports.learners(), ports.clock(), zone);
        profiles.onChange(similar::invalidate);
        IntroductionWording introductionWording = new IntroductionWording(messages);
        this.rounds = new IntroductionRounds(ports.learners(), ports.introductions(), ports.outbox(), deliveries,
                ports.timers(), ports.clock(), ports.catalog(), ports.languages(), introductionWording,
                ports.followUpDelay(), ports.metrics());
        SimilarPeople similarPeople = new SimilarPeople(messages, profiles, similar, introductionWording, privately);
        PersonalData personalData = new PersonalData(ports.learners(), ports.introductions(), ports.languages(),
                ports.reminders(), ports.outbox(), ports.timers(), similar);
        this.gatheringEvents = new GatheringEvents(ports.catalog(), ports.links(), ports.platforms(), ports.clock(),
                messages, GatheringTimes.DEFAULT);
        roomLinking.onChange(gatheringEvents::sync);
        this.routines = new Routines(automaticPosts, rounds, gatheringEvents);
        // after "admin recharger", the timers follow the new data at once
        ports.catalog().onChange(routines::replan);
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
                new ProjectCommand(messages, profiles, sessions, privately),
                new KeywordsCommand(messages, profiles, privately),
                new TerritoryCommand(messages, profiles, privately),
                new CohortCommand(messages, answers, profiles, sessions, privately),
                new IntroductionsCommand(messages, profiles, privately),
                new SimilarCommand(similarPeople),
                new MetCommand(messages, profiles, rounds, privately),
                new MyProfileCommand(messages, profiles, ports.catalog(), privately),
                new LinkAccountCommand(messages, linking, privately),
                new MyDataCommand(messages, personalData, ports.catalog(), privately),
                new ForgetMeCommand(messages, personalData, privately),
                new LanguageCommand(messages, ports.languages()),
                new LinkRoomCommand(answers, roomLinking),
                new UnlinkRoomCommand(messages, roomLinking),
                new AnnounceCommand(messages, sessions, announcements),
                new PauseCommand(messages, ports.pauses()),
                new ResumeCommand(messages, ports.pauses()),
                new PreviewCommand(messages, answers, sessions, automaticPosts),
                new RoundCommand(messages, answers, sessions, ports.catalog(), rounds),
                new ReloadCommand(messages, ports.catalog()),
                new StatusCommand(messages, ports.catalog(), ports.platforms()));
        this.commands = new CommandRegistry(features);
        // What the bot tells people besides its answers, in this order after each message.
        List<NoticeFeature> notices = List.of(new DataProblemsNotice(messages, ports.catalog()));
        this.dispatcher = new Dispatcher(commands, completions, new WhoWorksOnQuestion(
                new QuestionAnswerer(understanding, answers, sessions, ports.metrics()), similarPeople),
                notices, messages,
                ports.languages(), new Organizers(ports.organizers()), ports.clock(),
                () -> ports.catalog().get().network().timezone(), ports.metrics());
    }

    /** Keeps the gatherings in the spaces' own calendars (Discord's scheduled events). */
    public GatheringEvents gatheringEvents() {
        return gatheringEvents;
    }

    /** Sending on the bot's own: the application takes over, once a second, what other instances handed over. */
    public Deliveries deliveries() {
        return deliveries;
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

    /** The posts on schedule. */
    public AutomaticPosts automaticPosts() {
        return automaticPosts;
    }

    /** What durable timers call when they fire: posts on schedule, introductions' follow-ups. */
    public TimerWork timerWork() {
        return routines;
    }

    /** Introduction rounds, for any trigger. */
    public IntroductionRounds introductionRounds() {
        return rounds;
    }

    /** The learners' profiles, for any trigger (a form, a web page). */
    public Profiles profiles() {
        return profiles;
    }

    /** Linking rooms to sessions. */
    public RoomLinking roomLinking() {
        return roomLinking;
    }
}
