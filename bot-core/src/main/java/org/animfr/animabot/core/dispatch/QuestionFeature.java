package org.animfr.animabot.core.dispatch;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;

/** Answers free text that is not a command. Implementations are thread-safe. */
public interface QuestionFeature {

    /** The replies to the question, never empty: an honest "I am not sure" when nothing fits. */
    List<Reply> answer(String question, Asked asked);

    /** The replies, when answering needs to wait for something (a direct message sent); by default at once. */
    default CompletionStage<List<Reply>> answerLater(String question, Asked asked) {
        return Replies.of(answer(question, asked));
    }
}
