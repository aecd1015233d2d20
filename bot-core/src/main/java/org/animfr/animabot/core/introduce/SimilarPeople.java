package org.animfr.animabot.core.introduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.PrivateAnswers;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.learner.Learner;
import org.animfr.animabot.core.learner.Profile;
import org.animfr.animabot.core.learner.Profiles;

/**
 * Up to three people with the closest projects, for the asker alone: to their own project, or to a topic they
 * name. Only people who agreed to introductions are shown, and only to someone who agreed too: people who are seen
 * can see. Shared by {@code similaires} and by questions such as "qui travaille sur les jardins partagés ?".
 */
public final class SimilarPeople {
    static final int MAX = 3;

    private final Messages messages;
    private final Profiles profiles;
    private final SimilarProjects similar;
    private final IntroductionWording wording;
    private final PrivateAnswers privately;

    public SimilarPeople(Messages messages, Profiles profiles, SimilarProjects similar, IntroductionWording wording,
            PrivateAnswers privately) {
        this.messages = messages;
        this.profiles = profiles;
        this.similar = similar;
        this.wording = wording;
        this.privately = privately;
    }

    /** The answer, about the topic when there is one, else about the asker's project. */
    public CompletionStage<List<Reply>> answer(Asked asked, Optional<String> topic) {
        Language l = asked.language();
        Optional<Learner> asker = profiles.of(asked.message().author().ref());
        Profile profile = asker.map(Learner::profile).orElse(Profile.empty());
        if (!profile.introductions()) {
            return privately.answer(asked, messages.get(l, "similar.consent-first"));
        }
        if (topic.isEmpty() && !profile.hasProject()) {
            return privately.answer(asked, messages.get(l, "similar.project-first"));
        }
        List<SimilarProjects.Suggestion> found = topic.isPresent()
                ? similar.about(topic.get(), asker.get().id(), MAX)
                : similar.similarTo(asker.get(), MAX);
        if (found.isEmpty()) {
            return privately.answer(asked, topic.isPresent()
                    ? messages.get(l, "similar.none-topic", topic.get())
                    : messages.get(l, "similar.none"));
        }
        List<List<RichText.Span>> items = new ArrayList<>();
        for (SimilarProjects.Suggestion suggestion : found) {
            List<RichText.Span> item = new ArrayList<>();
            item.add(new RichText.Bold(suggestion.learner().displayName()));
            item.add(new RichText.Plain(" (" + wording.reach(l, suggestion.learner()) + ")"));
            if (!suggestion.sharedTerms().isEmpty()) {
                item.add(new RichText.Plain(" " + messages.get(l, "introduce.shared",
                        String.join(", ", suggestion.sharedTerms()))));
            }
            items.add(item);
        }
        RichText text = RichText.builder()
                .paragraph(topic.isPresent()
                        ? messages.get(l, "similar.title-topic", topic.get(), found.size())
                        : messages.get(l, "similar.title", found.size()))
                .bullets(items)
                .build();
        return privately.answer(asked, Reply.personal(text));
    }
}
