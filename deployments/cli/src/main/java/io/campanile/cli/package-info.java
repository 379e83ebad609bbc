/**
 * The {@code campanile} command-line tool: picocli commands that call the admin API through {@link
 * io.campanile.api.client.CampanileAdminClient} and print tables or JSON. Commands stay thin (read the arguments,
 * call the client, hand the answer to a renderer); where the server is and how to sign in is {@link
 * io.campanile.cli.ServerSettings}, how failures become exit codes {@link io.campanile.cli.ErrorReporter}.
 */
package io.campanile.cli;
