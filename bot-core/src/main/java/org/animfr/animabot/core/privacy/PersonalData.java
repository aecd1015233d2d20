package org.animfr.animabot.core.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.delivery.Outbox;
import org.animfr.animabot.core.delivery.Target;
import org.animfr.animabot.core.delivery.Timers;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.introduce.Introduction;
import org.animfr.animabot.core.introduce.IntroductionLog;
import org.animfr.animabot.core.introduce.IntroductionRounds;
import org.animfr.animabot.core.introduce.SimilarProjects;
import org.animfr.animabot.core.learner.Account;
import org.animfr.animabot.core.learner.Learner;
import org.animfr.animabot.core.learner.LearnerDirectory;
import org.animfr.animabot.core.person.LanguagePreferences;
import org.animfr.animabot.core.schedule.ReminderChoices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the bot stores about a person, across their linked accounts: to show it ({@link #export}) and to erase
 * it ({@link #erase}). Erasing takes them out of any round still to come, forgets the direct messages sent to them
 * and the introductions that named them, their language and reminder choices. Thread-safe.
 */
public final class PersonalData {
    private static final Logger LOG = LoggerFactory.getLogger(PersonalData.class);

    private final LearnerDirectory directory;
    private final IntroductionLog introductions;
    private final LanguagePreferences languages;
    private final ReminderChoices reminders;
    private final Outbox outbox;
    private final Timers timers;
    private final SimilarProjects similar;

    public PersonalData(LearnerDirectory directory, IntroductionLog introductions, LanguagePreferences languages,
            ReminderChoices reminders, Outbox outbox, Timers timers, SimilarProjects similar) {
        this.directory = directory;
        this.introductions = introductions;
        this.languages = languages;
        this.reminders = reminders;
        this.outbox = outbox;
        this.timers = timers;
        this.similar = similar;
    }

    /** Everything stored about the person behind this account. */
    public DataExport export(PersonRef account) {
        Optional<Learner> learner = directory.find(account);
        List<PersonRef> accounts = accountsOf(account, learner);
        Map<PersonRef, Language> chosen = new HashMap<>();
        Map<PersonRef, List<String>> sessions = new HashMap<>();
        for (PersonRef ref : accounts) {
            languages.languageOf(ref).ifPresent(l -> chosen.put(ref, l));
            List<String> followed = reminders.sessionsOf(ref);
            if (!followed.isEmpty()) {
                sessions.put(ref, followed);
            }
        }
        List<Introduction> history = learner.map(l -> introductions.of(l.id())).orElse(List.of());
        return new DataExport(accounts, learner, chosen, sessions, history);
    }

    /** Erases everything stored about the person behind this account, on every account they linked. */
    public void erase(PersonRef account) {
        Optional<Learner> learner = directory.find(account);
        List<PersonRef> accounts = accountsOf(account, learner);
        learner.ifPresent(this::eraseLearner);
        for (PersonRef ref : accounts) {
            languages.forget(ref);
            reminders.sessionsOf(ref).forEach(session -> reminders.unsubscribe(ref, session));
            outbox.forgetTarget(new Target.Person(ref).id());
        }
        similar.invalidate();
        LOG.info("Erased a person's data on request ({} account(s))", accounts.size());
    }

    private void eraseLearner(Learner learner) {
        for (Introduction mine : introductions.of(learner.id())) {
            timers.cancelPost(IntroductionRounds.FOLLOW_UP_POST + mine.roundKey() + "/" + learner.id());
            // the direct messages of their group named them: they go too
            for (Introduction member : introductions.round(mine.roundKey())) {
                if (member.group() == mine.group()) {
                    outbox.forgetPost(IntroductionRounds.INTRODUCTION_POST + mine.roundKey() + "/" + member.learnerId());
                    outbox.forgetPost(IntroductionRounds.FOLLOW_UP_POST + mine.roundKey() + "/" + member.learnerId());
                }
            }
        }
        introductions.forget(learner.id());
        directory.erase(learner.id());
    }

    private static List<PersonRef> accountsOf(PersonRef account, Optional<Learner> learner) {
        List<PersonRef> accounts = new ArrayList<>();
        learner.ifPresent(l -> l.accounts().stream().map(Account::ref).forEach(accounts::add));
        if (!accounts.contains(account)) {
            accounts.add(0, account);
        }
        return accounts;
    }
}
