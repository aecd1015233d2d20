package org.animfr.animabot.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.animfr.animabot.core.chat.Attachment;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.PrivateAnswers;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.introduce.Introduction;
import org.animfr.animabot.core.learner.ProfileWording;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Session;

/**
 * {@code mes donnees}: everything the bot stores about the person, in words and, where the platform takes files, as
 * a JSON file. For their eyes only.
 */
public final class MyDataCommand extends CommandFeature {
    public static final CommandSpec SPEC = CommandSpec.command("my-data", "mes-donnees", "my-data")
            .frenchAliases("donnees", "mes-infos")
            .englishAliases("data")
            .build();

    private final Messages messages;
    private final PersonalData data;
    private final Supplier<Catalog> catalog;
    private final ProfileWording wording;
    private final PrivateAnswers privately;

    public MyDataCommand(Messages messages, PersonalData data, Supplier<Catalog> catalog, PrivateAnswers privately) {
        super(SPEC);
        this.messages = messages;
        this.data = data;
        this.catalog = catalog;
        this.wording = new ProfileWording(messages);
        this.privately = privately;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        DataExport export = data.export(asked.message().author().ref());
        if (export.isEmpty()) {
            return privately.answer(asked, messages.get(l, "data.nothing"));
        }
        Catalog current = catalog.get();
        List<String> lines = new ArrayList<>();
        export.learner().ifPresent(learner ->
                lines.addAll(wording.lines(l, learner, id -> current.byId(id).map(Session::name))));
        for (Map.Entry<PersonRef, Language> chosen : export.languages().entrySet()) {
            lines.add(messages.get(l, "data.language", ProfileWording.platformName(chosen.getKey().platform()),
                    chosen.getValue().code()));
        }
        for (Map.Entry<PersonRef, List<String>> followed : export.reminders().entrySet()) {
            lines.add(messages.get(l, "data.reminders", ProfileWording.platformName(followed.getKey().platform()),
                    String.join(", ", followed.getValue().stream()
                            .map(id -> current.byId(id).map(Session::name).orElse(id)).toList())));
        }
        lines.add(messages.get(l, "data.introductions", export.introductions().size()));
        for (Introduction introduction : export.introductions()) {
            lines.add("  " + messages.get(l, "data.introduction",
                    messages.date(l, introduction.introducedAt().atZone(current.network().timezone()).toLocalDate()),
                    introduction.answer() == null ? messages.get(l, "data.answer.none")
                            : messages.get(l, "data.answer." + introduction.answer().name())));
        }
        lines.add(messages.get(l, "data.erase", ForgetMeCommand.SPEC.name(l)));
        Reply reply = Reply.personal(RichText.plain(messages.get(l, "data.title") + "\n" + String.join("\n", lines)))
                .withAttachment(new Attachment(messages.get(l, "data.file"), "application/json", export.toJson()));
        return privately.answer(asked, reply);
    }
}
