package org.animfr.animabot.matrix;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.RecentIds;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.matrix.bridge.MatrixBridge;
import org.animfr.animabot.matrix.bridge.RoomInvite;
import org.animfr.animabot.matrix.bridge.RoomMessage;
import org.animfr.animabot.matrix.bridge.SyncBatch;
import org.animfr.animabot.matrix.bridge.SyncListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what the sync brings to the core: accepts or declines invitations, hands the messages addressed to the bot
 * to the handler (one room's messages in order, on {@link RoomQueues}) and sends the replies back; then saves the
 * sync token. The first sync's messages are history and are skipped; an event seen twice is handled once; the
 * bot's own messages and every {@code m.notice} (what bots send) are ignored.
 */
final class MatrixListener implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(MatrixListener.class);
    private static final int REMEMBERED_EVENTS = 10_000;
    private static final long LOOKUP_SECONDS = 60;

    /** Sends a reply to a received message; the platform's {@code reply}. */
    @FunctionalInterface
    interface Replier {
        CompletionStage<Void> reply(MessageRef inReplyTo, Reply reply);
    }

    private final MatrixBridge bridge;
    private final MessageHandler handler;
    private final Replier replier;
    private final Addressing addressing;
    private final InvitePolicy invites;
    private final long organizerPowerLevel;
    private final SyncTokenStore tokens;
    private final DirectRooms directRooms;
    private final Messages messages;
    private final String homeserver;
    private final RecentIds recent = new RecentIds(REMEMBERED_EVENTS);
    private final RoomQueues queues = new RoomQueues(4, "matrix-bot");
    private final Map<String, Map<String, String>> members = new ConcurrentHashMap<>();
    private final Map<String, Long> powerLevels = new ConcurrentHashMap<>();
    private volatile boolean failing;

    MatrixListener(MatrixBridge bridge, MessageHandler handler, Replier replier, Addressing addressing,
            InvitePolicy invites, long organizerPowerLevel, SyncTokenStore tokens, DirectRooms directRooms,
            Messages messages, String homeserver) {
        this.bridge = bridge;
        this.handler = handler;
        this.replier = replier;
        this.addressing = addressing;
        this.invites = invites;
        this.organizerPowerLevel = organizerPowerLevel;
        this.tokens = tokens;
        this.directRooms = directRooms;
        this.messages = messages;
        this.homeserver = homeserver;
    }

    @Override
    public void onBatch(SyncBatch batch) {
        if (failing) {
            failing = false;
            LOG.info("Matrix sync with {} works again", homeserver);
        }
        for (String room : batch.stateChangedRoomIds()) {
            members.remove(room);
            powerLevels.keySet().removeIf(key -> key.startsWith(room + "|"));
        }
        batch.invites().forEach(this::onInvite);
        if (batch.initial()) {
            LOG.info("First Matrix sync: {} earlier messages left unanswered", batch.messages().size());
            batch.messages().forEach(message -> recent.firstTime(message.eventId()));
        } else {
            for (RoomMessage message : batch.messages()) {
                if (worthReading(message) && recent.firstTime(message.eventId())) {
                    queues.submit(message.roomId(), () -> answer(message));
                }
            }
        }
        try {
            tokens.save(batch.nextBatch());
        } catch (RuntimeException e) {
            LOG.warn("Could not save the Matrix sync token; a restart may answer some messages again", e);
        }
    }

    @Override
    public void onError(Throwable error, Duration retryIn) {
        if (!failing) {
            LOG.warn("Matrix sync with {} failed ({}); retrying in {} s, then with growing delays", homeserver,
                    error.toString(), Math.max(1, retryIn.toSeconds()));
        } else {
            LOG.debug("Matrix sync still failing ({}); next try in {} s", error.toString(), retryIn.toSeconds());
        }
        failing = true;
    }

    void stop() {
        queues.shutdown();
    }

    private boolean worthReading(RoomMessage message) {
        return !message.fromSelf() && !message.edit() && "m.text".equals(message.msgtype());
    }

    private void onInvite(RoomInvite invite) {
        if (!recent.firstTime("invite " + invite.roomId() + " " + invite.inviter())) {
            return;
        }
        if (invites.accepts(invite.inviter())) {
            if (invite.direct()) {
                directRooms.remember(invite.inviter(), invite.roomId());
            }
            bridge.join(invite.roomId()).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.warn("Could not join {} (invited by {}): {}", invite.roomId(), invite.inviter(),
                            error.toString());
                } else {
                    LOG.info("Joined {} at the invitation of {}", invite.roomId(), invite.inviter());
                }
            });
        } else {
            LOG.info("Declining the invitation to {} from {}: not on the allow-list", invite.roomId(),
                    invite.inviter());
            bridge.leave(invite.roomId()).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.warn("Could not decline the invitation to {}: {}", invite.roomId(), error.toString());
                }
            });
        }
    }

    /** On the room's queue: reads the message, asks the core, and sends the replies before the next message. */
    private void answer(RoomMessage message) {
        try {
            Map<String, String> roomMembers = members(message.roomId());
            boolean direct = directRooms.isDirect(message.roomId()) || roomMembers.size() == 2;
            String text = addressing.textFor(message, direct).orElse(null);
            if (text == null) {
                return;
            }
            MessageRef ref = new MessageRef(new ConversationRef(MatrixChatPlatform.NAME, message.roomId()),
                    message.eventId(), message.threadRootId());
            Person author = new Person(new PersonRef(MatrixChatPlatform.NAME, message.sender()),
                    roomMembers.get(message.sender()));
            IncomingMessage incoming = new IncomingMessage(ref, author, text, direct,
                    powerLevel(message.roomId(), message.sender()) >= organizerPowerLevel,
                    Instant.ofEpochMilli(message.originServerTs()));
            for (Reply reply : handle(incoming)) {
                replier.reply(ref, reply).toCompletableFuture().join();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not answer {} in {}: {}", message.eventId(), message.roomId(), e.toString());
        }
    }

    private Map<String, String> members(String room) {
        Map<String, String> known = members.get(room);
        if (known == null) {
            try {
                known = lookup(bridge.joinedMembers(room));
            } catch (RuntimeException e) {
                LOG.warn("Could not read the members of {}: {}", room, e.toString());
                return Map.of();
            }
            members.put(room, known);
        }
        return known;
    }

    private long powerLevel(String room, String user) {
        String key = room + "|" + user;
        Long known = powerLevels.get(key);
        if (known == null) {
            try {
                known = lookup(bridge.powerLevel(room, user));
            } catch (RuntimeException e) {
                LOG.warn("Could not read {}'s power level in {}: {}", user, room, e.toString());
                return 0;
            }
            powerLevels.put(key, known);
        }
        return known;
    }

    private static <T> T lookup(CompletableFuture<T> future) {
        try {
            return future.get(LOOKUP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e.getCause() == null ? e.toString() : e.getCause().toString(), e);
        }
    }

    private List<Reply> handle(IncomingMessage message) {
        try {
            return handler.handle(message);
        } catch (RuntimeException e) {
            LOG.warn("The bot failed on a Matrix message in {}", message.conversation(), e);
            return List.of(Reply.personal(RichText.plain(messages.get(Language.FR, "error.internal"))));
        }
    }
}
