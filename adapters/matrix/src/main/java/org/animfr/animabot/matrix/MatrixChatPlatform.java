package org.animfr.animabot.matrix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.animfr.animabot.core.chat.Attachment;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.DeliveryException;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.spi.AnsweredMessages;
import org.animfr.animabot.core.chat.spi.Backoff;
import org.animfr.animabot.core.chat.spi.DaemonThreads;
import org.animfr.animabot.core.chat.spi.InMemoryAnsweredMessages;
import org.animfr.animabot.core.metrics.BotMetrics;
import org.animfr.animabot.matrix.bridge.EncryptingTrixnityBridge;
import org.animfr.animabot.matrix.bridge.HomeserverException;
import org.animfr.animabot.matrix.bridge.MatrixBridge;
import org.animfr.animabot.matrix.bridge.OwnSyncListener;
import org.animfr.animabot.matrix.bridge.StoreOfAnotherAccountException;
import org.animfr.animabot.matrix.bridge.SyncResponse;
import org.animfr.animabot.matrix.bridge.TrixnityBridge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on Matrix. Connects in the background and keeps retrying with backoff, so an unreachable homeserver or a
 * wrong token never stops the other platforms. Then syncs from the saved token (on the very first start, without
 * answering earlier messages), joins the rooms it is invited to by the allow-list, answers commands
 * ({@code !anim ...}), mentions and direct chats with {@code m.notice} replies (a reply's file as an {@code m.file}
 * after it), and sends what the core posts.
 * Rate-limited requests are sent again after the delay the homeserver asks for, with the same transaction id, so
 * none is lost and none doubled.
 */
public final class MatrixChatPlatform implements ChatPlatform {
    public static final String NAME = "matrix";

    private static final Logger LOG = LoggerFactory.getLogger(MatrixChatPlatform.class);
    /** Logging in with a password reuses this device, so restarts do not pile up devices on the account. */
    static final String DEVICE_ID = "ANIMABOT";
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    private static final Duration FIRST_SYNC_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_SYNC_RETRY = Duration.ofMinutes(1);
    private static final long CONNECT_SECONDS = 30;
    /** Enough to keep a homeserver busy at its allowed pace, few enough not to flood it with refused requests. */
    static final int OWN_SENDS_AT_ONCE = 4;
    /**
     * How long a stop lets the answers under way finish; what is left is answered after the restart. Shorter than
     * the usual service managers' wait before SIGKILL (10 s for Docker), so the stop ends on its own.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(7);
    /** Longer than any sync token the bot may resume from after a stop. */
    static final Duration ANSWERED_KEPT = Duration.ofDays(30);

    /** Opens the connection to the homeserver; the real one is {@link TrixnityBridge}. */
    @FunctionalInterface
    interface BridgeFactory {
        MatrixBridge open(MatrixSettings settings) throws Exception;
    }

    private final MatrixSettings settings;
    private final SyncTokenStore syncTokens;
    private final AnsweredMessages answered;
    private final Clock clock;
    private final BridgeFactory factory;
    private final Backoff syncBackoff;
    private final DirectRooms directRooms = new DirectRooms();
    /** The bot's own posts and direct messages, a few at a time; replies to people do not queue behind them. */
    private final InFlight ownSends = new InFlight(OWN_SENDS_AT_ONCE);
    private volatile MatrixBridge bridge;
    private volatile MatrixListener listener;
    private volatile SyncLoop syncLoop;
    private volatile String userId;
    private volatile boolean stopped;
    /** The connection closed: set after {@link #stopped}, once the answers under way have had their time. */
    private volatile boolean closed;
    private volatile BotMetrics metrics = BotMetrics.NONE;
    private volatile PlatformStatus status = PlatformStatus.STARTING;
    private volatile Duration stopGrace = STOP_GRACE;
    private Thread connector;

    /**
     * A bot that remembers what it answered for as long as it runs only: for tests, and a bot without a database.
     *
     * @param settings where and who the bot is on Matrix
     * @param syncTokens where the sync token is kept between restarts
     */
    public MatrixChatPlatform(MatrixSettings settings, SyncTokenStore syncTokens) {
        this(settings, syncTokens, new InMemoryAnsweredMessages(), Clock.systemUTC());
    }

