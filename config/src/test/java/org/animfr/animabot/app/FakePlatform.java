package org.animfr.animabot.app;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.animfr.animabot.core.chat.Reply;

/**
 * A chat platform for tests of the whole application: {@link #say} hands a person's direct message to the core as
 * an adapter would and returns the answer; what the bot sends on its own is recorded, once per idempotency key as
 * the real platforms keep it. (bot-core's {@code FakeChatPlatform} is in its test-jar, which this module does not
 * depend on.) Thread-safe.
 */
final class FakePlatform implements ChatPlatform {
    /** A direct message the bot sent on its own: to whom, its idempotency key, its text. */
    record Direct(String person, String key, String text) {}

    private final String name;
    private final Clock clock;
    private final List<Direct> directs = new CopyOnWriteArrayList<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private volatile MessageHandler handler;

    FakePlatform(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(MessageHandler messageHandler) {
        this.handler = messageHandler;
    }

    /** The person writes to the bot in their direct conversation with it; returns the answer's text. */
    String say(String person, String displayName, String text) throws Exception {
        MessageRef ref = new MessageRef(new ConversationRef(name, "dm-" + person), "m" + messageIds.incrementAndGet(),
                null);
        IncomingMessage message = new IncomingMessage(ref, new Person(new PersonRef(name, person), displayName), text,
                true, false, clock.instant());
        List<Reply> replies = handler.handle(message).toCompletableFuture().get(60, TimeUnit.SECONDS);
        return replies.stream().map(Reply::toPlainText).collect(Collectors.joining("\n"));
    }

    /** The direct messages sent to the person so far, in order. */
    List<Direct> directsTo(String person) {
        return directs.stream().filter(d -> d.person().equals(person)).toList();
    }

    @Override
    public CompletionStage<Void> post(ConversationRef conversation, Outgoing message) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> sendDirect(PersonRef person, Outgoing message) {
        if (directs.stream().noneMatch(d -> d.key().equals(message.key()))) {
            directs.add(new Direct(person.id(), message.key(), message.message().toPlainText()));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public PlatformStatus status() {
        return handler == null ? PlatformStatus.STOPPED : PlatformStatus.CONNECTED;
    }

    @Override
    public void stop() {
        handler = null;
    }
}
