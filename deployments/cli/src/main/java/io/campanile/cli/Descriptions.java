package io.campanile.cli;

/** Option descriptions that several commands share. */
final class Descriptions {

    static final String REVISION = "The job's revision as last read (If-Match): refused with 409 if it changed since.";
    static final String NOTE = "Why, kept with the instance's result.";

    private Descriptions() {}
}
