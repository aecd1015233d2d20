package org.animfr.animabot.matrix;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.DeliveryException;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.matrix.bridge.MatrixBridge;
import org.animfr.animabot.matrix.bridge.TrixnityBridge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on Matrix. Connects in the background and keeps retrying with backoff, so an unreachable homeserver or a
 * wrong token never stops the other platforms. Then syncs from the saved token (on the very first start, without
 * answering earlier messages), joins the rooms it is invited to by the allow-list, answers commands
 * ({@code !anim ...}), mentions and direct chats with {@code m.notice} replies, and sends what the core posts.
 * Rate-limited requests are retried after the delay the homeserver asks for, so none is lost.
 */
public final class MatrixChatPlatform implements ChatPlatform {
    public static final String NAME = "matrix";

    private static final Logger LOG = LoggerFactory.getLogger(MatrixChatPlatform.class);
    /** Logging in with a password reuses this device, so restarts do not pile up devices on the account. */
    static final String DEVICE_ID = "ANIMABOT";
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    private static final long CONNECT_SECONDS = 30;

    /** Opens the connection to the homeserver; the real one is {@link TrixnityBridge}. */
    @FunctionalInterface
    interface BridgeFactory {
        MatrixBridge open(MatrixSettings settings) throws Exception;
    }

    private final MatrixSettings settings;
    private final SyncTokenStore syncTokens;
    private final Messages messages;
    private final BridgeFactory factory;
    private final DirectRooms directRooms = new DirectRooms();
    private final Map<String, CompletableFuture<String>> creatingDirectRooms = new ConcurrentHashMap<>();
    private volatile MatrixBridge bridge;
    private volatile MatrixListener listener;
    private volatile String userId;
    private volatile boolean stopped;
    private volatile boolean syncing;
    private Thread connector;

    /**
     * @param settings where and who the bot is on Matrix
     * @param syncTokens where the sync token is kept between restarts
     * @param messages the texts, for the friendly error reply when the core fails
     */
    public MatrixChatPlatform(MatrixSettings settings, SyncTokenStore syncTokens, Messages messages) {
        this(settings, syncTokens, messages, MatrixChatPlatform::openTrixnity);
    }

    MatrixChatPlatform(MatrixSettings settings, SyncTokenStore syncTokens, Messages messages, BridgeFactory factory) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.syncTokens = Objects.requireNonNull(syncTokens, "syncTokens");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.factory = factory;
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
        connector = new Thread(() -> connectWithRetries(handler), "matrix-connect");
        connector.setDaemon(true);
        connector.start();
    }

    /** True once logged in and syncing. */
    public boolean isReady() {
        return syncing && !stopped;
    }

    /** The bot's user id once connected. */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    private void connectWithRetries(MessageHandler handler) {
        Duration wait = FIRST_RETRY;
        while (!stopped) {
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
                String cause = rootMessage(e);
                if (cause.contains("statusCode=401") || cause.contains("statusCode=403")) {
                    LOG.error("The Matrix homeserver {} refused the bot's credentials (check the access token, or the "
                            + "user and password); retrying in {} s", settings.homeserverUrl(), wait.toSeconds());
                } else {
                    LOG.error("Cannot reach the Matrix homeserver at {} ({}); retrying in {} s",
                            settings.homeserverUrl(), cause, wait.toSeconds());
                }
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

    private void connect(MatrixBridge opened, MessageHandler handler) throws Exception {
        String self = await(opened.whoAmI());
        String displayName = null;
        try {
            displayName = await(opened.displayName(self));
            directRooms.load(await(opened.directRooms()));
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not read the bot's Matrix profile or direct chats ({}); going on", rootMessage(e));
        }
        MatrixListener created = new MatrixListener(opened, handler, this::reply,
                new Addressing(settings.commandPrefix(), self, displayName),
                new InvitePolicy(settings.inviteAllowList(), self), settings.organizerPowerLevel(), syncTokens,
                directRooms, messages, settings.homeserverUrl());
        String since = syncTokens.load().orElse(null);
        synchronized (this) {
            if (stopped) {
                close(opened);
                return;
            }
            userId = self;
            listener = created;
            bridge = opened;
            opened.startSync(since, created);
            syncing = true;
        }
        LOG.info("Matrix connected to {} as {}; {}", settings.homeserverUrl(), self, since == null
                ? "first start: earlier messages will not be answered" : "resuming from the saved sync token");
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(CONNECT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<Void> reply(MessageRef inReplyTo, Reply reply) {
        return send(inReplyTo.conversation().id(), reply, inReplyTo.id(), inReplyTo.thread());
    }

    @Override
    public CompletionStage<Void> post(ConversationRef conversation, Reply message) {
        return send(conversation.id(), message, null, null);
    }

    @Override
    public CompletionStage<Void> sendDirect(PersonRef person, Reply message) {
        MatrixBridge current = bridge;
        if (current == null || stopped) {
            return notConnected();
        }
        return directRoom(current, person.id())
                .handle((room, error) -> {
                    if (error != null) {
                        throw new DeliveryException("Could not open a Matrix direct chat with " + person.id() + ": "
                                + rootMessage(error), error);
                    }
                    return room;
                })
                .thenCompose(room -> send(room, message, null, null));
    }

    private CompletableFuture<String> directRoom(MatrixBridge current, String person) {
        Optional<String> known = directRooms.roomWith(person);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known.get());
        }
        CompletableFuture<String> creating = new CompletableFuture<>();
        CompletableFuture<String> already = creatingDirectRooms.putIfAbsent(person, creating);
        if (already != null) {
            return already;
        }
        current.createDirectRoom(person).whenComplete((room, error) -> {
            if (room != null) {
                directRooms.remember(person, room);
                LOG.info("Opened a Matrix direct chat {} with {}", room, person);
            }
            creatingDirectRooms.remove(person, creating);
            if (error != null) {
                creating.completeExceptionally(error);
            } else {
                creating.complete(room);
            }
        });
        return creating;
    }

    private CompletableFuture<Void> send(String roomId, Reply reply, String inReplyTo, String thread) {
        MatrixBridge current = bridge;
        if (current == null || stopped) {
            return notConnected();
        }
        return current.sendNotice(roomId, MatrixMessageMapper.plain(reply), MatrixMessageMapper.html(reply),
                inReplyTo, thread).handle((eventId, error) -> {
                    if (error != null) {
                        throw new DeliveryException("Matrix did not take the message for " + roomId + ": "
                                + rootMessage(error), error);
                    }
                    return null;
                });
    }

    private static CompletableFuture<Void> notConnected() {
        return CompletableFuture.failedFuture(new DeliveryException("Matrix is not connected"));
    }

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
        MatrixListener currentListener = listener;
        if (currentListener != null) {
            currentListener.stop();
        }
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

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static MatrixBridge openTrixnity(MatrixSettings settings) throws Exception {
        if (settings.accessToken() != null) {
            return TrixnityBridge.withToken(settings.homeserverUrl(), settings.accessToken());
        }
        return TrixnityBridge.withPassword(settings.homeserverUrl(), settings.user(), settings.password(), DEVICE_ID)
                .get(CONNECT_SECONDS, TimeUnit.SECONDS);
    }
}
