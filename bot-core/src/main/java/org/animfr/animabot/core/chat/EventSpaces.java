package org.animfr.animabot.core.chat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What a platform whose spaces keep a calendar of their own offers (Discord: a server's scheduled events), besides
 * being a {@link ChatPlatform}: the bot keeps the gatherings of the sessions linked to a space's rooms there.
 * Implementations are thread-safe.
 */
public interface EventSpaces {

    /** The space of each conversation that belongs to one (its Discord server), by space id. */
    Map<String, List<ConversationRef>> spacesOf(Collection<ConversationRef> conversations);

    /**
     * Makes the events the bot published in every space exactly these, matched by {@link ScheduledEvent#key()}:
     * creates what is missing, updates what changed, removes what is no longer wanted, in every space it ever
     * published to (a space missing from {@code wanted} loses the bot's events). The platform's own people's events
     * are never touched. Completes when done; a failure in one space does not stop the others.
     */
    CompletionStage<Void> showEvents(Map<String, List<ScheduledEvent>> wanted);
}
