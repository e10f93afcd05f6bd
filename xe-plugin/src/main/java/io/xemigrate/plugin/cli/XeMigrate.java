package io.xemigrate.plugin.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParameterException;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.coordinator.CoordinatorException;
import io.xemigrate.coordinator.journal.JournalException;
import io.xemigrate.xapi.XapiException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The command line: {@code xe-migrate COMMAND key=value... [--json]}. JCommander reads the global
 * flags; each command checks its own {@code key=value} parameters.
 */
public final class XeMigrate {
  /** The engine's code for a pool held by another run. */
  private static final String POOL_BUSY = "POOL_BUSY";

  /** Global flags. Everything else is the command and its {@code key=value} parameters. */
  static final class GlobalOptions {
    @Parameter(
        names = {"--help", "-h"},
        help = true,
        description = "Show usage")
    boolean help;

    @Parameter(names = "--version", description = "Show the version")
    boolean version;

    @Parameter(names = "--json", description = "Machine-readable output")
    boolean json;

    @Parameter(description = "COMMAND key=value...")
    List<String> words = new ArrayList<>();
  }

  private final ImmutableMap<String, Command> commands;
  private final PrintStream out;
  private final PrintStream err;

  public XeMigrate(List<Command> commands, PrintStream out, PrintStream err) {
    ImmutableMap.Builder<String, Command> byName = ImmutableMap.builder();
    commands.forEach(command -> byName.put(command.name(), command));
    this.commands = byName.buildOrThrow();
    this.out = out;
    this.err = err;
  }

  public ExitCode run(String... args) {
    GlobalOptions options = new GlobalOptions();
    Console console = new Console(out, err, false);
    try {
      JCommander.newBuilder().addObject(options).acceptUnknownOptions(false).build().parse(args);
    } catch (ParameterException e) {
      console.error(firstLine(e.getMessage()) + "; see 'xe-migrate --help'");
      return ExitCode.BAD_INPUT;
    }
    console = new Console(out, err, options.json);
    if (options.version) {
      out.println("xe-migrate " + Version.current());
      return ExitCode.DONE;
    }
    if (options.words.isEmpty()) {
      printUsage();
      return options.help ? ExitCode.DONE : ExitCode.BAD_INPUT;
    }
    String name = options.words.get(0);
    List<String> rest = new ArrayList<>(options.words.subList(1, options.words.size()));
    Optional<Boolean> verbose;
    try {
      verbose = verbose(rest);
    } catch (UsageException e) {
      console.error(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    Logging.start(verbose.orElse(false));
    if (name.equals("help")) {
      return help(rest, console);
    }
    Command command = commands.get(name);
    if (command == null) {
      console.error("unknown command '" + name + "'; run 'xe-migrate --help' for the list");
      return ExitCode.BAD_INPUT;
    }
    if (options.help) {
      printCommandHelp(command);
      return ExitCode.DONE;
    }
    try {
      if (command instanceof XenCenterCommand xenCenter) {
        return xenCenter.launch(rest, commands, console);
      }
      Arguments arguments = Arguments.parse(name, rest, command.keys(), command.keyPrefixes());
      return command.run(arguments, console);
    } catch (UsageException e) {
      console.error(e.getMessage());
      return ExitCode.BAD_INPUT;
    } catch (JournalException e) {
      console.error(Messages.plain(e.getMessage()));
      return ExitCode.FAILED;
    } catch (CoordinatorException e) {
      console.error(oneLine(e.getMessage()));
      return exitCodeOf(e);
    } catch (XapiException e) {
      console.error(oneLine(e.getMessage()));
      return ExitCode.FAILED;
    } catch (RuntimeException e) {
      // A bug of ours: still one line, without a trace, naming what to do.
      console.error(
          name
              + " failed unexpectedly ("
              + Messages.plain(e.getMessage())
              + "); run it again, and report it if it keeps failing");
      return ExitCode.FAILED;
    }
  }

  /**
   * The command line's one mapping of the engine's errors to exit codes. A refused lease ({@code
   * CONFLICT} with code {@code POOL_BUSY}, as the API's 409) is {@link ExitCode#BUSY}: another run
   * holds the pool, and the same command succeeds once that run ends.
   */
  static ExitCode exitCodeOf(CoordinatorException e) {
    return switch (e.kind()) {
      case BAD_REQUEST, NOT_FOUND -> ExitCode.BAD_INPUT;
      case CONFLICT -> e.code().equals(POOL_BUSY) ? ExitCode.BUSY : ExitCode.FAILED;
      case POOL_UNREACHABLE, STORAGE -> ExitCode.FAILED;
    };
  }

  /**
   * Takes {@code verbose=true|false} (every command's key) out of {@code words}: INFO log records
   * on standard error.
   */
  private static Optional<Boolean> verbose(List<String> words) {
    Optional<Boolean> verbose = Optional.empty();
    for (Iterator<String> it = words.iterator(); it.hasNext(); ) {
      String word = it.next();
      if (word.startsWith("verbose=")) {
        String value = word.substring("verbose=".length());
        if (!value.equals("true") && !value.equals("false")) {
          throw new UsageException("verbose must be true or false, not '" + value + "'");
        }
        verbose = Optional.of(value.equals("true"));
        it.remove();
      }
    }
    return verbose;
  }

  private ExitCode help(List<String> topics, Console console) {
    if (topics.isEmpty()) {
      printUsage();
      return ExitCode.DONE;
    }
    Command command = commands.get(topics.get(0));
    if (command == null) {
      console.error("unknown command '" + topics.get(0) + "'; run 'xe-migrate --help'");
      return ExitCode.BAD_INPUT;
    }
    printCommandHelp(command);
    return ExitCode.DONE;
  }

  private void printUsage() {
    out.println("xe-migrate " + Version.current() + ": plan and run live VM moves for Xen pools");
    out.println();
    out.println("Usage: xe-migrate COMMAND [key=value ...] [--json]");
    out.println("       xe-migrate help COMMAND | --help | --version");
    out.println();
    out.println("Commands:");
    int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
    commands
        .values()
        .forEach(
            command -> out.printf("  %-" + width + "s  %s%n", command.name(), command.summary()));
    out.println();
    out.println(
        "Exit codes: 0 done, 1 failed, 2 bad input, 3 blocked by checks (the movable VMs moved),");
    out.println(
        "            4 a pool busy with another run, 130 stopped by Ctrl-C, 143 by SIGTERM");
    out.println(
        "            (130 and 143 once the moves in flight have settled; run-resume finishes).");
  }

  private void printCommandHelp(Command command) {
    out.println("Usage: xe-migrate " + command.synopsis());
    out.println();
    out.println(command.summary());
  }

  private static String oneLine(String message) {
    return message == null ? "failed" : message.replace('\n', ' ').replace('\r', ' ');
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid option";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
