package org.animfr.animabot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;

/**
 * A platform for tests: {@link #say} delivers a message to the handler as a person would, and everything sent
 * is recorded. Conversations named in {@link #failing} refuse deliveries.
 */
public final class FakeChatPlatform implements ChatPlatform {
    /** Something the bot sent: where, and what. {@code kind} is reply, post or direct. */
    public record Sent(String kind, String target, Reply reply) {
        public String text() {
            return reply.toPlainText();
        }
    }

    private final String name;
    private final List<Sent> sent = new ArrayList<>();
    private final List<String> failing = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private MessageHandler handler;

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
    public synchronized List<Reply> say(String person, String conversation, String text) {
        return say(person, conversation, text, false);
    }

    public synchronized List<Reply> say(String person, String conversation, String text, boolean platformOrganizer) {
        MessageRef ref = new MessageRef(new ConversationRef(name, conversation), "m" + ids.incrementAndGet(), null);
        IncomingMessage message = new IncomingMessage(ref, new Person(new PersonRef(name, person), person), text,
                false, platformOrganizer, Instant.now());
        List<Reply> replies = handler.handle(message);
        replies.forEach(r -> reply(ref, r));
        return replies;
    }

    public void failing(String conversation) {
        failing.add(conversation);
    }

    @Override
    public synchronized CompletionStage<Void> reply(MessageRef inReplyTo, Reply reply) {
        sent.add(new Sent("reply", inReplyTo.conversation().id(), reply));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> post(ConversationRef conversation, Reply message) {
        if (failing.contains(conversation.id())) {
            return CompletableFuture.failedFuture(
                    new org.animfr.animabot.core.chat.DeliveryException("refused by the test"));
        }
        sent.add(new Sent("post", conversation.id(), message));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> sendDirect(PersonRef person, Reply message) {
        sent.add(new Sent("direct", person.id(), message));
        return CompletableFuture.completedFuture(null);
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
}
