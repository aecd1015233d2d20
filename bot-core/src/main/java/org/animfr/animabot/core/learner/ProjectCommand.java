package org.animfr.animabot.core.learner;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Form;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.PrivateAnswers;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.SessionContexts;
import org.animfr.animabot.core.text.TextFold;

/**
 * {@code projet <description>}: saves or replaces the person's project description, answered privately. Without a
 * description it shows the one saved. A profile set in a room linked to a session is for that session, unless the
 * person named another one with {@code promo}.
 */
public final class ProjectCommand extends CommandFeature {
    static final String DESCRIPTION = "description";
    public static final CommandSpec SPEC = CommandSpec.command("project", "projet", "project")
            .frenchAliases("mon-projet")
            .englishAliases("my-project")
            .parameter(Parameter.freeText(DESCRIPTION, "description", "description"))
            .build();

    private final Messages messages;
    private final Profiles profiles;
    private final SessionContexts sessions;
    private final PrivateAnswers privately;

    public ProjectCommand(Messages messages, Profiles profiles, SessionContexts sessions, PrivateAnswers privately) {
        super(SPEC);
        this.messages = messages;
        this.profiles = profiles;
        this.sessions = sessions;
        this.privately = privately;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        Optional<String> typed = invocation.argument(DESCRIPTION).map(ProjectCommand::clean);
        if (typed.isEmpty() || typed.get().isEmpty()) {
            Profile current = profiles.profileOf(asked.message().author().ref());
            Reply shown = Reply.personal(RichText.plain(current.hasProject()
                    ? messages.get(l, "project.current", current.project())
                    : messages.get(l, "project.none")));
            // where the platform has forms (a Discord modal), the current text comes prefilled, ready to edit
            return privately.answer(asked, shown.withForm(new Form(messages.get(l, "project.form.title"),
                    messages.get(l, "project.form.label"), current.project(), Profile.MAX_PROJECT, SPEC.key(),
                    DESCRIPTION)));
        }
        String description = typed.get();
        int length = description.codePointCount(0, description.length());
        if (length > Profile.MAX_PROJECT) {
            return privately.answer(asked, messages.get(l, "project.too-long", length, Profile.MAX_PROJECT));
        }
        if (TextFold.compact(description).length() < 3) {
            return privately.answer(asked, messages.get(l, "project.too-short"));
        }
        Optional<Session> roomSession = sessions.of(asked).linkedSession();
        Learner learner = profiles.change(asked.message().author(), (current, at) -> {
            Profile changed = current.withProject(description, at);
            return changed.sessionId() == null && roomSession.isPresent()
                    ? changed.withSession(roomSession.get().id(), at) : changed;
        });
        String next = learner.profile().introductions()
                ? messages.get(l, "project.saved.next-similar")
                : messages.get(l, "project.saved.next-consent");
        return privately.answer(asked, messages.get(l, "project.saved") + "\n" + next);
    }

    /** The description as it will be kept: no control characters, spaces collapsed within lines. */
    static String clean(String typed) {
        return typed.replaceAll("[\\p{Cc}&&[^\\n]]", " ").replaceAll("[ \\t\\x0B\\f]+", " ")
                .replaceAll(" ?\\n ?", "\n").strip();
    }
}