    /**
     * @param settings where and who the bot is on Matrix
     * @param syncTokens where the sync token is kept between restarts
     * @param answered where the messages answered are marked, durably, so that none is answered twice
     * @param clock when messages are answered
     */
    public MatrixChatPlatform(MatrixSettings settings, SyncTokenStore syncTokens, AnsweredMessages answered,
            Clock clock) {
        this(settings, syncTokens, answered, clock, MatrixChatPlatform::openTrixnity,
                new Backoff(FIRST_SYNC_RETRY, LONGEST_SYNC_RETRY));
    }

    /**
     * A bot that reads and writes in end-to-end encrypted rooms too, its device kept in the store.
     *
     * @param settings where and who the bot is on Matrix
     * @param syncTokens where the sync token is kept between restarts
     * @param answered where the messages answered are marked, durably, so that none is answered twice
     * @param clock when messages are answered
     * @param encryption where the bot's device and keys are kept
     */
    public MatrixChatPlatform(MatrixSettings settings, SyncTokenStore syncTokens, AnsweredMessages answered,
            Clock clock, EncryptionStore encryption) {
        this(settings, syncTokens, answered, clock, opened -> openEncrypting(opened, encryption),
                new Backoff(FIRST_SYNC_RETRY, LONGEST_SYNC_RETRY));
    }

    MatrixChatPlatform(MatrixSettings settings, SyncTokenStore syncTokens, BridgeFactory factory, Backoff syncBackoff) {
        this(settings, syncTokens, new InMemoryAnsweredMessages(), Clock.systemUTC(), factory, syncBackoff);
    }

