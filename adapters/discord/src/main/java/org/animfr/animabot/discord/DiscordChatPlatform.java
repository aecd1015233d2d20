package org.animfr.animabot.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.DeliveryException;
import org.animfr.animabot.core.chat.EventSpaces;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.animfr.animabot.core.chat.ScheduledEvent;
import org.animfr.animabot.core.chat.spi.Backoff;
import org.animfr.animabot.core.chat.spi.DaemonThreads;
import org.animfr.animabot.core.chat.spi.PlatformState;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Completions;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.metrics.BotMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on Discord through JDA. Connects in the background and retries an outage with backoff, so it never stops
 * the other platforms; what no retry can fix (a refused token, a gateway closed for good with code 4004, 4013,
 * 4014…) is named with its fix in the status and the log, and not retried. The bot's own posts and direct messages
 * are paced under
 * Discord's global limit; JDA follows each route's rate-limit bucket and retries 429s, so none is lost.
 *
 * <p>The gateway goes through JDA's shard manager: one shard by default, or the range of shards the settings give
 * when several instances share a bot in thousands of servers. Such an instance answers the servers of its shards
 * (and direct messages with shard 0), and hands a post to a channel it does not see over to the instance that
 * does ({@link DeliveryException#elsewhere}).
 */
public final class DiscordChatPlatform implements ChatPlatform, EventSpaces {
    public static final String NAME = "discord";

    private static final Logger LOG = LoggerFactory.getLogger(DiscordChatPlatform.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    private static final Set<ErrorResponse> GONE = EnumSet.of(ErrorResponse.UNKNOWN_CHANNEL,
            ErrorResponse.MISSING_ACCESS, ErrorResponse.MISSING_PERMISSIONS, ErrorResponse.CANNOT_SEND_TO_USER,
            ErrorResponse.UNKNOWN_USER);

    private final DiscordSettings settings;
    private final SlashCommands slashCommands;
    /** Built at once, so that a command Discord would refuse stops the start-up instead of every connection. */
    private final List<SlashCommandData> definitions;
    private final Pacer pacer;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(DaemonThreads.named("discord-send"));
    private volatile ShardManager shards;
    private volatile boolean stopped;
    private volatile PlatformStatus failure;
    /** Set when Discord closed the gateway for a reason only a change of settings can fix: no retry then. */
    private volatile PlatformStatus refused;
    private Thread connector;
    private DiscordListener listener;
    private final DiscordScheduledEvents scheduledEvents;
    private volatile BotMetrics metrics = BotMetrics.NONE;

    /**
     * @param commands the bot's commands, registered as slash commands
     * @param completions where autocomplete finds its suggestions
     * @param messages the commands' and options' descriptions
     */
    public DiscordChatPlatform(DiscordSettings settings, List<CommandSpec> commands, Completions completions,
            Messages messages) {
        this(settings, commands, completions, messages, new InMemoryState());
    }

    /**
     * @param state where the bot records which Discord event shows which gathering, across restarts
     */
    public DiscordChatPlatform(DiscordSettings settings, List<CommandSpec> commands, Completions completions,
            Messages messages, PlatformState state) {
        this.scheduledEvents = new DiscordScheduledEvents(state, settings.shards());
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
    public Map<String, List<ConversationRef>> spacesOf(Collection<ConversationRef> conversations) {
        ShardManager current = shards;
        if (current == null) {
            throw new IllegalStateException("Discord is not connected yet");
        }
        Map<String, List<ConversationRef>> spaces = new LinkedHashMap<>();
        for (ConversationRef conversation : conversations) {
            if (!conversation.platform().equals(NAME)) {
                continue;
            }
            GuildChannel channel = current.getGuildChannelById(conversation.id());
            if (channel != null) {
                spaces.computeIfAbsent(channel.getGuild().getId(), guild -> new ArrayList<>()).add(conversation);
            }
        }
        return spaces;
    }

    @Override
    public CompletionStage<Void> showEvents(Map<String, List<ScheduledEvent>> wanted) {
        ShardManager current = shards;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Discord is not connected yet"));
        }
        return scheduledEvents.show(current, wanted);
    }

    /** The state of a platform built without a database (tests): kept while the process runs. */
    static final class InMemoryState implements PlatformState {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public Optional<String> get(String platform, String key) {
            return Optional.ofNullable(values.get(platform + "/" + key));
        }

        @Override
        public void put(String platform, String key, String value) {
            values.put(platform + "/" + key, value);
        }
    }

    @Override
    public PlatformStatus status() {
        if (stopped) {
            return PlatformStatus.STOPPED;
        }
        PlatformStatus refusal = refused;
        if (refusal != null) {
            return refusal;
        }
        ShardManager current = shards;
        if (current == null) {
            PlatformStatus failed = failure;
            return failed == null ? PlatformStatus.STARTING : failed;
        }
        for (JDA shard : current.getShards()) {
            JDA.Status status = shard.getStatus();
            if (status != JDA.Status.CONNECTED) {
                String which = settings.shards().isWhole() ? "" : " shard " + shard.getShardInfo().getShardId();
                return PlatformStatus.reconnecting("Discord gateway" + which + ": "
                        + status.name().toLowerCase(Locale.ROOT));
            }
        }
        return PlatformStatus.CONNECTED;
    }

    private void connectWithRetries(DiscordListener listener) {
        Backoff backoff = new Backoff(FIRST_RETRY, LONGEST_RETRY);
        while (!stopped) {
            Duration wait = backoff.next();
            ShardManager connected = null;
            try {
                connected = connect(listener);
                JDA first = connected.getShards().get(0);
                first.updateCommands().addCommands(definitions).complete();
                shards = connected;
                if (settings.shards().isWhole()) {
                    LOG.info("Discord connected as {} in {} servers; slash commands registered",
                            first.getSelfUser().getName(), connected.getGuilds().size());
                } else {
                    LOG.info("Discord shards {} connected as {} in {} servers; slash commands registered",
                            settings.shards(), first.getSelfUser().getName(), connected.getGuilds().size());
                }
                return;
            } catch (InvalidTokenException e) {
                // no retry can make a refused token good: say so once and wait for the admin
                refused = PlatformStatus.failing("Discord refused the bot token: check DISCORD_TOKEN");
                LOG.error("{}; not retrying until the settings change and the bot restarts", refused.reason());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (refused != null) {
                    LOG.error("{}; not retrying until the settings change and the bot restarts", refused.reason());
                    shutDown(connected);
                    return;
                }
                failure = PlatformStatus.failing("Cannot reach Discord at " + settings.restUrl() + ": " + e);
                LOG.error("Cannot reach Discord at {} ({}); retrying in {} s", settings.restUrl(), e.toString(),
                        wait.toSeconds());
            }
            // a session that connected but could not register the commands is closed before the next attempt: left
            // open, it would answer every event alongside the next one, and spend Discord's daily logins
            shutDown(connected);
            if (!Backoff.pause(wait)) {
                return;
            }
        }
    }

    private void shutDown(ShardManager connected) {
        if (connected != null && shards != connected) {
            connected.shutdown();
        }
    }

    /**
     * Watches for Discord closing the gateway with a code that retrying cannot fix (a refused token, intents Discord
     * does not allow, sharding), names the cause and the fix, and stops the retries.
     */
    private final class RefusalWatcher extends ListenerAdapter {
        @Override
        public void onShutdown(ShutdownEvent event) {
            CloseCode code = event.getCloseCode();
            if (code == null || code.isReconnect()) {
                return;
            }
            String fix = switch (code) {
                case AUTHENTICATION_FAILED -> "check the bot token (DISCORD_TOKEN)";
                case DISALLOWED_INTENTS -> "the application is not allowed an intent the bot asked for: enable it in "
                        + "the Developer Portal (Bot > Privileged Gateway Intents)";
                case INVALID_INTENTS -> "the bot asked for intents Discord does not know: update the bot";
                case SHARDING_REQUIRED -> "the bot is in too many servers for one gateway session: it needs "
                        + "sharding (animabot.discord.shards, one range per instance)";
                case INVALID_SHARD -> "Discord refused the shards asked for (animabot.discord.shards "
                        + settings.shards() + "): check the range and its total";
                default -> "see Discord's documentation of gateway close codes";
            };
            PlatformStatus status = PlatformStatus.failing("Discord closed the gateway with code " + code.getCode()
                    + " (" + code.getMeaning() + "): " + fix);
            refused = status;
            LOG.error("{}; not retrying until the settings change and the bot restarts", status.reason());
        }
    }

    /** Starts the shards of this instance and waits until each has its servers. */
    private ShardManager connect(DiscordListener listener) throws InterruptedException {
        ShardRange range = settings.shards();
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(),
                        GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES)
                .setShardsTotal(range.total())
                .setShards(range.from(), range.to())
                .setRestConfig(new RestConfig().setBaseUrl(settings.restUrl()))
                .setCompression(Compression.NONE)
                // a light JDA leaves out the roles' tags, by which the bot knows the role Discord made for it
                .enableCache(CacheFlag.ROLE_TAGS)
                // JDA's own shutdown hook would cut the posts being sent on SIGTERM; the application stops us after
                // its timers have let them finish
                .setEnableShutdownHook(false)
                .addEventListeners(listener, new RefusalWatcher());
        if (!settings.gatewayUrl().equals(DiscordSettings.DISCORD_GATEWAY)) {
            String gateway = settings.gatewayUrl();
            builder.setSessionController(new SessionControllerAdapter() {
                @Override
                public String getGateway() {
                    return gateway;
                }

                @Override
                public SessionController.ShardedGateway getShardedGateway(JDA api) {
                    SessionController.ShardedGateway asked = super.getShardedGateway(api);
                    return new SessionController.ShardedGateway(gateway, asked.getShardTotal(),
                            asked.getConcurrency());
                }
            });
        }
        ShardManager built = builder.build();
        try {
            for (int id = range.from(); id <= range.to(); id++) {
                awaitShard(built, id).awaitReady();
            }
            return built;
        } catch (RuntimeException | InterruptedException e) {
            built.shutdown();
            throw e;
        }
    }

    /** The shard manager starts one shard at a time, 5 s apart as Discord asks: waits until this one is built. */
    private JDA awaitShard(ShardManager manager, int id) throws InterruptedException {
        while (true) {
            JDA shard = manager.getShardById(id);
            if (shard != null) {
                return shard;
            }
            if (stopped || refused != null) {
                throw new IllegalStateException("Discord stopped before shard " + id + " started");
            }
            if (manager.getShardsQueued() == 0) {
                throw new IllegalStateException("Discord shard " + id + " could not start (see the log above)");
            }
            Thread.sleep(100);
        }
    }

    @Override
    public CompletionStage<Void> post(ConversationRef conversation, Outgoing message) {
        return send(current -> channel(current, conversation.id()), message);
    }

    @Override
    public CompletionStage<Void> sendDirect(PersonRef person, Outgoing message) {
        return send(current -> {
            Pacer.Slot slot = acquire();
            try {
                // any shard opens a direct message channel: it is a REST call, not a gateway one
                return current.getShards().get(0).openPrivateChannelById(person.id()).complete();
            } finally {
                slot.release();
            }
        }, message);
    }

    /**
     * Sends the parts of the message in order, each with a nonce derived from the delivery's key (Discord gives
     * back the message already made with that nonce instead of making another), then starts the thread on the
     * first part if one is asked for. A thread that cannot be started is logged: the post itself went out.
     */
    private CompletionStage<Void> send(Function<ShardManager, MessageChannel> target, Outgoing outgoing) {
        ShardManager current = shards;
        if (current == null || stopped) {
            return CompletableFuture.failedFuture(new DeliveryException("Discord is not connected"));
        }
        List<MessageCreateData> parts = DiscordMessageMapper.messages(outgoing.message());
        return CompletableFuture.supplyAsync(() -> {
            MessageChannel channel = target.apply(current);
            List<CompletableFuture<Message>> sent = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Pacer.Slot slot = acquire();
                CompletableFuture<Message> part = channel.sendMessage(parts.get(i))
                        .setNonce(nonce(outgoing.key(), i)).submit();
                part.whenComplete((message, error) -> slot.release());
                sent.add(part);
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
            if (outgoing.threadName() == null || !(channel instanceof TextChannel)) {
                return all;
            }
            // the thread waits for its slot on our sender thread: waiting on JDA's thread that completed the post
            // would hold up the very answers that free slots, and a fan-out larger than the pace would stop
            return all.thenComposeAsync(done -> startThread(sent.get(0).join(), outgoing.threadName()), sender);
        }, sender).thenCompose(f -> f).handle((ok, error) -> {
            if (error != null) {
                Throwable cause = root(error);
                if (elsewhere(cause)) {
                    throw DeliveryException.elsewhere("Discord channel not on shards " + settings.shards()
                            + " of this instance: " + cause.getMessage());
                }
                String why = "Discord did not take the message: " + cause.getMessage();
                throw gone(cause) ? DeliveryException.gone(why, error) : new DeliveryException(why, error);
            }
            return null;
        });
    }

    private CompletableFuture<Void> startThread(Message first, String name) {
        Pacer.Slot slot = acquire();
        return first.createThreadChannel(name).submit().handle((thread, error) -> {
            slot.release();
            if (error != null && !(root(error) instanceof ErrorResponseException refused
                    && refused.getErrorResponse() == ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS)) {
                LOG.warn("Posted in {} but could not start the thread \"{}\": {}", first.getChannel().getId(), name,
                        root(error).getMessage());
            }
            return null;
        });
    }

    /** A nonce (Discord allows 25 characters) that is the same for every attempt of the same part of a delivery. */
    static String nonce(String key, int part) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((key + "#" + part).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, Message.MAX_NONCE_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    /** Errors after which sending again to that channel or person will not help. */
    private static boolean gone(Throwable cause) {
        if (cause instanceof InsufficientPermissionException || cause instanceof UnknownChannelException) {
            return true;
        }
        return cause instanceof ErrorResponseException refused && GONE.contains(refused.getErrorResponse());
    }

    /** Whether a post to an unknown channel is for another instance: true when this one holds part of the shards. */
    private boolean elsewhere(Throwable cause) {
        return cause instanceof UnknownChannelException && !settings.shards().isWhole();
    }

    /**
     * An instance holding part of the shards reaches the channels of its servers only; one holding them all,
     * every channel (a post to one it does not know fails, or is given up when it is gone).
     */
    @Override
    public boolean reaches(ConversationRef conversation) {
        return settings.shards().isWhole() || knowsChannel(conversation.id());
    }

    /** Whether the gateway has told JDA about this channel, so that a post to it can be made. */
    boolean knowsChannel(String id) {
        ShardManager current = shards;
        return current != null && current.getChannelById(MessageChannel.class, id) != null;
    }

    private static MessageChannel channel(ShardManager current, String id) {
        MessageChannel channel = current.getChannelById(MessageChannel.class, id);
        if (channel == null) {
            channel = current.getPrivateChannelById(id);
        }
        if (channel == null) {
            throw new UnknownChannelException(id);
        }
        return channel;
    }

    /** A channel the bot does not see (deleted, or the bot left its server). */
    private static final class UnknownChannelException extends RuntimeException {
        UnknownChannelException(String id) {
            super("Unknown Discord channel " + id);
        }
    }

    /** Where the waits for Discord's limits are counted ({@link BotMetrics#NONE} until the application says). */
    public void measure(BotMetrics metrics) {
        this.metrics = metrics;
    }

    private Pacer.Slot acquire() {
        try {
            long asked = System.nanoTime();
            Pacer.Slot slot = pacer.acquire();
            Duration waited = Duration.ofNanos(System.nanoTime() - asked);
            if (waited.toMillis() >= 1) {
                metrics.rateLimitWaited(NAME, waited);
            }
            return slot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Interrupted while waiting to send", e);
        }
    }

    /**
     * Why a request failed: Discord's error response if there is one (JDA gives it a cause of its own, a context
     * exception without message that only says where the request was made), else the deepest cause.
     */
    private static Throwable root(Throwable error) {
        Throwable root = error;
        while (!(root instanceof ErrorResponseException) && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @Override
    public void stop() {
        stopped = true;
        ShardManager current = shards;
        if (current != null) {
            current.shutdown();
        }
        if (connector != null) {
            connector.interrupt();
        }
        if (listener != null) {
            listener.stop();
        }
        scheduledEvents.stop();
        sender.shutdown();
    }

    /** The gateway shards this instance holds. */
    public ShardRange shards() {
        return settings.shards();
    }

    /** For tests: the shard manager once connected, or null. */
    ShardManager shardManager() {
        return shards;
    }
}
