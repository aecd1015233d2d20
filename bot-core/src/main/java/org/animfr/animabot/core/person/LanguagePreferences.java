package org.animfr.animabot.core.person;

import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.dispatch.ChosenLanguages;
import org.animfr.animabot.core.i18n.Language;

/** The language each person chose with {@code langue}. Implementations are durable and thread-safe. */
public interface LanguagePreferences extends ChosenLanguages {

    /** Records the person's choice, replacing any previous one. */
    void choose(PersonRef person, Language language);

    /** Forgets the person's choice, if any. */
    void forget(PersonRef person);
}
