package org.animfr.animabot.core.dispatch;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;

/**
 * One command of the bot: its spec, given once to this constructor, and how it answers. A command checks and
 * words; the work is done by a use case it was given. Subclasses are thread-safe.
 */
public abstract class CommandFeature {
    private final CommandSpec spec;

    protected CommandFeature(CommandSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** What the command is called, who may run it and what it takes. */
    public final CommandSpec spec() {
        return spec;
    }

    /**
     * The replies, never empty. Most commands answer at once (a completed stage, see {@link Replies}); one whose
     * work takes long (an announcement) completes later, off the caller's thread, with replies for the asker only.
     * Performs I/O only through the ports it was given.
     */
    public abstract CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked);
}