    MatrixChatPlatform(MatrixSettings settings, SyncTokenStore syncTokens, AnsweredMessages answered, Clock clock,
            BridgeFactory factory, Backoff syncBackoff) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.syncTokens = Objects.requireNonNull(syncTokens, "syncTokens");
        this.answered = Objects.requireNonNull(answered, "answered");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.factory = factory;
        this.syncBackoff = syncBackoff;
    }

    /** Where the waits for the homeserver's rate limits are counted ({@link BotMetrics#NONE} until then). */
    public void measure(BotMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start(MessageHandler handler) {
        if (connector != null) {
            throw new IllegalStateException("Matrix already started");
        }
        connector = DaemonThreads.start("matrix-connect", () -> connectWithRetries(handler));
    }

    @Override
    public PlatformStatus status() {
        return stopped ? PlatformStatus.STOPPED : status;
    }

    /** The bot's user id once connected. */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    private void connectWithRetries(MessageHandler handler) {
        Backoff backoff = new Backoff(FIRST_RETRY, LONGEST_RETRY);
        while (!stopped) {
            Duration wait = backoff.next();
            MatrixBridge opened = null;
            try {
                opened = factory.open(settings);
                connect(opened, handler);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close(opened);
                return;
            } catch (Exception e) {
                close(opened);
                StoreOfAnotherAccountException foreignStore = causeOfType(e, StoreOfAnotherAccountException.class);
                if (foreignStore != null) {
                    // no retry can make the store the account's: say so once and wait for the admin
                    status = PlatformStatus.failing(foreignStore.getMessage());
                    LOG.error("{}; not retrying until the settings change and the bot restarts",
                            foreignStore.getMessage());
                    return;
                }
                if (refusedCredentials(e)) {
                    status = PlatformStatus.failing("The homeserver refused the bot's credentials");
                    LOG.error("The Matrix homeserver {} refused the bot's credentials (check the access token, or the "
                            + "user and password); retrying in {} s", settings.homeserverUrl(), wait.toSeconds());
                } else {
                    String cause = Requests.rootMessage(e);
                    status = PlatformStatus.failing("Cannot reach the homeserver: " + cause);
                    LOG.error("Cannot reach the Matrix homeserver at {} ({}); retrying in {} s",
                            settings.homeserverUrl(), cause, wait.toSeconds());
                }
            }
            if (!Backoff.pause(wait)) {
                return;
            }
        }
    }

    private static <T extends Throwable> T causeOfType(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static boolean refusedCredentials(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HomeserverException refused && (refused.status() == 401 || refused.status() == 403)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private void connect(MatrixBridge opened, MessageHandler handler) throws Exception {
        String self = await(opened.whoAmI());
        String displayName = null;
        try {
            displayName = await(opened.displayName(self));
            directRooms.load(await(opened.directRooms()));
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not read the bot's Matrix profile or direct chats ({}); going on", Requests.rootMessage(e));
        }
        MatrixListener created = new MatrixListener(opened, self, handler, this::reply,
                new Addressing(settings.commandPrefix(), self, displayName),
                new InvitePolicy(settings.inviteAllowList(), self), settings.organizerPowerLevel(), syncTokens,
                answered, clock, directRooms, new SyncHealth(), settings.homeserverUrl());
        forgetOldAnswers();
        String since = syncTokens.load().orElse(null);
        synchronized (this) {
            if (stopped) {
                close(opened);
                return;
            }
            userId = self;
            listener = created;
            bridge = opened;
            if (!opened.syncsByItself()) {
                syncLoop = new SyncLoop(opened, self, created, syncBackoff);
                syncLoop.start(since);
            }
        }
        String from = since;
        if (opened.syncsByItself()) {
            // a new device has never seen the rooms: its first sync is a whole one, and its messages history
            from = since != null && await(opened.syncedBefore()) ? since : null;
            await(opened.startSync(from, new OwnSync(opened, self, from, created)));
        }
        status = PlatformStatus.CONNECTED;
        LOG.info("Matrix connected to {} as {}; {}", settings.homeserverUrl(), self, from == null
                ? "first start: earlier messages will not be answered" : "resuming from the saved sync token");
    }

    private void forgetOldAnswers() {
        try {
            answered.forgetBefore(clock.instant().minus(ANSWERED_KEPT));
        } catch (RuntimeException e) {
            LOG.warn("Could not forget the Matrix messages answered long ago ({}); going on", e.toString());
        }
    }

    /**
     * The sync a bridge runs by itself, read as {@link SyncLoop} reads its own: gaps filled in, history before a join
     * left out, each batch to the listener. Called on the bridge's sync thread, one response after the other.
     */
    private static final class OwnSync implements OwnSyncListener {
        private final Timelines timelines;
        private final MatrixListener listener;
        private String previous;

        OwnSync(MatrixBridge bridge, String self, String since, MatrixListener listener) {
            this.timelines = new Timelines(bridge, self);
            this.previous = since;
            this.listener = listener;
        }

        @Override
        public void onFailing(String reason) {
            listener.onError(new IllegalStateException(reason), Duration.ZERO);
        }

        @Override
        public void onResponse(SyncResponse response) {
            try {
                listener.onBatch(timelines.read(response, previous));
                previous = response.nextBatch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("Could not read a Matrix sync response", e);
            }
        }
    }

    /** Turns the sync's health into the platform's status. */
    private final class SyncHealth implements MatrixListener.SyncHealth {
        @Override
        public void syncing() {
            status = PlatformStatus.CONNECTED;
        }

        @Override
        public void failing(String reason) {
            status = PlatformStatus.reconnecting(reason);
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(CONNECT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Replies to a received message, in its thread when it is in one, mentioning the asker (in a busy room, phones
     * ring on mentions only) and nobody else. The transaction id comes from the message: a second instance of the
     * bot on the same account answering it too, or this one answering it again after a crash, makes no second reply.
     */
    CompletionStage<Void> reply(MessageRef inReplyTo, String asker, boolean direct, int index, Reply reply) {
        return send(inReplyTo.conversation().id(), reply, inReplyTo.id(), inReplyTo.thread(), Set.of(asker),
                transactionId(inReplyTo.replyKey(index)), direct ? null : settings.commandPrefix());
    }

    /** Posts in the room; the post can be a thread's root as it is, so a thread name needs nothing here. */
    @Override
    public CompletionStage<Void> post(ConversationRef conversation, Outgoing message) {
        String prefix = directRooms.isDirect(conversation.id()) ? null : settings.commandPrefix();
        return ownSends.submit(() -> send(conversation.id(), message.message(), null, null, Set.of(),
                transactionId(message.key()), prefix));
    }

    /**
     * Writes in the direct chat with the person: the one known, or a new one (see {@link DirectRooms}). Follow-ups
     * are typed there without the command prefix.
     */
    @Override
    public CompletionStage<Void> sendDirect(PersonRef person, Outgoing message) {
        MatrixBridge current = bridge;
        if (current == null || stopped) {
            return notConnected();
        }
        return directRooms.open(current, person.id())
                .handle((room, error) -> {
                    if (error != null) {
                        throw new DeliveryException("Could not open a Matrix direct chat with " + person.id() + ": "
                                + Requests.rootMessage(error), error);
                    }
                    return room;
                })
                .thenCompose(room -> ownSends.submit(() -> send(room, message.message(), null, null, Set.of(),
                        transactionId(message.key()), null)));
    }

    /**
     * Sends with one transaction id for every attempt, so the homeserver keeps one message per id: the bot's own
     * retries, and a delivery sent again after a crash (its id derives from the delivery's key). A reply's file
     * follows its notice; the notice says the same in words, so a file that cannot go is logged and the message
     * counts as sent.
     *
     * @param mentioned the users the message notifies
     * @param commandPrefix what typed follow-ups start with in this room, or null in a direct chat
     */
    private CompletableFuture<Void> send(String roomId, Reply reply, String inReplyTo, String thread,
            Set<String> mentioned, String transactionId, String commandPrefix) {
        MatrixBridge current = bridge;
        if (current == null || closed) {
            return notConnected();
        }
        return Requests.patiently(() -> current.sendNotice(roomId, transactionId,
                        MatrixMessageMapper.notice(reply, inReplyTo, thread, mentioned, commandPrefix)),
                        wait -> metrics.rateLimitWaited(NAME, wait))
                .handle((eventId, error) -> {
                    if (error != null) {
                        String why = "Matrix did not take the message for " + roomId + ": "
                                + Requests.rootMessage(error);
                        throw gone(error) ? DeliveryException.gone(why, error) : new DeliveryException(why, error);
                    }
                    return eventId;
                })
                .thenCompose(eventId -> reply.attachment() == null ? CompletableFuture.<Void>completedFuture(null)
                        : attach(current, roomId, reply.attachment(), inReplyTo, thread, transactionId + "-file"));
    }

    /** Uploads the file and sends it as an {@code m.file}; never fails, since the notice said it all already. */
    private static CompletableFuture<Void> attach(MatrixBridge current, String roomId, Attachment attachment,
            String inReplyTo, String thread, String transactionId) {
        return Requests.patiently(() -> current.upload(attachment.fileName(), attachment.mediaType(),
                        attachment.bytes()))
                .thenCompose(url -> Requests.patiently(() -> current.sendFile(roomId, transactionId,
                        MatrixMessageMapper.file(attachment, url, inReplyTo, thread))))
                .handle((eventId, error) -> {
                    if (error != null) {
                        LOG.warn("Could not send the file {} in {} ({}); its message went without it",
                                attachment.fileName(), roomId, Requests.rootMessage(error));
                    }
                    return null;
                });
    }

    /** A transaction id the same for every attempt of a delivery: a digest of its key, as Matrix allows any. */
    static String transactionId(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "animabot-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    /** The bot is not in the room (any more), or the room does not exist: sending again will not help. */
    private static boolean gone(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HomeserverException refused && (refused.status() == 403 || refused.status() == 404)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static CompletableFuture<Void> notConnected() {
        return CompletableFuture.failedFuture(new DeliveryException("Matrix is not connected"));
    }

    /** How long a stop waits for the answers under way; tests shorten it. */
    void stopGrace(Duration grace) {
        stopGrace = grace;
    }

    /**
     * Stops syncing, lets the answers under way finish (for {@link #STOP_GRACE} at most) while the database is still
     * there to record them, then closes the connection; what was not answered is read again at the next start.
     */
    @Override
    public void stop() {
        MatrixBridge current;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            current = bridge;
        }
        if (connector != null) {
            connector.interrupt();
        }
        SyncLoop loop = syncLoop;
        if (loop != null) {
            loop.stop();
        }
        MatrixListener currentListener = listener;
        if (currentListener != null) {
            currentListener.stop(stopGrace);
        }
        closed = true;
        close(current);
    }

    private static void close(MatrixBridge bridge) {
        if (bridge == null) {
            return;
        }
        try {
            bridge.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing the Matrix connection failed", e);
        }
    }

    private static MatrixBridge openEncrypting(MatrixSettings settings, EncryptionStore store) throws Exception {
        return EncryptingTrixnityBridge.open(settings.homeserverUrl(), settings.accessToken(), settings.user(),
                settings.password(), DEVICE_ID, store.dataSource(), store.schema(), store.mediaDirectory())
                .get(CONNECT_SECONDS * 2, TimeUnit.SECONDS);
    }

    private static MatrixBridge openTrixnity(MatrixSettings settings) throws Exception {
        if (settings.accessToken() != null) {
            return TrixnityBridge.withToken(settings.homeserverUrl(), settings.accessToken());
        }
        return TrixnityBridge.withPassword(settings.homeserverUrl(), settings.user(), settings.password(), DEVICE_ID)
                .get(CONNECT_SECONDS, TimeUnit.SECONDS);
    }
}
