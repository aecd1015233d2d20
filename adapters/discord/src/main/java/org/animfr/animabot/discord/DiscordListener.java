package org.animfr.animabot.discord;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.RecentIds;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Discord's events to the core: slash commands, autocomplete, follow-up buttons, and messages that mention
 * the bot or are sent to it directly. Events Discord sends again (after a resume) are answered once.
 */
final class DiscordListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordListener.class);
    private static final int REMEMBERED_EVENTS = 10_000;

    private final MessageHandler handler;
    private final SlashCommands slashCommands;
    private final String organizerRole;
    private final Messages messages;
    private final RecentIds recent = new RecentIds(REMEMBERED_EVENTS);
    /** One thread: messages are answered in the order they came, off JDA's event thread. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DiscordChatPlatform.daemon("discord-bot"));

    DiscordListener(MessageHandler handler, SlashCommands slashCommands, String organizerRole, Messages messages) {
        this.handler = handler;
        this.slashCommands = slashCommands;
        this.organizerRole = organizerRole;
        this.messages = messages;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!recent.firstTime(event.getId())) {
            return;
        }
        String text = SlashCommands.toText(event.getName(), event.getSubcommandName(),
                SlashCommands.OptionLookup.of(event::getOption), isEnglish(event.getUserLocale()));
        IncomingMessage message = message(event.getChannelId(), event.getId(), event.getUser(), event.getMember(),
                text, !event.isFromGuild());
        boolean slow = event.getName().equals(SlashCommands.ADMIN);
        if (slow) {
            // an announcement can take longer than the 3 seconds Discord waits for an answer
            event.deferReply(true).queue();
            worker.execute(() -> answerLater(event, message));
        } else {
            answer(event, handle(message));
        }
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        try {
            event.replyChoices(slashCommands.complete(event.getFocusedOption().getName(),
                    event.getFocusedOption().getValue(), SlashCommands.OptionLookup.of(event::getOption))).queue();
        } catch (RuntimeException e) {
            LOG.warn("Autocomplete failed for /{}", event.getName(), e);
            event.replyChoices(List.of()).queue();
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        if (!id.startsWith(DiscordMessageMapper.FOLLOW_UP_PREFIX) || !recent.firstTime(event.getId())) {
            return;
        }
        String command = "/" + id.substring(DiscordMessageMapper.FOLLOW_UP_PREFIX.length());
        IncomingMessage message = message(event.getChannelId(), event.getId(), event.getUser(), event.getMember(),
                command, !event.isFromGuild());
        List<Reply> replies = handle(message).stream()
                .map(r -> new Reply(r.body(), Reply.Visibility.PERSONAL, r.title(), r.followUps())).toList();
        answer(event, replies);
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
        IncomingMessage message = message(event.getChannel().getId(), received.getId(), author, event.getMember(),
                text, direct);
        worker.execute(() -> {
            for (Reply reply : handle(message)) {
                for (MessageCreateData part : DiscordMessageMapper.messages(reply)) {
                    received.reply(part).mentionRepliedUser(false).queue(null,
                            error -> LOG.warn("Could not answer a message in {}", event.getChannel().getId(), error));
                }
            }
        });
    }

    private IncomingMessage message(String channelId, String eventId, User user, Member member, String text,
            boolean direct) {
        MessageRef ref = new MessageRef(new ConversationRef(DiscordChatPlatform.NAME, channelId), eventId, null);
        String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
        return new IncomingMessage(ref, new Person(new PersonRef(DiscordChatPlatform.NAME, user.getId()), name), text,
                direct, isOrganizer(member), Instant.now());
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

    private List<Reply> handle(IncomingMessage message) {
        try {
            return handler.handle(message);
        } catch (RuntimeException e) {
            LOG.warn("The bot failed on a Discord message in {}", message.conversation(), e);
            return List.of(Reply.personal(org.animfr.animabot.core.chat.RichText.plain(
                    messages.get(Language.FR, "error.internal"))));
        }
    }

    private void answer(IReplyCallback event, List<Reply> replies) {
        boolean first = true;
        for (Reply reply : replies) {
            boolean ephemeral = reply.visibility() == Reply.Visibility.PERSONAL;
            for (MessageCreateData part : DiscordMessageMapper.messages(reply)) {
                if (first) {
                    event.reply(part).setEphemeral(ephemeral).queue();
                    first = false;
                } else {
                    event.getHook().sendMessage(part).setEphemeral(ephemeral).queue();
                }
            }
        }
    }

    private void answerLater(SlashCommandInteractionEvent event, IncomingMessage message) {
        for (Reply reply : handle(message)) {
            for (MessageCreateData part : DiscordMessageMapper.messages(reply)) {
                event.getHook().sendMessage(part).setEphemeral(true).queue();
            }
        }
    }

    private static boolean isEnglish(DiscordLocale locale) {
        return locale != null && locale.getLocale().startsWith("en");
    }
}
