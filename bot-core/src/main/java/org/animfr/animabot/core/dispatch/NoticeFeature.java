package org.animfr.animabot.core.dispatch;

import java.util.List;
import java.util.Optional;
import org.animfr.animabot.core.chat.Reply;

/**
 * Something the bot tells a person besides the answer to what they said, such as problems in the data for an
 * organizer. The dispatcher asks every notice once each message is answered, whatever the message was, and adds
 * what they return after the answer; a notice that throws is left out and the answer still goes. Implementations
 * are thread-safe (they may be asked on the thread that completes a late answer), quick, and perform I/O only
 * through the ports they were given.
 */
@FunctionalInterface
public interface NoticeFeature {

    /**
     * The replies to add after the answer: usually none, never null.
     *
     * @param asked the message and what the dispatcher knows around it (the language of the answer, organizer)
     * @param command the command the message ran (or was refused), empty for a question or a message the bot could
     *     not read
     */
    List<Reply> notices(Asked asked, Optional<CommandSpec> command);
}
