package org.animfr.animabot.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.DeliveryException;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on Discord through JDA. Connects in the background and keeps retrying with backoff, so a wrong token
 * or an outage never stops the other platforms. The bot's own posts and direct messages are paced under
 * Discord's global limit; JDA follows each route's rate-limit bucket and retries 429s, so none is lost.
 */
public final class DiscordChatPlatform implements ChatPlatform {
    public static final String NAME = "discord";

    private static final Logger LOG = LoggerFactory.getLogger(DiscordChatPlatform.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    private final DiscordSettings settings;
    private final Messages messages;
    private final SlashCommands slashCommands;
    private final Pacer pacer;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(daemon("discord-send"));
    private volatile JDA jda;
    private volatile boolean stopped;
    private Thread connector;

    public DiscordChatPlatform(DiscordSettings settings, Messages messages, Supplier<Catalog> catalog, Clock clock) {
        this.settings = settings;
        this.messages = messages;
        this.slashCommands = new SlashCommands(messages, catalog, clock);
        this.pacer = new Pacer(settings.requestsPerSecond());
        // echoed user text must never ping anyone, whatever a feature puts in a reply
        MessageRequest.setDefaultMentions(List.of());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start(MessageHandler handler) {
        if (connector != null) {
            throw new IllegalStateException("Discord already started");
        }
        DiscordListener listener = new DiscordListener(handler, slashCommands, settings.organizerRole(), messages);
        connector = new Thread(() -> connectWithRetries(listener), "discord-connect");
        connector.setDaemon(true);
        connector.start();
    }

    /** True once JDA is connected and the commands are registered. */
    public boolean isReady() {
        JDA current = jda;
        return current != null && current.getStatus() == JDA.Status.CONNECTED;
    }

    private void connectWithRetries(DiscordListener listener) {
        Duration wait = FIRST_RETRY;
        while (!stopped) {
            try {
                JDA connected = connect(listener);
                connected.updateCommands().addCommands(slashCommands.definitions()).complete();
                jda = connected;
                LOG.info("Discord connected as {} in {} servers; slash commands registered",
                        connected.getSelfUser().getName(), connected.getGuilds().size());
                return;
            } catch (InvalidTokenException e) {
                LOG.error("Discord refused the bot token (check DISCORD_TOKEN); retrying in {} s", wait.toSeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Cannot reach Discord at {} ({}); retrying in {} s", settings.restUrl(), e.toString(),
                        wait.toSeconds());
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
        }
    }

    private JDA connect(DiscordListener listener) throws InterruptedException {
        JDABuilder builder = JDABuilder.createLight(settings.token(),
                        GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
                .setRestConfig(new RestConfig().setBaseUrl(settings.restUrl()))
                .setCompression(Compression.NONE)
                .addEventListeners(listener);
        if (!settings.gatewayUrl().equals(DiscordSettings.DISCORD_GATEWAY)) {
            String gateway = settings.gatewayUrl();
            builder.setSessionController(new SessionControllerAdapter() {
                @Override
                public String getGateway() {
                    return gateway;
                }
            });
        }
        JDA built = builder.build();
        try {
            return built.awaitReady();
        } catch (RuntimeException | InterruptedException e) {
            built.shutdownNow();
            throw e;
        }
    }

    @Override
    public CompletionStage<Void> reply(MessageRef inReplyTo, Reply reply) {
        return send(current -> channel(current, inReplyTo.conversation().id()), reply, inReplyTo.id());
    }

    @Override
    public CompletionStage<Void> post(ConversationRef conversation, Reply message) {
        return send(current -> channel(current, conversation.id()), message, null);
    }

    @Override
    public CompletionStage<Void> sendDirect(PersonRef person, Reply message) {
        return send(current -> {
            Pacer.Slot slot = acquire();
            try {
                return current.openPrivateChannelById(person.id()).complete();
            } finally {
                slot.release();
            }
        }, message, null);
    }

    private CompletionStage<Void> send(Function<JDA, MessageChannel> target, Reply reply, String replyTo) {
        JDA current = jda;
        if (current == null || stopped) {
            return CompletableFuture.failedFuture(new DeliveryException("Discord is not connected"));
        }
        List<MessageCreateData> parts = DiscordMessageMapper.messages(reply);
        return CompletableFuture.supplyAsync(() -> {
            MessageChannel channel = target.apply(current);
            CompletableFuture<?> last = CompletableFuture.completedFuture(null);
            for (MessageCreateData part : parts) {
                Pacer.Slot slot = acquire();
                var action = channel.sendMessage(part);
                if (replyTo != null) {
                    action = action.setMessageReference(replyTo).mentionRepliedUser(false);
                }
                CompletableFuture<Message> sent = action.submit();
                sent.whenComplete((message, error) -> slot.release());
                last = last.thenCompose(x -> sent);
            }
            return last;
        }, sender).thenCompose(f -> f).handle((ok, error) -> {
            if (error != null) {
                throw new DeliveryException("Discord did not take the message: " + rootMessage(error), error);
            }
            return null;
        });
    }

    private static MessageChannel channel(JDA current, String id) {
        MessageChannel channel = current.getChannelById(MessageChannel.class, id);
        if (channel == null) {
            channel = current.getPrivateChannelById(id);
        }
        if (channel == null) {
            throw new DeliveryException("Unknown Discord channel " + id);
        }
        return channel;
    }

    private Pacer.Slot acquire() {
        try {
            return pacer.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Interrupted while waiting to send", e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void stop() {
        stopped = true;
        JDA current = jda;
        if (current != null) {
            current.shutdown();
        }
        if (connector != null) {
            connector.interrupt();
        }
        sender.shutdown();
    }

    /** For tests: the JDA instance once connected, or null. */
    JDA jda() {
        return jda;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

}
