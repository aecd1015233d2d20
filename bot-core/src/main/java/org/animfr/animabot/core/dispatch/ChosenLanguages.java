package org.animfr.animabot.core.dispatch;

import java.util.Optional;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.i18n.Language;

/** The language each person chose, as the dispatcher reads it to answer. Implementations are thread-safe. */
public interface ChosenLanguages {

    /** The person's chosen language, if they chose one. */
    Optional<Language> languageOf(PersonRef person);
}
