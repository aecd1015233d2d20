package org.animfr.animabot.core.learner;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.PrivateAnswers;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.text.TextFold;
import org.animfr.animabot.core.text.TypedDate;

/**
 * {@code presentations oui|non|pause <date>}: the person's consent to be introduced, listed and suggested to others.
 * Off until they say yes; a pause lasts until the date given, included. Answered privately.
 */
public final class IntroductionsCommand extends CommandFeature {
    private static final String CHOICE = "consent";
    public static final CommandSpec SPEC = CommandSpec.command("introductions", "presentations", "introductions")
            .frenchAliases("presentation", "mises-en-relation")
            .englishAliases("introduction")
            .parameter(Parameter.text(CHOICE, "choix", "choice"))
            .build();

    private final Messages messages;
    private final Profiles profiles;
    private final ProfileWording wording;
    private final PrivateAnswers privately;

    public IntroductionsCommand(Messages messages, Profiles profiles, PrivateAnswers privately) {
        super(SPEC);
        this.messages = messages;
        this.profiles = profiles;
        this.wording = new ProfileWording(messages);
        this.privately = privately;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        String typed = invocation.argument(CHOICE).map(TextFold::fold).orElse("").strip();
        String first = typed.split("\\s+", 2)[0];
        Profile current = profiles.profileOf(asked.message().author().ref());
        switch (first) {
            case "oui", "on", "yes", "o", "y" -> {
                profiles.change(asked.message().author(), (p, at) -> p.withIntroductions(true, at));
                return privately.answer(asked, messages.get(l, current.hasProject()
                        ? "introductions.on" : "introductions.on-without-project"));
            }
            case "non", "off", "no", "n" -> {
                if (!current.introductions()) {
                    return privately.answer(asked, messages.get(l, "introductions.already-off"));
                }
                profiles.change(asked.message().author(), (p, at) -> p.withIntroductions(false, at));
                return privately.answer(asked, messages.get(l, "introductions.off"));
            }
            case "pause" -> {
                return pause(asked, typed.substring(first.length()).strip(), current);
            }
            default -> {
                return privately.answer(asked, wording.consent(l, current) + "\n"
                        + messages.get(l, "introductions.usage"));
            }
        }
    }

    private CompletionStage<List<Reply>> pause(Asked asked, String when, Profile current) {
        Language l = asked.language();
        if (!current.introductions()) {
            return privately.answer(asked, messages.get(l, "introductions.pause-without-consent"));
        }
        LocalDate today = asked.now().toLocalDate();
        String date = when.replaceFirst("^(jusqu'?au|jusqu'?a|jusque|au|until|till|to)\\s+", "");
        Optional<LocalDate> lastDay = date.isEmpty() ? Optional.empty() : TypedDate.parse(date, today);
        if (lastDay.isEmpty()) {
            return privately.answer(asked, messages.get(l, "introductions.pause-usage"));
        }
        if (lastDay.get().isBefore(today)) {
            return privately.answer(asked, messages.get(l, "introductions.pause-past",
                    messages.date(l, lastDay.get())));
        }
        profiles.change(asked.message().author(), (p, at) -> p.pausedUntil(lastDay.get(), at));
        return privately.answer(asked, messages.get(l, "introductions.paused", messages.date(l, lastDay.get())));
    }
}
