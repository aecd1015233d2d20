package org.animfr.animabot.core.privacy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.introduce.Introduction;
import org.animfr.animabot.core.learner.Learner;

/**
 * Everything the bot stores about one person, across the accounts they linked. Immutable.
 *
 * @param accounts the person's accounts, the asking one when they never told anything else
 * @param learner their learner profile, if any
 * @param languages the language chosen on each account
 * @param reminders the sessions whose reminders each account gets by direct message
 * @param introductions the introductions they were part of, oldest first
 */
public record DataExport(List<PersonRef> accounts, Optional<Learner> learner, Map<PersonRef, Language> languages,
        Map<PersonRef, List<String>> reminders, List<Introduction> introductions) {
    public DataExport {
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(learner, "learner");
        languages = Map.copyOf(languages);
        reminders = Map.copyOf(reminders);
        introductions = List.copyOf(introductions);
    }

    /** Whether the bot stores nothing about them. */
    public boolean isEmpty() {
        return learner.map(l -> l.profile().isEmpty()).orElse(true) && languages.isEmpty()
                && reminders.values().stream().allMatch(List::isEmpty) && introductions.isEmpty();
    }

    /** The export as JSON, for people and programs: every field named in English, dates in ISO 8601. */
    public String toJson() {
        Json json = new Json();
        json.open('{');
        json.field("accounts").open('[');
        for (PersonRef account : accounts) {
            json.open('{');
            json.field("platform").value(account.platform());
            json.field("id").value(account.id());
            learner.flatMap(l -> l.accounts().stream().filter(a -> a.ref().equals(account)).findFirst())
                    .ifPresent(a -> {
                        json.field("displayName").value(a.displayName());
                        if (a.handle() != null) {
                            json.field("userName").value(a.handle());
                        }
                    });
            Optional.ofNullable(languages.get(account)).ifPresent(lang -> json.field("language").value(lang.code()));
            json.field("remindersBySessions").open('[');
            reminders.getOrDefault(account, List.of()).forEach(json::value);
            json.close(']');
            json.close('}');
        }
        json.close(']');
        learner.ifPresent(l -> {
            json.field("profile").open('{');
            json.field("project").value(l.profile().project());
            json.field("keywords").open('[');
            l.profile().keywords().forEach(json::value);
            json.close(']');
            json.field("territory").value(l.profile().territory());
            json.field("session").value(l.profile().sessionId());
            json.field("introductions").value(l.profile().introductions());
            json.field("introductionsPausedUntil").value(
                    l.profile().pausedUntil() == null ? null : l.profile().pausedUntil().toString());
            json.field("updatedAt").value(l.profile().updatedAt() == null ? null : l.profile().updatedAt().toString());
            json.close('}');
        });
        json.field("introductions").open('[');
        for (Introduction introduction : introductions) {
            json.open('{');
            json.field("round").value(introduction.roundKey());
            json.field("group").value(introduction.group());
            json.field("at").value(introduction.introducedAt().toString());
            json.field("answer").value(introduction.answer() == null ? null : introduction.answer().name());
            json.close('}');
        }
        json.close(']');
        json.close('}');
        return json.toString();
    }

    /**
     * Just enough JSON writing for the export, so that the core needs no library: strings escaped as RFC 8259 says,
     * commas where they belong, two spaces of indentation.
     */
    private static final class Json {
        private final StringBuilder out = new StringBuilder();
        private int depth;
        private boolean first = true;
        private boolean afterName;

        Json field(String name) {
            separate();
            string(name);
            out.append(": ");
            afterName = true;
            return this;
        }

        Json open(char bracket) {
            separate();
            out.append(bracket);
            depth++;
            first = true;
            return this;
        }

        void close(char bracket) {
            depth--;
            if (!first) {
                newline();
            }
            out.append(bracket);
            first = false;
        }

        void value(String text) {
            separate();
            if (text == null) {
                out.append("null");
            } else {
                string(text);
            }
            first = false;
        }

        void value(boolean flag) {
            separate();
            out.append(flag);
            first = false;
        }

        void value(int number) {
            separate();
            out.append(number);
            first = false;
        }

        private void separate() {
            if (afterName) {
                afterName = false;
                return;
            }
            if (!first) {
                out.append(',');
            }
            if (depth > 0) {
                newline();
            }
            first = false;
        }

        private void newline() {
            out.append('\n').append("  ".repeat(depth));
        }

        private void string(String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
