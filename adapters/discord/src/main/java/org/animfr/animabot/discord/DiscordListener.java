package org.animfr.animabot.discord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
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
 * mention the bot or are sent to it directly as text. A reply that asks for a longer text answers a slash command or
 * a button with a modal. Events Discord sends again (after a resume) are answered once. Two instances of the
 * bot on one token both receive every event: a reply to a message carries a nonce derived from that message, so
 * Discord keeps one; an interaction is answered by the instance whose response Discord took first, the other stops.
 */
final class DiscordListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordListener.class);
    private static final int REMEMBERED_EVENTS = 10_000;

    private final MessageHandler handler;
    private final SlashCommands slashCommands;
    private final String organizerRole;
    private final RecentIds recent = new RecentIds(REMEMBERED_EVENTS);
    /** One thread: messages are answered in the order they came, off JDA's event thread. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("discord-bot"));

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
        if (event.getName().equals(SlashCommands.ADMIN)) {
            // organizer commands may take long (a reload reads files, an announcement waits for every room):
            // acknowledged privately at once, answered when done, by the instance whose acknowledgement Discord took
            CompletableFuture<?> acknowledged = defer(event);
            worker.execute(() -> handle(message).thenAcceptBoth(acknowledged,
                    (replies, ours) -> followUp(event, replies)));
        } else {
            answer(event, handle(message));
        }
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        try {
            event.replyChoices(slashCommands.complete(event.getName(), event.getSubcommandName(),
                    event.getFocusedOption().getName(), event.getFocusedOption().getValue(), event::getOption))
                    .queue(null, error -> refused(event, error));
        } catch (RuntimeException e) {
            LOG.warn("Autocomplete failed for /{}", event.getName(), e);
            event.replyChoices(List.of()).queue(null, error -> refused(event, error));
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
        answer(event, handle(message).thenApply(DiscordListener::personal));
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
        answer(event, handle(message).thenApply(DiscordListener::personal));
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
        boolean mentioned = received.getMentions().isMentioned(self, Message.MentionType.USER);
        if (!direct && !mentioned) {
            return;
        }
        if (!recent.firstTime(received.getId())) {
            return;
        }
        String text = received.getContentRaw().replace("<@" + self.getId() + ">", " ")
                .replace("<@!" + self.getId() + ">", " ").strip();
        IncomingMessage message = new IncomingMessage(ref(event.getChannel().getId(), received.getId()),
                person(author, event.getMember()), text, direct, isOrganizer(event.getMember()), Instant.now());
        worker.execute(() -> handle(message).thenAccept(replies -> {
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

    /**
     * Answers an interaction: at once when the answer is ready (Discord waits three seconds for it); otherwise it
     * acknowledges privately and follows up when the answer comes. The parts after the first follow only once
     * Discord took the first as the interaction's response: another instance of the bot may have answered it.
     * A reply asking for a longer text is shown as a modal where the interaction can open one (a slash command or a
     * button answered at once: Discord allows no modal after an acknowledgement, nor in answer to a modal); its
     * other replies are then left out, the modal being the answer. Elsewhere the reply's text says what to type.
     */
    private void answer(IReplyCallback event, CompletionStage<List<Reply>> answer) {
        CompletableFuture<List<Reply>> replies = answer.toCompletableFuture();
        if (!replies.isDone()) {
            CompletableFuture<?> acknowledged = defer(event);
            replies.thenAcceptBoth(acknowledged, (later, ours) -> followUp(event, later));
            return;
        }
        if (event instanceof IModalCallback modalCallback) {
            Optional<Modal> modal = replies.join().stream().filter(r -> r.form() != null).findFirst()
                    .flatMap(r -> DiscordForms.modal(r.form()));
            if (modal.isPresent()) {
                modalCallback.replyModal(modal.get()).queue(null, error -> refused(event, error));
                return;
            }
        }
        List<Part> parts = new ArrayList<>();
        for (Reply reply : replies.join()) {
            boolean ephemeral = reply.visibility() == Reply.Visibility.PERSONAL;
            DiscordMessageMapper.messages(reply).forEach(part -> parts.add(new Part(part, ephemeral)));
        }
        if (parts.isEmpty()) {
            return;
        }
        event.reply(parts.get(0).message()).setEphemeral(parts.get(0).ephemeral()).queue(
                ours -> parts.subList(1, parts.size()).forEach(part ->
                        event.getHook().sendMessage(part.message()).setEphemeral(part.ephemeral()).queue()),
                error -> refused(event, error));
    }

    /** One message of an interaction's answer, and whether only the person who asked sees it. */
    private record Part(MessageCreateData message, boolean ephemeral) {}

    /**
     * Acknowledges the interaction privately; the future completes once Discord took our acknowledgement, and fails
     * when it did not (another instance of the bot acknowledged it first, or we were too late).
     */
    private static CompletableFuture<?> defer(IReplyCallback event) {
        CompletableFuture<?> acknowledged = event.deferReply(true).submit();
        acknowledged.whenComplete((ours, error) -> {
            if (error != null) {
                refused(event, error);
            }
        });
        return acknowledged;
    }

    /**
     * Discord refused our response to an interaction. Refused as already acknowledged, it was answered by another
     * instance of the bot on the same token (each receives every interaction): expected, so only a debug line.
     * Any other refusal is logged as JDA logs a failed request.
     */
    private static void refused(Interaction event, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ErrorResponseException refused
                && refused.getErrorResponse() == ErrorResponse.INTERACTION_ALREADY_ACKNOWLEDGED) {
            LOG.debug("Interaction {} in {} answered by another instance of the bot", event.getId(),
                    event.getChannelId());
        } else {
            RestAction.getDefaultFailure().accept(cause);
        }
    }

    private static void followUp(IReplyCallback event, List<Reply> replies) {
        for (Reply reply : replies) {
            for (MessageCreateData part : DiscordMessageMapper.messages(reply)) {
                event.getHook().sendMessage(part).setEphemeral(true).queue();
            }
        }
    }

    private static Locale locale(DiscordLocale locale) {
        return locale == null || locale == DiscordLocale.UNKNOWN ? null : Locale.forLanguageTag(locale.getLocale());
    }

    void stop() {
        worker.shutdown();
    }
}
