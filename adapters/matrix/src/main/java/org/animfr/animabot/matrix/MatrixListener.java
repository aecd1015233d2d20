package org.animfr.animabot.matrix;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.spi.AnsweredMessages;
import org.animfr.animabot.core.chat.spi.RecentIds;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.matrix.bridge.MatrixBridge;
import org.animfr.animabot.matrix.bridge.MemberEvent;
import org.animfr.animabot.matrix.bridge.RoomEvent;
import org.animfr.animabot.matrix.bridge.RoomMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what the sync brings to the core: keeps each room's state, accepts or declines invitations, hands the
 * messages addressed to the bot to the handler (one room's messages in order, on {@link RoomQueues}) and sends the
 * replies back. The first sync's messages are history and are skipped; the bot's own messages and every
 * {@code m.notice} (what bots send) are ignored.
 *
 * <p>Nothing is lost across a restart and nothing is answered twice: a batch's sync token is saved only once its
 * messages are answered ({@link SyncWatermark}), so a restart, even after a crash, reads again what was not; and a
 * message answered is marked so ({@link AnsweredMessages}) before the token moves past it, so reading it again
 * answers nothing. Between a reply sent and its mark, a crash makes the next run send the same replies again, with
 * the same transaction ids, which the homeserver takes as the messages it already has.
 */
final class MatrixListener implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(MatrixListener.class);
    private static final int REMEMBERED_EVENTS = 10_000;
    private static final long STATE_SECONDS = 60;

    /** Sends the {@code index}-th reply to a received message from {@code asker}, in a direct chat or not. */
    @FunctionalInterface
    interface Replier {
        CompletionStage<Void> reply(MessageRef inReplyTo, String asker, boolean direct, int index, Reply reply);
    }

    /** What the listener reports of the sync's health. */
    interface SyncHealth {
        void syncing();

        void failing(String reason);
    }

    private final MatrixBridge bridge;
    private final String self;
    private final MessageHandler handler;
    private final Replier replier;
    private final Addressing addressing;
    private final InvitePolicy invites;
    private final long organizerPowerLevel;
    private final SyncWatermark watermark;
    private final AnsweredMessages answered;
    private final Clock clock;
    private final DirectRooms directRooms;
    private final SyncHealth health;
    private final String homeserver;
    private final RoomStates states = new RoomStates();
    private final RecentIds recent = new RecentIds(REMEMBERED_EVENTS);
    private final RoomQueues queues = new RoomQueues(4, "matrix-bot");
    private final Messages messages = new Messages();
    private volatile boolean failing;

    MatrixListener(MatrixBridge bridge, String self, MessageHandler handler, Replier replier, Addressing addressing,
            InvitePolicy invites, long organizerPowerLevel, SyncTokenStore tokens, AnsweredMessages answered,
            Clock clock, DirectRooms directRooms, SyncHealth health, String homeserver) {
        this.bridge = bridge;
        this.self = self;
        this.handler = handler;
        this.replier = replier;
        this.addressing = addressing;
        this.invites = invites;
        this.organizerPowerLevel = organizerPowerLevel;
        this.watermark = new SyncWatermark(tokens);
        this.answered = answered;
        this.clock = clock;
        this.directRooms = directRooms;
        this.health = health;
        this.homeserver = homeserver;
    }

    @Override
    public void onBatch(SyncBatch batch) {
        if (failing) {
            failing = false;
            LOG.info("Matrix sync with {} works again", homeserver);
        }
        health.syncing();
        states.apply(batch.stateEvents(), batch.fullStateRoomIds());
        forgetDirectChatsLeft(batch.stateEvents());
        batch.invites().forEach(this::onInvite);
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        if (batch.initial()) {
            LOG.info("First Matrix sync: {} earlier messages left unanswered", batch.messages().size());
            batch.messages().forEach(message -> recent.firstTime(message.eventId()));
        } else {
            List<RoomMessage> fresh = batch.messages().stream()
                    .filter(m -> worthReading(m) && recent.firstTime(m.eventId())).toList();
            Set<String> rooms = new LinkedHashSet<>();
            fresh.forEach(m -> rooms.add(m.roomId()));
            rooms.forEach(this::knowState);
            fresh.forEach(message -> answers.add(queues.submit(message.roomId(), () -> answer(message))));
        }
        watermark.read(batch.nextBatch(), CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)));
    }

    @Override
    public void onError(Throwable error, Duration retryIn) {
        health.failing("Matrix sync with " + homeserver + " failed: " + Requests.rootMessage(error));
        if (!failing) {
            LOG.warn("Matrix sync with {} failed ({}); retrying in {} s, then with growing delays", homeserver,
                    error.toString(), Math.max(1, retryIn.toSeconds()));
        } else {
            LOG.debug("Matrix sync still failing ({}); next try in {} s", error.toString(), retryIn.toSeconds());
        }
        failing = true;
    }

    /**
     * Stops answering: lets the answers under way finish for at most {@code grace}, then saves nothing more, so
     * that what is still unanswered is read again after the restart.
     */
    void stop(Duration grace) {
        try {
            if (!watermark.awaitAnswered(grace)) {
                LOG.info("Stopping Matrix with {} sync batches not yet answered; the next start answers them",
                        watermark.owed());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watermark.close();
            queues.shutdown();
        }
    }

    private boolean worthReading(RoomMessage message) {
        return !message.sender().equals(self) && !message.edit()
                && ("m.text".equals(message.msgtype()) || RoomMessage.UNDECRYPTABLE.equals(message.msgtype()));
    }

    /** Reads a room's whole state once, the first time the bot must answer there without having seen it. */
    private void knowState(String roomId) {
        if (states.isComplete(roomId)) {
            return;
        }
        try {
            states.replace(roomId, Requests.patiently(() -> bridge.roomState(roomId))
                    .get(STATE_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not read the state of {} ({}); answering with what the sync told", roomId,
                    Requests.rootMessage(e));
        }
    }

    /**
     * A person who left their direct chat with the bot (or declined it) gets a new one the next time the bot writes
     * to them; the bot leaves the old one once nobody else is in it.
     */
    private void forgetDirectChatsLeft(List<RoomEvent> stateEvents) {
        for (RoomEvent event : stateEvents) {
            if (!(event instanceof MemberEvent member) || member.userId().equals(self)
                    || !(member.membership().equals("leave") || member.membership().equals("ban"))) {
                continue;
            }
            Map<String, String> members = states.of(member.roomId()).members();
            if (members.containsKey(member.userId())
                    || !directRooms.departed(bridge, member.userId(), member.roomId())) {
                continue;
            }
            if (states.isComplete(member.roomId()) && members.keySet().equals(Set.of(self))) {
                Requests.patiently(() -> bridge.leave(member.roomId())).whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.warn("Could not leave the abandoned direct chat {}: {}", member.roomId(),
                                Requests.rootMessage(error));
                    }
                });
            }
        }
    }

    private void onInvite(RoomInvite invite) {
        if (!recent.firstTime("invite " + invite.roomId() + " " + invite.inviter())) {
            return;
        }
        if (invites.accepts(invite.inviter())) {
            if (invite.direct()) {
                directRooms.remember(invite.inviter(), invite.roomId());
            }
            Requests.patiently(() -> bridge.join(invite.roomId())).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.warn("Could not join {} (invited by {}): {}", invite.roomId(), invite.inviter(),
                            Requests.rootMessage(error));
                } else {
                    LOG.info("Joined {} at the invitation of {}", invite.roomId(), invite.inviter());
                    if (invite.direct()) {
                        directRooms.joined(bridge, invite.inviter(), invite.roomId());
                    }
                }
            });
        } else {
            LOG.info("Declining the invitation to {} from {}: not on the allow-list", invite.roomId(),
                    invite.inviter());
            Requests.patiently(() -> bridge.leave(invite.roomId())).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.warn("Could not decline the invitation to {}: {}", invite.roomId(),
                            Requests.rootMessage(error));
                }
            });
        }
    }

    /**
     * On the room's queue: reads the message, asks the core, and sends the replies; the stage completes when they
     * are sent, and only then does the room's next message start.
     */
    private CompletionStage<Void> answer(RoomMessage message) {
        RoomStates.RoomState state = states.of(message.roomId());
        // only Matrix says what a direct chat is: a group room where the bot sits with one person is still a group
        boolean direct = directRooms.isDirect(message.roomId());
        if (RoomMessage.UNDECRYPTABLE.equals(message.msgtype())) {
            return undecryptable(message, direct);
        }
        String text = addressing.textFor(message, direct).orElse(null);
        if (text == null || answeredBefore(message)) {
            return CompletableFuture.completedFuture(null);
        }
        MessageRef ref = refOf(message);
        Person author = new Person(new PersonRef(MatrixChatPlatform.NAME, message.sender()),
                state.members().get(message.sender()));
        // whoever opens a direct chat holds all its power: there, only the organizers configured by name count
        boolean organizer = !direct && state.powerLevel(message.sender()) >= organizerPowerLevel;
        IncomingMessage incoming = new IncomingMessage(ref, author, text, direct, organizer,
                Instant.ofEpochMilli(message.originServerTs()));
        return handle(incoming).thenCompose(replies -> {
            CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
            for (int i = 0; i < replies.size(); i++) {
                int index = i;
                sent = sent.thenCompose(previous -> replier.reply(ref, message.sender(), direct, index,
                        replies.get(index)));
            }
            return sent;
        }).thenRun(() -> markAnswered(message)).exceptionally(error -> {
            LOG.warn("Could not answer {} in {}: {}", message.eventId(), message.roomId(),
                    Requests.rootMessage(error));
            return null;
        });
    }

    /**
     * A message the bot could not decrypt: logged; in a direct chat, where it was surely for the bot, the person is
     * told, in both languages since the bot cannot know which one they wrote in. In a group room, it may have been
     * for anyone: the bot keeps quiet there.
     */
    private CompletionStage<Void> undecryptable(RoomMessage message, boolean direct) {
        LOG.warn("Could not decrypt {} from {} in {}: its room key never reached the bot's device", message.eventId(),
                message.sender(), message.roomId());
        if (!direct || answeredBefore(message)) {
            return CompletableFuture.completedFuture(null);
        }
        MessageRef ref = refOf(message);
        Reply notice = Reply.plain(messages.get(Language.FR, "matrix.undecryptable") + "\n\n"
                + messages.get(Language.EN, "matrix.undecryptable"));
        return replier.reply(ref, message.sender(), true, 0, notice)
                .thenRun(() -> markAnswered(message))
                .exceptionally(error -> {
                    LOG.warn("Could not tell {} that their message was unreadable: {}", message.sender(),
                            Requests.rootMessage(error));
                    return null;
                });
    }

    private static MessageRef refOf(RoomMessage message) {
        return new MessageRef(new ConversationRef(MatrixChatPlatform.NAME, message.roomId()), message.eventId(),
                message.threadRootId());
    }

    private boolean answeredBefore(RoomMessage message) {
        try {
            return answered.isAnswered(MatrixChatPlatform.NAME, message.eventId());
        } catch (RuntimeException e) {
            LOG.warn("Could not read whether {} was answered before; answering it (the homeserver drops a reply it "
                    + "already has)", message.eventId(), e);
            return false;
        }
    }

    private void markAnswered(RoomMessage message) {
        try {
            answered.markAnswered(MatrixChatPlatform.NAME, message.eventId(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Could not record that {} was answered; reading it again would send the same replies, which the "
                    + "homeserver drops", message.eventId(), e);
        }
    }

    /** The core never fails; a handler that does anyway is logged, and that message gets no answer. */
    private CompletableFuture<List<Reply>> handle(IncomingMessage message) {
        try {
            return handler.handle(message).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
