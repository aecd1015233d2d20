package org.animfr.animabot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatformContract;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;

/** The shared platform contract, over piped streams: lines in, printed text out. */
class ConsoleChatPlatformContractTest extends ChatPlatformContract {
    private final BlockingQueue<String> printed = new LinkedBlockingQueue<>();
    private PrintStream input;

    @Override
    protected ChatPlatform createPlatform() throws IOException {
        PipedInputStream pipe = new PipedInputStream();
        input = new PrintStream(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
        PrintStream output = new PrintStream(new LineCollector(printed), true, StandardCharsets.UTF_8);
        return new ConsoleChatPlatform(new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8)),
                output, new ConsoleChatPlatform.ConsoleOptions(false, false, "invité", Language.FR), new Messages(),
                Clock.systemUTC());
    }

    @Override
    protected void personWrites(String person, String conversation, String text) {
        input.println(person + ": " + text);
    }

    @Override
    protected String nextTextIn(String conversation) throws InterruptedException {
        return next();
    }

    @Override
    protected String nextDirectTextTo(String person) throws InterruptedException {
        String text = next();
        return text.contains("(message privé pour " + person + ")") ? text : "not for " + person + ": " + text;
    }

    private String next() throws InterruptedException {
        String line = printed.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return line == null ? "<nothing printed>" : line;
    }

    @Override
    protected ConversationRef conversation(String name) {
        return ConsoleChatPlatform.CONVERSATION;
    }

    @Override
    protected PersonRef person(String name) {
        return new PersonRef("console", name);
    }

    /** Collects what is printed, one entry per flushed chunk of lines. */
    static final class LineCollector extends OutputStream {
        private final BlockingQueue<String> sink;
        private final StringBuilder pending = new StringBuilder();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        LineCollector(BlockingQueue<String> sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void flush() {
            pending.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
            if (pending.length() > 0 && pending.charAt(pending.length() - 1) == '\n') {
                sink.add(pending.toString().strip());
                pending.setLength(0);
            }
        }
    }
}
