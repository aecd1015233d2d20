package org.animfr.animabot.core.dispatch;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;

/** Answers that are ready at once, as commands return them. */
public final class Replies {
    private Replies() {}

    public static CompletionStage<List<Reply>> of(Reply... replies) {
        return CompletableFuture.completedFuture(List.of(replies));
    }

    public static CompletionStage<List<Reply>> of(List<Reply> replies) {
        return CompletableFuture.completedFuture(List.copyOf(replies));
    }

    /** A plain text for the asker only: a setting confirmed, an error explained. */
    public static CompletionStage<List<Reply>> personal(String text) {
        return of(Reply.personal(RichText.plain(text)));
    }

    /** Rich text for the asker only. */
    public static CompletionStage<List<Reply>> personal(RichText text) {
        return of(Reply.personal(text));
    }

    /** Rich text for everyone in the conversation. */
    public static CompletionStage<List<Reply>> shared(RichText text) {
        return of(Reply.of(text));
    }
}
