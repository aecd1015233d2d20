package org.animfr.animabot.core.dispatch;

import java.util.Set;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.PersonRef;

/**
 * Who may use admin commands: the people configured by platform id, and anyone the platform itself marks as
 * an organizer in the conversation (a role, a power level).
 */
public record Organizers(Set<PersonRef> configured) {
    public Organizers {
        configured = Set.copyOf(configured);
    }

    public boolean isOrganizer(IncomingMessage message) {
        return message.platformOrganizer() || configured.contains(message.author().ref());
    }
}
