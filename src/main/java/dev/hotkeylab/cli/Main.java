package dev.hotkeylab.cli;

import dev.hotkeylab.dashboard.PortInUseException;
import dev.hotkeylab.inventory.InventoryUnavailableException;
import java.io.PrintWriter;
import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code ./hotkey-lab}: the experiments, the report and the dashboard from the command line. Bad input is one line
 * naming the bad value and what is allowed, and exit code 2; a run that fails on the broker exits 1.
 */
@Command(name = "hotkey-lab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "What a hot Kafka key does to partitions and consumers, and which key strategies fix it.",
        subcommands = {RunCommand.class, BenchCommand.class, BrokerCommand.class, DashboardCommand.class, ProduceCommand.class,
                ConsumeCommand.class, WhatIfCommand.class, ScanCommand.class, SoakCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;

    /**
     * The application's log4j2 configuration (Kafka's errors only, the rest off). It is not called {@code log4j2.xml}
     * so that a project depending on hotkey-lab never picks it up; the launcher names it here, before the first logger.
     */
    public static final String LOG_CONFIG = "hotkey-lab-log4j2.xml";

    /** Exit code after Ctrl-C or SIGTERM stopped a command (128 + SIGINT, as shells report it). */
    public static final int STOPPED = 130;

    public static void main(String[] args) {
        useLogConfig(LOG_CONFIG);
        int code = execute(args);
        Shutdown.commandFinished();
        System.exit(code);
    }

    /** Points log4j2 at {@code resource} unless the user named a configuration ({@code -Dlog4j2.configurationFile}). */
    public static void useLogConfig(String resource) {
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", resource);
        }
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            String commands = "";
            if (e instanceof CommandLine.UnmatchedArgumentException && !e.getCommandLine().getSubcommands().isEmpty()) {
                // "./hotkey-lab frobnicate": say which commands there are
                commands = "; commands: " + String.join(", ", e.getCommandLine().getSubcommands().keySet())
                        + " (hotkey-lab help COMMAND)";
            }
            err.println(e.getCommandLine().getCommandName() + ": " + e.getMessage() + commands);
            err.flush();
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            int code = exitCode(e);
            err.println(commandLine.getCommandName() + (code == 1 ? " failed: " : ": ") + message(e));
            err.flush();
            return code;
        });
        return cli;
    }

    /**
     * The one place that turns what a command threw into an exit code, the same in every command: 2 for bad input
     * (a bad value, a taken port, a report folder that must not be replaced) and for a named service that does not
     * answer at the start (a Kafka cluster, Redis, PostgreSQL); 1 for a failure after the start (a cluster lost
     * mid-run, a run that did not finish in time).
     */
    static int exitCode(Throwable e) {
        if (e instanceof Shutdown.Stopped) {
            return STOPPED;
        }
        if (e instanceof IllegalArgumentException
                || e instanceof ServiceUnavailableException
                || e instanceof InventoryUnavailableException
                || e instanceof PortInUseException) {
            return BAD_INPUT;
        }
        return 1;
    }

    /** The exception's message, or its type and its cause's message when it has none (never "null"). */
    static String message(Throwable e) {
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        Throwable cause = e.getCause();
        String name = e.getClass().getSimpleName();
        return cause == null ? name : name + ": " + message(cause);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"hotkey-lab " + (v == null ? "(development build)" : v) + ", Kafka client "
                    + AppInfoParser.getVersion()};
        }
    }
}
