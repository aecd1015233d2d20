package org.animfr.animabot.core.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;

/** Says in words what a profile holds, for its owner's eyes. Thread-safe. */
public final class ProfileWording {
    private final Messages messages;

    public ProfileWording(Messages messages) {
        this.messages = messages;
    }

    /**
     * Every line of the profile, in the person's language.
     *
     * @param sessionName the session's name for its id, when it is still in the data
     */
    public List<String> lines(Language l, Learner learner, Function<String, Optional<String>> sessionName) {
        Profile profile = learner.profile();
        List<String> lines = new ArrayList<>();
        lines.add(profile.hasProject()
                ? messages.get(l, "profile.project", profile.project())
                : messages.get(l, "profile.project.none"));
        lines.add(profile.keywords().isEmpty()
                ? messages.get(l, "profile.keywords.none")
                : messages.get(l, "profile.keywords", String.join(", ", profile.keywords())));
        lines.add(profile.territory().isEmpty()
                ? messages.get(l, "profile.territory.none")
                : messages.get(l, "profile.territory", profile.territory()));
        lines.add(profile.sessionId() == null
                ? messages.get(l, "profile.session.none")
                : messages.get(l, "profile.session", sessionName.apply(profile.sessionId()).orElse(profile.sessionId())));
        lines.add(consent(l, profile));
        List<String> accounts = learner.accounts().stream()
                .map(a -> messages.get(l, "profile.account", platformName(a.ref().platform()), a.displayName(),
                        a.ref().id()))
                .toList();
        lines.add(messages.get(l, "profile.accounts", String.join(" ; ", accounts)));
        return lines;
    }

    /** Whether the person is introduced, in a sentence. */
    public String consent(Language l, Profile profile) {
        if (!profile.introductions()) {
            return messages.get(l, "profile.introductions.off");
        }
        if (profile.pausedUntil() != null) {
            return messages.get(l, "profile.introductions.paused", messages.date(l, profile.pausedUntil()));
        }
        return messages.get(l, "profile.introductions.on");
    }

    /** A platform's name as people write it. */
    public static String platformName(String platform) {
        return switch (platform) {
            case "discord" -> "Discord";
            case "matrix" -> "Matrix";
            case "console" -> "console";
            default -> platform;
        };
    }
}
