package org.animfr.animabot.discord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.spi.DaemonThreads;
import org.animfr.animabot.core.chat.spi.RecentIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Discord's events to the core: slash commands, follow-up buttons and submitted forms (modals) as already
 * parsed commands with the person's Discord language, autocomplete from the commands' parameters, and messages that
 * mention the bot (or the role Discord made for it) or are sent to it directly as text. Answers are made on worker
 * threads, never on JDA's event thread, and interactions are acknowledged in time ({@link InteractionAnswers}). A
 * reply that asks for a longer text answers a slash command or a button with a modal. Events Discord sends again (after a resume) are answered once. Two instances of the
 * bot on one token both receive every event: a reply to a message carries a nonce derived from that message, so
 * Discord keeps one; an interaction is answered by the instance whose response Discord took first, the other stops.
 */
final class DiscordListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordListener.class);
    private static final int REMEMBERED_EVENTS = 10_000;
    private static final int WORKERS = 8;

    private final MessageHandler handler;
    private final SlashCommands slashCommands;
    private final String organizerRole;
    private final RecentIds recent = new RecentIds(REMEMBERED_EVENTS);
    /**
     * Where answers are made and sent, never on JDA's event thread: there a slow answer would hold every other event,
     * and an interaction could not be acknowledged in time. Several threads, so that one slow answer does not hold
     * the others either; a bounded number, so that a flood of events queues instead of starting threads without end.
     */
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, DaemonThreads.named("discord-bot"));
    private final InteractionAnswers answers = new InteractionAnswers();

    DiscordListener(MessageHandler handler, SlashCommands slashCommands, String organizerRole) {
        this.handler = handler;
        this.slashCommands = slashCommands;
        this.organizerRole = organizerRole;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!recent.firstTime(event.getId())) {
            return;
        }
        Optional<CommandCall> call = slashCommands.call(event.getName(), event.getSubcommandName(), event::getOption);
        MessageRef ref = ref(event.getChannelId(), event.getId());
        Person person = person(event.getUser(), event.getMember());
        Locale locale = locale(event.getUserLocale());
        IncomingMessage message = call
                .map(c -> IncomingMessage.command(ref, person, c, !event.isFromGuild(), isOrganizer(event.getMember()),
                        Instant.now(), locale))
                .orElseGet(() -> new IncomingMessage(ref, person,
                        Optional.ofNullable(event.getOption(SlashCommands.TEXT)).map(o -> o.getAsString()).orElse(""),
                        !event.isFromGuild(), isOrganizer(event.getMember()), Instant.now(), null, locale));
        // organizer commands may take long (a reload reads files, an announcement waits for every room):
        // acknowledged privately at once, answered when done
        Duration grace = event.getName().equals(SlashCommands.ADMIN) ? Duration.ZERO : InteractionAnswers.GRACE;
        answers.answer(event, handleAside(message), grace);
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        // suggestions come from the core too: off JDA's event thread, like every answer
        workers.execute(() -> complete(event));
    }

    private void complete(CommandAutoCompleteInteractionEvent event) {
        try {
            event.replyChoices(slashCommands.complete(event.getName(), event.getSubcommandName(),
                    event.getFocusedOption().getName(), event.getFocusedOption().getValue(), event::getOption))
                    .queue(null, error -> InteractionAnswers.refused(event, error));
        } catch (RuntimeException e) {
            LOG.warn("Autocomplete failed for /{}", event.getName(), e);
            event.replyChoices(List.of()).queue(null, error -> InteractionAnswers.refused(event, error));
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        if (!id.startsWith(DiscordMessageMapper.FOLLOW_UP_PREFIX) || !recent.firstTime(event.getId())) {
            return;
        }
        String carried = id.substring(DiscordMessageMapper.FOLLOW_UP_PREFIX.length());
        MessageRef ref = ref(event.getChannelId(), event.getId());
        Person person = person(event.getUser(), event.getMember());
        boolean direct = !event.isFromGuild();
        boolean organizer = isOrganizer(event.getMember());
        Locale locale = locale(event.getUserLocale());
        // buttons posted by versions before language-neutral ids carry the command as French text
        IncomingMessage message = CommandCall.fromId(carried)
                .map(call -> IncomingMessage.command(ref, person, call, direct, organizer, Instant.now(), locale))
                .orElseGet(() -> new IncomingMessage(ref, person, "/" + carried, direct, organizer, Instant.now(),
                        null, locale));
        // a button's answer concerns whoever clicked, not the whole channel
        answers.answer(event, handleAside(message).thenApply(DiscordListener::personal), InteractionAnswers.GRACE);
    }

    /** A form the bot showed was sent: its text goes to the command and parameter the form's id names. */
    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        Optional<CommandCall> call = DiscordForms.call(event.getModalId(), id -> {
            ModalMapping value = event.getValue(id);
            return value == null ? null : value.getAsString();
        });
        if (call.isEmpty() || !recent.firstTime(event.getId())) {
            return;
        }
        IncomingMessage message = IncomingMessage.command(ref(event.getChannelId(), event.getId()),
                person(event.getUser(), event.getMember()), call.get(), !event.isFromGuild(),
                isOrganizer(event.getMember()), Instant.now(), locale(event.getUserLocale()));
        answers.answer(event, handleAside(message).thenApply(DiscordListener::personal), InteractionAnswers.GRACE);
    }

    /** The same replies for the asker alone, with all they carry. */
    private static List<Reply> personal(List<Reply> replies) {
        return replies.stream().map(r -> new Reply(r.body(), Reply.Visibility.PERSONAL, r.title(), r.followUps(),
                r.attachment(), r.form())).toList();
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        User author = event.getAuthor();
        if (author.isBot() || author.isSystem() || event.isWebhookMessage()) {
            return;
        }
        Message received = event.getMessage();
        boolean direct = !event.isFromGuild();
        User self = event.getJDA().getSelfUser();
        Optional<Role> ownRole = received.getMentions().getRoles().stream().filter(role -> isOwnRole(role, self))
                .findFirst();
        boolean mentioned = received.getMentions().isMentioned(self, Message.MentionType.USER) || ownRole.isPresent();
        if (!direct && !mentioned) {
            return;
        }
        if (!recent.firstTime(received.getId())) {
            return;
        }
        String text = received.getContentRaw().replace("<@" + self.getId() + ">", " ")
                .replace("<@!" + self.getId() + ">", " ");
        if (ownRole.isPresent()) {
            text = text.replace(ownRole.get().getAsMention(), " ");
        }
        text = text.strip();
        IncomingMessage message = new IncomingMessage(ref(event.getChannel().getId(), received.getId()),
                person(author, event.getMember()), text, direct, isOrganizer(event.getMember()), Instant.now());
        workers.execute(() -> handle(message).thenAccept(replies -> {
            for (int r = 0; r < replies.size(); r++) {
                List<MessageCreateData> parts = DiscordMessageMapper.messages(replies.get(r));
                for (int p = 0; p < parts.size(); p++) {
                    // the nonce comes from the message answered: another instance of the bot answering it too gets
                    // this reply back from Discord instead of posting a second one
                    received.reply(parts.get(p)).mentionRepliedUser(false)
                            .setNonce(DiscordChatPlatform.nonce(message.ref().replyKey(r), p))
                            .queue(null, error -> LOG.warn("Could not answer a message in {}",
                                    event.getChannel().getId(), error));
                }
            }
        }));
    }

    /**
     * The role Discord made for the bot when it joined the server: mentioning it is mentioning the bot, and Discord's
     * autocomplete offers it next to the bot itself under the same name.
     */
    private static boolean isOwnRole(Role role, User self) {
        return role.isManaged() && role.getTags().getBotIdLong() == self.getIdLong();
    }

    private static MessageRef ref(String channelId, String eventId) {
        return new MessageRef(new ConversationRef(DiscordChatPlatform.NAME, channelId), eventId, null);
    }

    private static Person person(User user, Member member) {
        String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
        return new Person(new PersonRef(DiscordChatPlatform.NAME, user.getId()), name, user.getName());
    }

    /** Manage Server, or the configured organizers' role; configured ids are checked by the core. */
    private boolean isOrganizer(Member member) {
        if (member == null) {
            return false;
        }
        if (member.hasPermission(Permission.MANAGE_SERVER)) {
            return true;
        }
        return organizerRole != null
                && member.getRoles().stream().anyMatch(role -> role.getName().equalsIgnoreCase(organizerRole));
    }

    /** The answer, made on one of the workers: the caller's thread (JDA's event thread) goes on at once. */
    private CompletableFuture<List<Reply>> handleAside(IncomingMessage message) {
        return CompletableFuture.supplyAsync(() -> handle(message), workers).thenCompose(answer -> answer);
    }

    /** The core never fails; a handler that does anyway is logged, and the person gets no answer to that event. */
    private CompletionStage<List<Reply>> handle(IncomingMessage message) {
        try {
            return handler.handle(message).exceptionally(error -> {
                LOG.warn("The bot failed on a Discord message in {}", message.conversation(), error);
                return List.of();
            });
        } catch (RuntimeException e) {
            LOG.warn("The bot failed on a Discord message in {}", message.conversation(), e);
            return CompletableFuture.completedFuture(List.of());
        }
    }

    private static Locale locale(DiscordLocale locale) {
        return locale == null || locale == DiscordLocale.UNKNOWN ? null : Locale.forLanguageTag(locale.getLocale());
    }

    void stop() {
        workers.shutdown();
        answers.stop();
    }
}
