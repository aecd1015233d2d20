package org.animfr.animabot.core.command;

import java.util.List;
import org.animfr.animabot.core.chat.Reply;

/** One command of the bot: turns a parsed command into replies. Implementations are thread-safe. */
public interface CommandFeature {

    /** The command this feature answers; the dispatcher routes it here and nowhere else. */
    CommandName command();

    /** The replies to the command, never empty. Performs I/O only through the ports it was given. */
    List<Reply> execute(ParsedMessage.Command command, Asked asked);
}
