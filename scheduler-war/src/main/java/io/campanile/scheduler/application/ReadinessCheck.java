package io.campanile.scheduler.application;

import java.util.Optional;

/** One condition a server must meet before it is ready to serve: a port, implemented where the thing is known. */
public interface ReadinessCheck {

    /** A short, fixed name, shown in the readiness answer ({@code database}, {@code migrations}...). */
    String name();

    /** What is wrong, in a sentence without secrets; empty when the check passes. Never throws. */
    Optional<String> problem();
}
