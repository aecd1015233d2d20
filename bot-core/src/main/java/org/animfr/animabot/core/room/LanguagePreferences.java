package org.animfr.animabot.core.room;

import java.util.Optional;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.i18n.Language;

/** The language each person chose with {@code langue}. Implementations are durable and thread-safe. */
public interface LanguagePreferences {

    /** The person's chosen language, if they chose one. */
    Optional<Language> languageOf(PersonRef person);

    /** Records the person's choice, replacing any previous one. */
    void choose(PersonRef person, Language language);
}
