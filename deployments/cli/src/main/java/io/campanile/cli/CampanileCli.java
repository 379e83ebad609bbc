package io.campanile.cli;

import io.campanile.api.client.CampanileAdminClient;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code campanile}: the root command. Its options (server, token, output) are inherited by every subcommand, so
 * they go before or after the subcommand's name alike.
 */
@Command(
        name = "campanile",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = CliVersion.class,
        description = "The admin API of a Campanile scheduler cluster from a shell.",
        footer = "%nThe server URL and admin token come from --url and --token, else the environment (CAMPANILE_URL,"
                + " CAMPANILE_TOKEN), else the configuration file (--config, default ~/.campanile/cli.properties, keys"
                + " url and token). See docs/cli.md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:unexpected failure of the tool",
            "2:usage: bad options or arguments, no URL or token, an unreadable input file",
            "3:the server refused the request (4xx: unknown name, invalid field, conflict, credentials)",
            "4:the server failed (5xx) or could not be reached"
        },
        subcommands = {
            AppsCommand.class,
            JobsCommand.class,
            RunCommand.class,
            RunsCommand.class,
            InstancesCommand.class,
            LogsCommand.class,
            ClusterCommand.class,
            ServersCommand.class,
            WorkersCommand.class,
            TokensCommand.class,
            AuditCommand.class,
            CommandLine.HelpCommand.class
        })
public final class CampanileCli implements Runnable {

    /** How the output is printed ({@code -o}). */
    enum Format {
        TABLE,
        JSON
    }

    private static final Logger JERSEY_LOG = Logger.getLogger("org.glassfish.jersey");

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--url",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "The server's base URL, e.g. http://127.0.0.1:8080/campanile (else $CAMPANILE_URL).")
    private String url;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            scope = ScopeType.INHERIT,
            description = "The admin token (else $CAMPANILE_TOKEN). Prefer the variable or the file: "
                    + "a command line shows in the process list.")
    private String token;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "A properties file with url= and token= (default ~/.campanile/cli.properties).")
    private Path config;

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "Print JSON (the API's DTOs) instead of tables; same as -o json.")
    private boolean json;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            scope = ScopeType.INHERIT,
            description = "table (default) or json.")
    private Format format = Format.TABLE;

    public CampanileCli(CliEnvironment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        // Jersey warns on stderr about optional providers it does not find (jakarta.activation): not the user's concern
        JERSEY_LOG.setLevel(Level.SEVERE);
        System.exit(commandLine(CliEnvironment.ofProcess()).execute(args));
    }

    /** The tool's command line, ready to {@code execute}; tests set its out and err writers. */
    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine commandLine = new CommandLine(new CampanileCli(environment));
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: see campanile --help");
    }

    /** A client of the server that the options, the environment or the configuration file name. */
    CampanileAdminClient connect() {
        ServerSettings settings = ServerSettings.resolve(url, token, config, environment);
        return new CampanileAdminClient(settings.url(), settings.token());
    }

    /** Asks the server once and prints the answer: as JSON, or as the text {@code human} makes of it. */
    <T> int print(Function<CampanileAdminClient, T> request, Function<T, String> human) {
        try (CampanileAdminClient client = connect()) {
            T answer = request.apply(client);
            output().show(answer, () -> human.apply(answer));
            return ExitCodes.OK;
        }
    }

    Output output() {
        return new Output(spec.commandLine().getOut(), json || format == Format.JSON);
    }

    CliEnvironment environment() {
        return environment;
    }
}
