package org.animfr.animabot.core.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.person.LanguagePreferences;

/** Language choices kept in memory, for tests of the core. */
public final class InMemoryLanguagePreferences implements LanguagePreferences {
    private final Map<PersonRef, Language> choices = new ConcurrentHashMap<>();

    @Override
    public Optional<Language> languageOf(PersonRef person) {
        return Optional.ofNullable(choices.get(person));
    }

    @Override
    public void choose(PersonRef person, Language language) {
        choices.put(person, language);
    }

    @Override
    public void forget(PersonRef person) {
        choices.remove(person);
    }
}
