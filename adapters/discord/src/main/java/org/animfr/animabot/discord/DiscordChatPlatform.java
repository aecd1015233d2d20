package org.animfr.animabot.discord;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
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
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.spi.Backoff;
import org.animfr.animabot.core.chat.spi.DaemonThreads;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Completions;
import org.animfr.animabot.core.i18n.Messages;
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
    private final SlashCommands slashCommands;
    /** Built at once, so that a command Discord would refuse stops the start-up instead of every connection. */
    private final List<SlashCommandData> definitions;
    private final Pacer pacer;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(DaemonThreads.named("discord-send"));
    private volatile JDA jda;
    private volatile boolean stopped;
    private volatile PlatformStatus failure;
    private Thread connector;
    private DiscordListener listener;

    /**
     * @param commands the bot's commands, registered as slash commands
     * @param completions where autocomplete finds its suggestions
     * @param messages the commands' and options' descriptions
     */
    public DiscordChatPlatform(DiscordSettings settings, List<CommandSpec> commands, Completions completions,
            Messages messages) {
        this.settings = settings;
        this.slashCommands = new SlashCommands(commands, completions, messages);
        this.definitions = slashCommands.definitions();
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
        listener = new DiscordListener(handler, slashCommands, settings.organizerRole());
        connector = DaemonThreads.start("discord-connect", () -> connectWithRetries(listener));
    }

    @Override
    public PlatformStatus status() {
        if (stopped) {
            return PlatformStatus.STOPPED;
        }
        JDA current = jda;
        if (current == null) {
            PlatformStatus failed = failure;
            return failed == null ? PlatformStatus.STARTING : failed;
        }
        JDA.Status status = current.getStatus();
        return status == JDA.Status.CONNECTED ? PlatformStatus.CONNECTED
                : PlatformStatus.reconnecting("Discord gateway: " + status.name().toLowerCase(Locale.ROOT));
    }

    private void connectWithRetries(DiscordListener listener) {
        Backoff backoff = new Backoff(FIRST_RETRY, LONGEST_RETRY);
        while (!stopped) {
            Duration wait = backoff.next();
            try {
                JDA connected = connect(listener);
                connected.updateCommands().addCommands(definitions).complete();
                jda = connected;
                LOG.info("Discord connected as {} in {} servers; slash commands registered",
                        connected.getSelfUser().getName(), connected.getGuilds().size());
                return;
            } catch (InvalidTokenException e) {
                failure = PlatformStatus.failing("Discord refused the bot token");
                LOG.error("Discord refused the bot token (check DISCORD_TOKEN); retrying in {} s", wait.toSeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failure = PlatformStatus.failing("Cannot reach Discord at " + settings.restUrl() + ": " + e);
                LOG.error("Cannot reach Discord at {} ({}); retrying in {} s", settings.restUrl(), e.toString(),
                        wait.toSeconds());
            }
            if (!Backoff.pause(wait)) {
                return;
            }
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
    public CompletionStage<Void> post(ConversationRef conversation, Reply message) {
        return send(current -> channel(current, conversation.id()), message);
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
        }, message);
    }

    private CompletionStage<Void> send(Function<JDA, MessageChannel> target, Reply reply) {
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
                CompletableFuture<Message> sent = channel.sendMessage(part).submit();
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
        if (listener != null) {
            listener.stop();
        }
        sender.shutdown();
    }

    /** For tests: the JDA instance once connected, or null. */
    JDA jda() {
        return jda;
    }
}
