package org.animfr.animabot.core.introduce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.learner.Account;
import org.animfr.animabot.core.learner.Learner;
import org.animfr.animabot.core.learner.ProfileWording;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;

/**
 * The words of introductions: the direct message each member of a group gets, the follow-up a week later, and
 * the lines that say who someone is and how to reach them. Thread-safe.
 */
public final class IntroductionWording {
    /** The end of a sentence: a stop, a question or exclamation mark, or a line break. */
    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?]*");
    private static final int SUMMARY = 220;

    private final Messages messages;

    public IntroductionWording(Messages messages) {
        this.messages = messages;
    }

    /** Someone a member is introduced to, and the words their projects share. */
    public record Partner(Learner learner, List<String> sharedTerms) {}

    /** The direct message of one member of a group. */
    public Reply introduction(Language l, Learner member, List<Partner> partners, Catalog catalog, LocalDate today) {
        RichText.Builder text = RichText.builder()
                .paragraph(messages.get(l, "introduce.dm.hello", member.displayName(), partners.size()));
        List<List<RichText.Span>> items = new ArrayList<>();
        for (Partner partner : partners) {
            List<RichText.Span> item = new ArrayList<>();
            item.add(new RichText.Bold(partner.learner().displayName()));
            item.add(new RichText.Plain(" (" + reach(l, partner.learner()) + ")"));
            String summary = summary(partner.learner().profile().project());
            if (!summary.isEmpty()) {
                item.add(new RichText.Plain(" : « " + summary + " »"));
            }
            if (!partner.sharedTerms().isEmpty()) {
                item.add(new RichText.Plain(" " + messages.get(l, "introduce.shared",
                        String.join(", ", partner.sharedTerms()))));
            }
            items.add(item);
        }
        text.bullets(items);
        text.paragraph(firstQuestion(l, member, catalog, today));
        text.paragraph(messages.get(l, "introduce.dm.footer"));
        return new Reply(text.build(), Reply.Visibility.PERSONAL, messages.get(l, "introduce.dm.title"), List.of());
    }

    /** "Avez-vous pu échanger ?", with the three answers as buttons where the platform has them. */
    public Reply followUp(Language l, Learner member, List<Learner> partners) {
        String names = String.join(", ", partners.stream().map(Learner::displayName).toList());
        CommandSpec met = MetCommand.SPEC;
        List<Reply.FollowUp> answers = List.of(
                met.followUp(messages.get(l, "introduce.followup.yes"), l, CommandSpec.args(MetCommand.ANSWER,
                        l == Language.EN ? "yes" : "oui")),
                met.followUp(messages.get(l, "introduce.followup.not-yet"), l, CommandSpec.args(MetCommand.ANSWER,
                        l == Language.EN ? "not-yet" : "pas-encore")),
                met.followUp(messages.get(l, "introduce.followup.no"), l, CommandSpec.args(MetCommand.ANSWER,
                        l == Language.EN ? "no" : "non")));
        RichText body = RichText.plain(messages.get(l, "introduce.followup.text", member.displayName(), names,
                met.typedName(l)));
        return new Reply(body, Reply.Visibility.PERSONAL, messages.get(l, "introduce.followup.title"), answers);
    }

    /** How to reach someone: on each platform they use, by the name or id that finds them there. */
    public String reach(Language l, Learner learner) {
        List<String> ways = new ArrayList<>();
        for (Account account : learner.accounts()) {
            String handle = account.handle() != null
                    ? account.displayName() + " (@" + account.handle() + ")" : account.ref().id();
            ways.add(messages.get(l, "introduce.reach", ProfileWording.platformName(account.ref().platform()),
                    handle));
        }
        return String.join(", ", ways);
    }

    /** The first sentence or two of a project, cut at a word when it is long. */
    public static String summary(String project) {
        StringBuilder summary = new StringBuilder();
        Matcher sentence = SENTENCE.matcher(project);
        int sentences = 0;
        while (sentence.find() && sentences < 2) {
            String next = sentence.group().strip();
            if (next.isEmpty()) {
                continue;
            }
            if (summary.length() > 0 && summary.length() + next.length() > SUMMARY) {
                break;
            }
            summary.append(summary.length() > 0 ? " " : "").append(next);
            sentences++;
        }
        if (summary.length() <= SUMMARY) {
            return summary.toString();
        }
        int cut = summary.lastIndexOf(" ", SUMMARY - 1);
        return summary.substring(0, cut > 0 ? cut : SUMMARY - 1) + "…";
    }

    /** A question to start: about this week's theme of the member's session when it runs, else about projects. */
    private String firstQuestion(Language l, Learner member, Catalog catalog, LocalDate today) {
        Optional<Session> session = Optional.ofNullable(member.profile().sessionId()).flatMap(catalog::byId)
                .filter(s -> s.isRunningOn(today))
                .or(() -> catalog.running(today));
        Optional<Week> week = session.flatMap(s -> s.weekNumberOn(today).flatMap(s::week));
        return week.isPresent()
                ? messages.get(l, "introduce.dm.question-theme", week.get().theme())
                : messages.get(l, "introduce.dm.question");
    }
}
