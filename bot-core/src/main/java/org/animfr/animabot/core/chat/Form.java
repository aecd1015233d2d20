package org.animfr.animabot.core.chat;

import java.util.Objects;

/**
 * A longer text the bot asks for, for platforms that show forms (a Discord modal): one paragraph field, prefilled,
 * whose value is sent back as the given command's parameter. Platforms without forms show the reply's body, which
 * says how to type the command instead.
 *
 * @param title the form's title, in the person's language, non-blank
 * @param label the field's label, non-blank
 * @param value the field's current value, non-null, possibly empty
 * @param maxLength the most characters the field takes
 * @param command the command the value goes to, by its language-neutral key
 * @param parameter the parameter of that command the value fills
 */
public record Form(String title, String label, String value, int maxLength, String command, String parameter) {
    public Form {
        PersonRef.requireText(title, "title");
        PersonRef.requireText(label, "label");
        Objects.requireNonNull(value, "value");
        PersonRef.requireText(command, "command");
        PersonRef.requireText(parameter, "parameter");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
    }
}
