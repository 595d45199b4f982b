package org.workbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.workbench.config.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** One line for a mistake on the command line: what was wrong, the nearest valid word, and where to look. */
final class CommandLineMistake {
    private CommandLineMistake() {
    }

    static String describe(CommandLine.ParameterException e) {
        CommandLine cli = e.getCommandLine();
        CommandSpec spec = cli.getCommandSpec();
        String command = spec.qualifiedName();
        String help = " (see '" + command + " --help')";
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            if (word.startsWith("-") && word.length() > 1) {
                String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                return "unknown option '" + option + "' for '" + command + "'" + didYouMean(option, optionNames(spec))
                        + help;
            }
            if (!cli.getSubcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
                List<String> commands = new ArrayList<>(cli.getSubcommands().keySet());
                String near = Suggest.nearest(word, commands);
                return "unknown command '" + word + "'" + (near == null ? "" : " (did you mean '" + near + "'?)")
                        + "; commands are: " + String.join(", ", commands);
            }
            return "unexpected argument '" + word + "' for '" + command + "'" + help;
        }
        String message = ErrorHandler.oneLine(e.getMessage())
                .replace("is not a long", "is not a whole number")
                .replace("is not an int", "is not a whole number");
        if (!message.isEmpty()) {
            message = message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
        }
        return command + ": " + message + help;
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            names.addAll(List.of(option.names()));
        }
        return names;
    }

    private static String didYouMean(String word, List<String> candidates) {
        String near = Suggest.nearest(word, candidates);
        return near == null ? "; options are: " + String.join(", ", candidates.stream().filter(n -> n.startsWith("--")).toList())
                : "; did you mean '" + near + "'?";
    }
}
