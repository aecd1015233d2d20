package org.animfr.animabot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.DeliveryException;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.animfr.animabot.core.chat.Reply;

/**
 * A platform for tests: {@link #say} delivers a message to the handler as a person would, and everything sent
 * is recorded. Conversations named in {@link #failing} refuse deliveries.
 */
public class FakeChatPlatform implements ChatPlatform {
    /**
     * Something the bot sent: where, and what. {@code kind} is reply, post or direct; {@code key} and
     * {@code threadName} are those of posts and direct messages (null for replies).
     */
    public record Sent(String kind, String target, Reply reply, String key, String threadName) {
        public String text() {
            return reply.toPlainText();
        }
    }

    private final String name;
    private final List<Sent> sent = new ArrayList<>();
    private final List<String> failing = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile MessageHandler handler;

    public FakeChatPlatform(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(MessageHandler handler) {
        this.handler = handler;
    }

    /** A person writes in a conversation; returns the replies the bot sent back to that message. */
    public List<Reply> say(String person, String conversation, String text) {
        return say(person, conversation, text, false);
    }

    public List<Reply> say(String person, String conversation, String text, boolean platformOrganizer) {
        MessageRef ref = ref(conversation);
        return deliver(new IncomingMessage(ref, new Person(new PersonRef(name, person), person), text, false,
                platformOrganizer, Instant.now()));
    }

    /** A person writes to the bot in their direct conversation with it ({@code dm-<person>}). */
    public List<Reply> sayDirectly(String person, String text) {
        MessageRef ref = ref("dm-" + person);
        return deliver(new IncomingMessage(ref, new Person(new PersonRef(name, person), person), text, true, false,
                Instant.now()));
    }

    /** The direct messages sent to a person, in order. */
    public synchronized List<Sent> directsTo(String person) {
        return sent.stream().filter(s -> s.kind().equals("direct") && s.target().equals(person)).toList();
    }

    /** A person uses a command the platform parsed (a slash command, a button), with their client's language. */
    public List<Reply> use(String person, String conversation, CommandCall call, Locale locale) {
        return deliver(IncomingMessage.command(ref(conversation), new Person(new PersonRef(name, person), person),
                call, false, false, Instant.now(), locale));
    }

    private MessageRef ref(String conversation) {
        return new MessageRef(new ConversationRef(name, conversation), "m" + ids.incrementAndGet(), null);
    }

    private List<Reply> deliver(IncomingMessage message) {
        List<Reply> replies = handler.handle(message).toCompletableFuture().join();
        synchronized (this) {
            replies.forEach(r -> sent.add(new Sent("reply", message.conversation().id(), r, null, null)));
        }
        return replies;
    }

    public synchronized void failing(String conversation) {
        failing.add(conversation);
    }

    /** Forgets what was sent so far. */
    public synchronized void clearSent() {
        sent.clear();
    }

    public synchronized void notFailing(String conversation) {
        failing.remove(conversation);
    }

    @Override
    public synchronized CompletionStage<Void> post(ConversationRef conversation, Outgoing message) {
        if (failing.contains(conversation.id())) {
            return CompletableFuture.failedFuture(new DeliveryException("refused by the test"));
        }
        // like Discord's nonce and Matrix's transaction id: the same key makes no second message
        if (sent.stream().noneMatch(s -> message.key().equals(s.key()))) {
            sent.add(new Sent("post", conversation.id(), message.message(), message.key(), message.threadName()));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> sendDirect(PersonRef person, Outgoing message) {
        if (sent.stream().noneMatch(s -> message.key().equals(s.key()))) {
            sent.add(new Sent("direct", person.id(), message.message(), message.key(), message.threadName()));
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

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<Sent> posts() {
        return sent.stream().filter(s -> s.kind().equals("post")).toList();
    }

    public synchronized List<Sent> directs() {
        return sent.stream().filter(s -> s.kind().equals("direct")).toList();
    }
}
