package org.animfr.animabot.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.spi.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers interactions within Discord's three seconds, however long the answer takes. An answer ready within a grace
 * period is the interaction's response, with each part's own visibility, or a modal when a reply asks for a longer
 * text. Otherwise the interaction is acknowledged privately (a deferral: "Animabot is thinking…"), as the core makes
 * only the answers meant for the asker wait, and the answer follows through the interaction's webhook: its first part
 * fills the deferred message, the others are follow-ups with their own visibility. Nothing here blocks: the caller's
 * thread (JDA's event thread) only starts a timer. Thread-safe.
 *
 * <p>Two instances of the bot on one token both receive every interaction; the one whose response Discord took first
 * answers, the other stops at Discord's "already acknowledged".
 */
final class InteractionAnswers {
    /**
     * How long an answer may take before the interaction is deferred: well within Discord's three seconds, which
     * count from when the person acted and must also cover the gateway's delivery and the deferral's own request.
     */
    static final Duration GRACE = Duration.ofMillis(1500);

    private static final Logger LOG = LoggerFactory.getLogger(InteractionAnswers.class);

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("discord-acknowledge"));

    /**
     * Answers the interaction with the replies when they come: at once if they come within {@code grace}, else after
     * a private deferral. A zero grace defers at once (commands whose answers are known to take long).
     */
    void answer(IReplyCallback event, CompletableFuture<List<Reply>> replies, Duration grace) {
        // whoever comes first, the answer or the timer, makes the interaction's one initial response
        AtomicBoolean responded = new AtomicBoolean();
        if (grace.isZero()) {
            responded.set(true);
            followUpWhenReady(event, replies, defer(event));
            return;
        }
        timer.schedule(() -> {
            if (responded.compareAndSet(false, true)) {
                followUpWhenReady(event, replies, defer(event));
            }
        }, grace.toMillis(), TimeUnit.MILLISECONDS);
        replies.thenAccept(ready -> {
            if (responded.compareAndSet(false, true)) {
                respond(event, ready);
            }
        });
    }

    void stop() {
        timer.shutdownNow();
    }

    /**
     * The answer as the interaction's response. A reply asking for a longer text is shown as a modal where the
     * interaction can open one (Discord allows no modal in answer to a modal); its other replies are then left out,
     * the modal being the answer. Elsewhere the reply's text says what to type. The parts after the first follow
     * only once Discord took the first as the interaction's response: another instance of the bot may have answered.
     */
    private static void respond(IReplyCallback event, List<Reply> replies) {
        if (event instanceof IModalCallback modalCallback) {
            Optional<Modal> modal = replies.stream().filter(r -> r.form() != null).findFirst()
                    .flatMap(r -> DiscordForms.modal(r.form()));
            if (modal.isPresent()) {
                modalCallback.replyModal(modal.get()).queue(null, error -> refused(event, error));
                return;
            }
        }
        List<Part> parts = parts(replies);
        if (parts.isEmpty()) {
            return;
        }
        Part first = parts.get(0);
        event.reply(first.message()).setEphemeral(first.personal()).queue(
                ours -> sendInOrder(event.getHook(), parts.subList(1, parts.size())),
                error -> refused(event, error));
    }

    private static void followUpWhenReady(IReplyCallback event, CompletableFuture<List<Reply>> replies,
            CompletableFuture<?> acknowledged) {
        replies.thenAcceptBoth(acknowledged, (ready, ours) -> followUp(event.getHook(), ready));
    }

    /**
     * The answer after a deferral: the first part fills the deferred message (which stays private, as deferred), the
     * others follow in order with their own visibility. An empty answer removes the "thinking…" message, which would
     * otherwise turn into "the application did not respond".
     */
    private static void followUp(InteractionHook hook, List<Reply> replies) {
        List<Part> parts = parts(replies);
        if (parts.isEmpty()) {
            hook.deleteOriginal().queue(null, error -> LOG.debug("Could not remove a deferred response", error));
            return;
        }
        hook.editOriginal(MessageEditData.fromCreateData(parts.get(0).message())).queue(
                filled -> sendInOrder(hook, parts.subList(1, parts.size())),
                error -> RestAction.getDefaultFailure().accept(error));
    }

    /** Follow-ups, each sent once Discord took the one before, so that they show in order. */
    private static void sendInOrder(InteractionHook hook, List<Part> parts) {
        if (parts.isEmpty()) {
            return;
        }
        Part next = parts.get(0);
        hook.sendMessage(next.message()).setEphemeral(next.personal()).queue(
                sent -> sendInOrder(hook, parts.subList(1, parts.size())));
    }

    private static List<Part> parts(List<Reply> replies) {
        List<Part> parts = new ArrayList<>();
        for (Reply reply : replies) {
            boolean personal = reply.visibility() == Reply.Visibility.PERSONAL;
            DiscordMessageMapper.messages(reply).forEach(message -> parts.add(new Part(message, personal)));
        }
        return parts;
    }

    /** One message of an interaction's answer, and whether only the person who asked sees it. */
    private record Part(MessageCreateData message, boolean personal) {}

    /**
     * Acknowledges the interaction privately; the future completes once Discord took our acknowledgement, and fails
     * when it did not (another instance of the bot acknowledged it first, or we were too late).
     */
    private static CompletableFuture<?> defer(IReplyCallback event) {
        CompletableFuture<?> acknowledged = event.deferReply(true).submit();
        acknowledged.whenComplete((ours, error) -> {
            if (error != null) {
                refused(event, error);
            }
        });
        return acknowledged;
    }

    /**
     * Discord refused our response to an interaction. Refused as already acknowledged, it was answered by another
     * instance of the bot on the same token (each receives every interaction): expected, so only a debug line.
     * Any other refusal is logged as JDA logs a failed request.
     */
    static void refused(Interaction event, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ErrorResponseException refused
                && refused.getErrorResponse() == ErrorResponse.INTERACTION_ALREADY_ACKNOWLEDGED) {
            LOG.debug("Interaction {} in {} answered by another instance of the bot", event.getId(),
                    event.getChannelId());
        } else {
            RestAction.getDefaultFailure().accept(cause);
        }
    }
}
