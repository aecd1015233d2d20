package org.animfr.animabot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.animfr.animabot.core.chat.ChatPlatform;
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
import org.animfr.animabot.core.chat.spi.DaemonThreads;
import org.animfr.animabot.core.chat.spi.TextSanitizer;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot on the terminal: each input line is a message (see {@link ConsoleLine}) in the single conversation
 * {@code console:console}, and everything the bot says is printed. In JSON-lines mode each input line gives
 * exactly one JSON object {@code {"speaker", "text", "replies"}}; what the bot says outside the handling of a
 * line (later reminders) is printed as {@code {"conversation" or "person", "replies"}}.
 * Output is serialized, so deliveries from other threads never interleave with a line's answer.
 */
public final class ConsoleChatPlatform implements ChatPlatform {
    public static final String NAME = "console";
    public static final ConversationRef CONVERSATION = new ConversationRef(NAME, NAME);

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleChatPlatform.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final BufferedReader in;
    private final PrintStream out;
    private final ConsoleOptions options;
    private final Messages messages;
    private final Clock clock;
    private final AtomicLong lineNumber = new AtomicLong();
    private final CountDownLatch endOfInput = new CountDownLatch(1);
    private final Object output = new Object();
    private volatile boolean stopped;
    private volatile PlatformStatus status = PlatformStatus.STARTING;
    private Thread reader;
    /** The replies of the line being handled, collected for its JSON object; null between lines. */
    private List<String> collecting;

    public ConsoleChatPlatform(BufferedReader in, PrintStream out, ConsoleOptions options, Messages messages,
            Clock clock) {
        this.in = in;
        this.out = out;
        this.options = options;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start(MessageHandler handler) {
        if (reader != null) {
            throw new IllegalStateException("Console already started");
        }
        status = PlatformStatus.CONNECTED;
        reader = DaemonThreads.start("console-input", () -> readLines(handler));
    }

    /** Blocks until the input ends (end of file, or the console is stopped). */
    public void awaitEndOfInput() throws InterruptedException {
        endOfInput.await();
    }

    private void readLines(MessageHandler handler) {
        try {
            if (options.interactive()) {
                printPlain(messages.get(options.language(), "console.welcome"));
                prompt();
            }
            String line;
            while (!stopped && (line = in.readLine()) != null) {
                handleLine(handler, line);
                if (options.interactive()) {
                    prompt();
                }
            }
        } catch (IOException e) {
            if (!stopped) {
                LOG.warn("Console input failed", e);
            }
        } finally {
            status = PlatformStatus.STOPPED;
            endOfInput.countDown();
        }
    }

    private void handleLine(MessageHandler handler, String line) {
        ConsoleLine parsed = ConsoleLine.parse(line, options.defaultSpeaker());
        MessageRef ref = new MessageRef(CONVERSATION, "line-" + lineNumber.incrementAndGet(), null);
        IncomingMessage message = new IncomingMessage(ref,
                new Person(new PersonRef(NAME, parsed.speaker()), parsed.speaker()), parsed.text(), true,
                false, clock.instant());
        synchronized (output) {
            // what the bot posts here while answering the line (an announcement to this conversation) belongs to
            // the line's answer; the next line is read only once this one is answered, so piped questions keep
            // their order
            collecting = new ArrayList<>();
            try {
                List<Reply> replies;
                try {
                    replies = handler.handle(message).toCompletableFuture().join();
                } catch (RuntimeException e) {
                    LOG.warn("The bot failed on a console line", e);
                    replies = List.of();
                }
                replies.forEach(reply -> say(null, reply, null));
                if (options.jsonLines()) {
                    printJson(Map.of("speaker", parsed.speaker(), "text", parsed.text(), "replies", collecting));
                }
            } finally {
                collecting = null;
            }
        }
    }

    @Override
    public CompletionStage<Void> post(ConversationRef conversation, Outgoing message) {
        if (!conversation.equals(CONVERSATION)) {
            return CompletableFuture.failedFuture(
                    new DeliveryException("The console has only the conversation " + CONVERSATION));
        }
        return say(null, message.message(), "conversation");
    }

    @Override
    public CompletionStage<Void> sendDirect(PersonRef person, Outgoing message) {
        if (!person.platform().equals(NAME)) {
            return CompletableFuture.failedFuture(new DeliveryException("Not a console person: " + person));
        }
        return say(person.id(), message.message(), "person");
    }

    private CompletionStage<Void> say(String directTo, Reply reply, String outsideLineKey) {
        // what people typed is printed back: no escape sequence may reach the terminal
        String text = TextSanitizer.clean(reply.toPlainText());
        synchronized (output) {
            if (collecting != null) {
                collecting.add(directTo == null ? text
                        : messages.get(options.language(), "console.direct-prefix", directTo) + " " + text);
            } else if (options.jsonLines()) {
                String target = directTo == null ? CONVERSATION.id() : directTo;
                printJson(Map.of(outsideLineKey == null ? "conversation" : outsideLineKey, target,
                        "replies", List.of(text)));
            }
            if (!options.jsonLines()) {
                String prefix = directTo == null
                        ? messages.get(options.language(), "console.bot-prefix")
                        : messages.get(options.language(), "console.direct-prefix", directTo);
                printPlain(prefix + " " + text);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    private void printPlain(String text) {
        out.println(text);
        out.flush();
    }

    private void prompt() {
        out.print("> ");
        out.flush();
    }

    private void printJson(Map<String, Object> object) {
        out.println(JSON.writeValueAsString(object));
        out.flush();
    }

    @Override
    public PlatformStatus status() {
        return status;
    }

    @Override
    public void stop() {
        stopped = true;
        status = PlatformStatus.STOPPED;
        endOfInput.countDown();
    }

    /**
     * How the console behaves.
     *
     * @param jsonLines one JSON object per input line instead of text
     * @param interactive a person types at a terminal: show a welcome and a prompt
     * @param defaultSpeaker who speaks on lines without {@code Name:}
     * @param language the language of the console's own words
     */
    public record ConsoleOptions(boolean jsonLines, boolean interactive, String defaultSpeaker, Language language) {}
}
