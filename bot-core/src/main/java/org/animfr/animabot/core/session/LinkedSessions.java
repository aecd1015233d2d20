package org.animfr.animabot.core.session;

import java.util.Optional;
import org.animfr.animabot.core.chat.ConversationRef;

/**
 * Which session a conversation is about, as the session features read it (organizers link rooms to sessions).
 * Implementations are thread-safe.
 */
public interface LinkedSessions {

    /** The id of the session the conversation is linked to, if any. */
    Optional<String> sessionOf(ConversationRef conversation);
}
