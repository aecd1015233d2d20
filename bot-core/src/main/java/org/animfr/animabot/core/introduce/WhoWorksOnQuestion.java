package org.animfr.animabot.core.introduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.QuestionFeature;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.text.TextFold;

/**
 * Questions about people rather than sessions ("qui travaille sur les jardins partagés ?", "quelqu'un connaît les
 * web radios ?", "who else works on community maps?") are answered with similar people; every other question goes
 * to the questions' feature it wraps.
 */
public final class WhoWorksOnQuestion implements QuestionFeature {
    private static final Pattern WHO_WORKS_ON = Pattern.compile(
            "^(?:(?:bonjour|salut|hello|hi)[ ,!]+)?(?:est ce que? |y a t il |y a |il y a |existe t il |connaissez vous |connais tu )?"
                    + "(?:qui|quelqu ?un|qqn|qq1|des gens|des personnes|d autres|personne|who|anyone|anybody|someone"
                    + "|somebody|people)(?: d autre| else)?(?: qui)?"
                    + " (?:travaill\\w*|bosse\\w*|agi[ts]?|s occupe\\w*|mene\\w*|monte\\w*|porte\\w*|a un projet|ont un projet"
                    + "|a des projets|fai[ts]|fait|s interess\\w*|connai[ts]\\w*|works?|working|is working|runs?|running"
                    + "|does|doing|knows?|has a project|is into)"
                    + "(?: (?:sur|dans|avec|autour|de|du|des|les|le|la|l|aux|au|a|en|un|une|on|in|with|about|a project on))* (.+?)$");
    private static final Pattern ENGLISH = Pattern.compile("(?:(?:hello|hi)[ ,!]+)?(?:who|anyone|anybody|someone|somebody|people)\\b");
    /** Words that end a question without being its topic. */
    private static final Set<String> FILLERS = Set.of("stp", "svp", "please", "ici", "here", "aussi", "too", "also",
            "merci", "thanks");
    /** Topics that are about the training itself, which the questions' feature answers (who runs a session...). */
    private static final Pattern TRAINING = Pattern.compile(
            "\\b(formations?|sessions?|animacoop\\w*|regroupements?|inscriptions?|semaines?|training|course|gatherings?"
                    + "|registration)\\b");

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
            // like every question, answered in the language it was asked in
            Language language = ENGLISH.matcher(TextFold.fold(question).strip()).lookingAt() ? Language.EN : Language.FR;
            return people.answer(asked.withLanguage(language), topic);
        }
        return questions.answerLater(question, asked);
    }

    /** The topic of a question about who works on something, as typed (accents kept). */
    static Optional<String> topic(String question) {
        String cleaned = question.replaceAll("[’'\\-]", " ").replaceAll("[?!.…\\s]+$", "").strip();
        String[] typed = cleaned.split("\\s+");
        List<String> folded = new ArrayList<>();
        for (String word : typed) {
            folded.add(TextFold.fold(word).replaceAll("[,;:]", ""));
        }
        Matcher matcher = WHO_WORKS_ON.matcher(String.join(" ", folded));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int first = matcher.group(1).isEmpty() ? folded.size()
                : (int) matcher.group().substring(0, matcher.start(1)).chars().filter(c -> c == ' ').count();
        List<String> topic = new ArrayList<>();
        for (int i = first; i < typed.length; i++) {
            if (!FILLERS.contains(folded.get(i))) {
                topic.add(typed[i].replaceAll("[,;:]$", ""));
            }
        }
        String text = String.join(" ", topic).strip();
        if (text.length() < 3 || TRAINING.matcher(TextFold.fold(text)).find()) {
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
