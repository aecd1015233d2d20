package org.animfr.animabot.core.learner;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.PrivateAnswers;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Session;

/** {@code mon profil}: what the bot stores of the person's profile, for their eyes only. */
public final class MyProfileCommand extends CommandFeature {
    public static final CommandSpec SPEC = CommandSpec.command("my-profile", "mon-profil", "my-profile")
            .frenchAliases("profil")
            .englishAliases("profile")
            .build();

    private final Messages messages;
    private final Profiles profiles;
    private final Supplier<Catalog> catalog;
    private final ProfileWording wording;
    private final PrivateAnswers privately;

    public MyProfileCommand(Messages messages, Profiles profiles, Supplier<Catalog> catalog,
            PrivateAnswers privately) {
        super(SPEC);
        this.messages = messages;
        this.profiles = profiles;
        this.catalog = catalog;
        this.wording = new ProfileWording(messages);
        this.privately = privately;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        Optional<Learner> learner = profiles.of(asked.message().author().ref());
        if (learner.isEmpty() || learner.get().profile().isEmpty()) {
            return privately.answer(asked, messages.get(l, "profile.empty"));
        }
        Catalog current = catalog.get();
        List<String> lines = wording.lines(l, learner.get(), id -> current.byId(id).map(Session::name));
        return privately.answer(asked, messages.get(l, "profile.title") + "\n" + String.join("\n", lines));
    }
}
