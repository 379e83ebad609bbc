package io.campanile.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code campanile --version}: the version the jar was built as (from its manifest). */
final class CliVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CliVersion.class.getPackage().getImplementationVersion();
        return new String[] {"campanile " + (version == null ? "(development build)" : version)};
    }
}
