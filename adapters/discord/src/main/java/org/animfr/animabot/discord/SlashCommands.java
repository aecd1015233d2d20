package org.animfr.animabot.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Completion;
import org.animfr.animabot.core.dispatch.Completions;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;

/**
 * The slash commands, derived from the core's command specs: one per command with its French name and English
 * localization, organizer commands as sub-commands of {@code /admin} (which Discord shows only in servers, to those
 * who manage them), parameters as options with their choices and autocomplete; plus {@code /question} for free
 * text. And the way back: a used slash command becomes the {@link CommandCall} it stands for, by language-neutral
 * keys, never text.
 */
final class SlashCommands {
    static final String QUESTION = "question";
    static final String ADMIN = "admin";
    static final String TEXT = "texte";
    private static final int MAX_DESCRIPTION = 100;
    private static final List<DiscordLocale> ENGLISH = List.of(DiscordLocale.ENGLISH_US, DiscordLocale.ENGLISH_UK);

    private final List<CommandSpec> commands;
    private final Completions completions;
    private final Messages messages;

    SlashCommands(List<CommandSpec> commands, Completions completions, Messages messages) {
        this.commands = List.copyOf(commands);
        this.completions = completions;
        this.messages = messages;
    }

    /** Every command to register. */
    List<SlashCommandData> definitions() {
        List<SlashCommandData> definitions = new ArrayList<>();
        // shown only to those who manage the server (a server's admins may grant it to the organizers' role in its
        // integration settings), and only in servers: the organizers' commands act on the server's channels. Who may
        // run it is still checked on every use: the server's settings are not ours to trust.
        SlashCommandData admin = Commands.slash(ADMIN, describe(Language.FR, "discord.command.admin"))
                .setDescriptionLocalizations(english("discord.command.admin"))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD);
        for (CommandSpec spec : commands) {
            if (spec.organizerOnly()) {
                admin.addSubcommands(new SubcommandData(spec.name(Language.FR), describe(Language.FR, spec.helpKey()))
                        .setNameLocalizations(englishName(spec.name(Language.EN)))
                        .setDescriptionLocalizations(english(spec.helpKey()))
                        .addOptions(options(spec)));
            } else {
                definitions.add(Commands.slash(spec.name(Language.FR), describe(Language.FR, spec.helpKey()))
                        .setNameLocalizations(englishName(spec.name(Language.EN)))
                        .setDescriptionLocalizations(english(spec.helpKey()))
                        .addOptions(options(spec)));
            }
        }
        definitions.add(Commands.slash(QUESTION, describe(Language.FR, "discord.command.question"))
                .setDescriptionLocalizations(english("discord.command.question"))
                .addOptions(new OptionData(OptionType.STRING, TEXT, describe(Language.FR, "discord.option.question"),
                        true).setNameLocalizations(englishName("text"))
                        .setDescriptionLocalizations(english("discord.option.question"))));
        if (!admin.getSubcommands().isEmpty()) {
            definitions.add(admin);
        }
        return definitions;
    }

    private List<OptionData> options(CommandSpec spec) {
        List<OptionData> options = new ArrayList<>();
        for (Parameter parameter : spec.parameters()) {
            boolean number = parameter.kind() == Parameter.Kind.NUMBER;
            OptionData option = new OptionData(number ? OptionType.INTEGER : OptionType.STRING,
                    parameter.frenchName(), describe(Language.FR, parameter.descriptionKey()), parameter.required(),
                    parameter.completion() != Completion.NONE)
                    .setNameLocalizations(englishName(parameter.englishName()))
                    .setDescriptionLocalizations(english(parameter.descriptionKey()));
            if (number) {
                option.setRequiredRange(parameter.min(), parameter.max());
            }
            if (parameter.free()) {
                // people write these in their own words: the longest text Discord takes, the command says its limit
                option.setMaxLength(OptionData.MAX_STRING_OPTION_LENGTH);
            }
            parameter.choices().forEach(choice -> option.addChoice(choice.label(), choice.value()));
            options.add(option);
        }
        return options;
    }

    /** The command a used slash command stands for; empty for {@code /question}, which carries text. */
    Optional<CommandCall> call(String command, String subcommand, Function<String, OptionMapping> options) {
        return spec(command, subcommand).map(spec -> spec.call(arguments(spec, options)));
    }

    /** Choices for the option being typed, from the parameter's source of suggestions. */
    List<Command.Choice> complete(String command, String subcommand, String focused, String typed,
            Function<String, OptionMapping> options) {
        Optional<CommandSpec> spec = spec(command, subcommand);
        Optional<Parameter> parameter = spec.flatMap(s -> s.parameters().stream()
                .filter(p -> p.frenchName().equals(focused)).findFirst());
        if (parameter.isEmpty()) {
            return List.of();
        }
        boolean number = parameter.get().kind() == Parameter.Kind.NUMBER;
        List<Command.Choice> choices = new ArrayList<>();
        for (Parameter.Choice choice : completions.complete(parameter.get().completion(), typed,
                arguments(spec.get(), options))) {
            String label = truncate(choice.label(), OptionData.MAX_CHOICE_NAME_LENGTH);
            if (number) {
                choices.add(new Command.Choice(label, Long.parseLong(choice.value())));
            } else {
                choices.add(new Command.Choice(label, choice.value()));
            }
            if (choices.size() == OptionData.MAX_CHOICES) {
                break;
            }
        }
        return choices;
    }

    private Optional<CommandSpec> spec(String command, String subcommand) {
        boolean admin = command.equals(ADMIN);
        String name = admin ? subcommand : command;
        return commands.stream()
                .filter(spec -> spec.organizerOnly() == admin && spec.name(Language.FR).equals(name))
                .findFirst();
    }

    /** The options given, by parameter key; Discord names options by their base (French) name. */
    private static Map<String, String> arguments(CommandSpec spec, Function<String, OptionMapping> options) {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (Parameter parameter : spec.parameters()) {
            OptionMapping option = options.apply(parameter.frenchName());
            if (option != null && !option.getAsString().isBlank()) {
                arguments.put(parameter.key(), option.getAsString());
            }
        }
        return arguments;
    }

    private Map<DiscordLocale, String> english(String key) {
        Map<DiscordLocale, String> localized = new LinkedHashMap<>();
        ENGLISH.forEach(locale -> localized.put(locale, describe(Language.EN, key)));
        return localized;
    }

    private static Map<DiscordLocale, String> englishName(String name) {
        Map<DiscordLocale, String> localized = new LinkedHashMap<>();
        ENGLISH.forEach(locale -> localized.put(locale, name));
        return localized;
    }

    private String describe(Language language, String key) {
        return truncate(messages.get(language, key), MAX_DESCRIPTION);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
