package org.animfr.animabot.core.session;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.animfr.animabot.core.dispatch.Completion;
import org.animfr.animabot.core.dispatch.Completions;
import org.animfr.animabot.core.dispatch.Parameter.Choice;
import org.animfr.animabot.core.text.TextFold;

/**
 * Suggestions from the catalog while a person types: sessions whose name or id contains what was typed, and the
 * weeks (with their themes) of the session named in the command, or of the current one. Thread-safe.
 */
public final class SessionCompletions implements Completions {
    private static final int MAX_CHOICES = 25;

    private final Supplier<Catalog> catalog;
    private final Clock clock;

    public SessionCompletions(Supplier<Catalog> catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public List<Choice> complete(Completion what, String typed, Map<String, String> arguments) {
        Catalog current = catalog.get();
        return switch (what) {
            case NONE -> List.of();
            case SESSIONS -> sessions(current, typed);
            case WEEKS -> Optional.ofNullable(arguments.get(SessionAnswers.SESSION)).flatMap(current::find)
                    .or(() -> currentSession(current)).map(s -> weeks(s, typed)).orElse(List.of());
        };
    }

    @Override
    public boolean names(Completion what, String text) {
        return what == Completion.SESSIONS && catalog.get().find(text).isPresent();
    }

    private static List<Choice> sessions(Catalog current, String typed) {
        String key = TextFold.compact(typed);
        List<Choice> choices = new ArrayList<>();
        for (Session session : current.sessions()) {
            if (TextFold.compact(session.id()).contains(key) || TextFold.compact(session.name()).contains(key)) {
                choices.add(new Choice(session.name() + " (" + session.id() + ")", session.id()));
            }
            if (choices.size() == MAX_CHOICES) {
                break;
            }
        }
        return choices;
    }

    private static List<Choice> weeks(Session session, String typed) {
        List<Choice> choices = new ArrayList<>();
        for (int number = 1; number <= session.weekCount() && choices.size() < MAX_CHOICES; number++) {
            if (!typed.isBlank() && !String.valueOf(number).startsWith(typed.strip())) {
                continue;
            }
            String theme = session.week(number).map(Week::theme).orElse("");
            choices.add(new Choice(theme.isEmpty() ? String.valueOf(number) : number + " — " + theme,
                    String.valueOf(number)));
        }
        return choices;
    }

    private Optional<Session> currentSession(Catalog current) {
        LocalDate today = LocalDate.now(clock.withZone(current.network().timezone()));
        return current.running(today).or(() -> current.nextToStart(today));
    }
}
