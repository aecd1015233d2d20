package org.animfr.animabot.core.room;

import java.util.List;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.session.LinkedSessions;

/**
 * Which session each conversation (room, channel) is linked to. A conversation has at most one session;
 * a session may have many conversations on many platforms. Implementations are durable and thread-safe.
 */
public interface RoomLinks extends LinkedSessions {

    /** Links the conversation to the session, replacing any previous link of that conversation. */
    void link(ConversationRef conversation, String sessionId);

    /** Removes the conversation's link; returns false when it had none. */
    boolean unlink(ConversationRef conversation);

    /** Every conversation linked to the session, in the order they were linked. */
    List<ConversationRef> conversationsOf(String sessionId);
}
