package io.campanile.cli;

import io.campanile.api.client.CampanileClientException;
import jakarta.ws.rs.ProcessingException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into one line on stderr and an exit code ({@link ExitCodes}): the server's refusal with
 * its status, code, field and message; an unreachable server; a usage problem. Never a stack trace, except for
 * failures of the tool itself.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int exitCode = report(e, err);
        err.flush();
        return exitCode;
    }

    static int report(Exception e, PrintWriter err) {
        if (e instanceof CampanileClientException refused && refused.unreachable()) {
            err.println("campanile: "
                    + refused.getMessage().substring((CampanileClientException.UNREACHABLE + ": ").length()));
            return ExitCodes.SERVER;
        }
        if (e instanceof CampanileClientException refused) {
            err.println("campanile: " + describe(refused));
            return refused.status() >= 500 ? ExitCodes.SERVER : ExitCodes.REFUSED;
        }
        if (e instanceof ProcessingException failed) {
            err.println("campanile: no answer from the server: " + rootMessage(failed));
            return ExitCodes.SERVER;
        }
        if (e instanceof CliUsageException usage) {
            err.println("campanile: " + usage.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("campanile: unexpected failure: " + e);
        e.printStackTrace(err);
        return ExitCodes.FAILURE;
    }

    /** {@code 400 invalid_field (field cron): cron: ...}: what the server said, without the exception's prefix. */
    static String describe(CampanileClientException refused) {
        String prefix = refused.status() + ": ";
        String message = refused.getMessage();
        if (message != null && message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        String field = refused.field() == null ? "" : " (field " + refused.field() + ")";
        String code = refused.code() == null ? "" : " " + refused.code().wire();
        return refused.status() + code + field + ": " + message;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
