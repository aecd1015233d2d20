package org.animfr.animabot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChatPlatform} must do, proven by each adapter over its real transport (piped streams for
 * the console, a fake Discord for JDA, Synapse for Matrix). An adapter's test extends this class and says how a
 * person writes and how to read what the platform delivered.
 */
public abstract class ChatPlatformContract {
    protected static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final List<IncomingMessage> received = new CopyOnWriteArrayList<>();
    private ChatPlatform platform;

    /** A new, not yet started platform connected to the test transport. */
    protected abstract ChatPlatform createPlatform() throws Exception;

    /** A person writes a message to the bot in a conversation, through the real transport. */
    protected abstract void personWrites(String person, String conversation, String text) throws Exception;

    /** The next text delivered by the platform into the conversation, waiting up to {@link #TIMEOUT}. */
    protected abstract String nextTextIn(String conversation) throws Exception;

    /** The next text delivered to the person directly, waiting up to {@link #TIMEOUT}. */
    protected abstract String nextDirectTextTo(String person) throws Exception;

    /** The platform's reference of a test conversation and person. */
    protected abstract ConversationRef conversation(String name);

    protected abstract PersonRef person(String name);

    /** Names of a conversation and a person that exist on the test transport. */
    protected String aConversation() {
        return "general";
    }

    protected String aPerson() {
        return "ana";
    }

    @BeforeEach
    void startPlatform() throws Exception {
        platform = createPlatform();
        platform.start(message -> {
            received.add(message);
            if (message.text().contains("explode")) {
                throw new IllegalStateException("handler failure the platform must survive");
            }
            if (message.text().contains("later")) {
                // an answer that completes on another thread, as an announcement's summary does
                return CompletableFuture.supplyAsync(() -> List.of(Reply.personal(RichText.plain(
                        "done: " + message.text()))), CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
            }
            return CompletableFuture.completedFuture(List.of(Reply.plain("echo: " + message.text())));
        });
    }

    @AfterEach
    void stopPlatform() {
        platform.stop();
    }

    @Test
    void aPersonsMessageReachesTheHandlerAndTheReplyComesBack() throws Exception {
        personWrites(aPerson(), aConversation(), "quand est le prochain regroupement ?");

        assertThat(nextTextIn(aConversation())).contains("echo: quand est le prochain regroupement ?");
        IncomingMessage message = received.get(0);
        assertThat(message.author().ref()).isEqualTo(person(aPerson()));
        assertThat(message.conversation()).isEqualTo(conversation(aConversation()));
        assertThat(message.text()).isEqualTo("quand est le prochain regroupement ?");
    }

    @Test
    void postingToAConversationDeliversRichTextReadably() throws Exception {
        RichText text = RichText.builder()
                .paragraph(new RichText.Bold("Annonce"), new RichText.Plain(" : regroupement jeudi"))
                .bullets(List.of(List.of(new RichText.Plain("Brest")), List.of(new RichText.Plain("Caen"))))
                .paragraph(new RichText.Link("inscription", "https://example.org/inscription"))
                .build();

        platform.post(conversation(aConversation()), Outgoing.once(Reply.of(text))).toCompletableFuture()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(nextTextIn(aConversation()))
                .contains("Annonce", "regroupement jeudi", "Brest", "Caen", "https://example.org/inscription");
    }

    @Test
    void aDirectMessageReachesThePerson() throws Exception {
        platform.sendDirect(person(aPerson()), Outgoing.once(Reply.plain("Bonjour Ana, voici une mise en relation.")))
                .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(nextDirectTextTo(aPerson())).contains("Bonjour Ana, voici une mise en relation.");
    }

    @Test
    void aFailingHandlerDoesNotStopThePlatform() throws Exception {
        personWrites(aPerson(), aConversation(), "explode");
        personWrites(aPerson(), aConversation(), "encore là ?");

        String text = nextTextIn(aConversation());
        if (!text.contains("echo:")) {
            // a platform may tell the person that their first message failed; the next one must still work
            text = nextTextIn(aConversation());
        }
        assertThat(text).contains("echo: encore là ?");
    }

    @Test
    void anAnswerReadyLaterStillReachesTheConversation() throws Exception {
        personWrites(aPerson(), aConversation(), "later please");

        assertThat(nextTextIn(aConversation())).contains("done: later please");
    }

    @Test
    void theStatusSaysConnectedOnceStartedAndStoppedAfterStopping() {
        await().atMost(TIMEOUT).until(() -> platform.status().isConnected());

        platform.stop();

        assertThat(platform.status().state()).isEqualTo(PlatformStatus.State.STOPPED);
    }

    @Test
    void stoppingTwiceIsHarmless() {
        platform.stop();
        platform.stop();
    }
}
