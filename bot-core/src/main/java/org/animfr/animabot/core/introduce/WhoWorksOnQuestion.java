package org.animfr.animabot.core.introduce;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.QuestionFeature;
import org.animfr.animabot.core.text.TextFold;

/**
 * Questions about people rather than sessions ("qui travaille sur les jardins partagés ?", "quelqu'un connaît les
 * web radios ?", "who else works on community maps?") are answered with similar people; every other question goes
 * to the questions' feature it wraps.
 */
public final class WhoWorksOnQuestion implements QuestionFeature {
    private static final Pattern WHO_WORKS_ON = Pattern.compile(
            "^(?:(?:bonjour|salut|hello|hi)[ ,!]+)?(?:est ce qu ?|y a t il |y a |il y a |existe t il |connaissez vous |connais tu )?"
                    + "(?:qui|quelqu ?un|qqn|qq1|des gens|des personnes|d autres|personne|who|anyone|anybody|someone"
                    + "|somebody|people)(?: d autre| else)?(?: qui)?"
                    + " (?:travaill\\w*|bosse\\w*|agi[ts]?|s occupe\\w*|mene\\w*|monte\\w*|porte\\w*|a un projet|ont un projet"
                    + "|a des projets|fai[ts]|fait|s interess\\w*|connai[ts]\\w*|works?|working|is working|runs?|running"
                    + "|does|doing|knows?|has a project|is into)"
                    + "(?: (?:sur|dans|avec|autour|de|du|des|les|le|la|l|aux|au|a|en|on|in|with|about|a project on))* (.+?)$");

    private final QuestionFeature questions;
    private final SimilarPeople people;

    public WhoWorksOnQuestion(QuestionFeature questions, SimilarPeople people) {
        this.questions = questions;
        this.people = people;
    }

    @Override
    public List<Reply> answer(String question, Asked asked) {
        return questions.answer(question, asked);
    }

    @Override
    public CompletionStage<List<Reply>> answerLater(String question, Asked asked) {
        Optional<String> topic = topic(question);
        if (topic.isPresent()) {
            return people.answer(asked, topic);
        }
        return questions.answerLater(question, asked);
    }

    /** The topic of a question about who works on something, as typed. */
    static Optional<String> topic(String question) {
        String folded = TextFold.fold(question).replaceAll("[’'\\-]", " ").replaceAll("[?!.]+\\s*$", "")
                .replaceAll("\\s+", " ").strip();
        Matcher matcher = WHO_WORKS_ON.matcher(folded);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String topic = matcher.group(1).replaceAll("\\b(stp|svp|please|ici|here|aussi|too|also)\\b", "").strip();
        return topic.length() < 3 ? Optional.empty() : Optional.of(topic);
    }
}
