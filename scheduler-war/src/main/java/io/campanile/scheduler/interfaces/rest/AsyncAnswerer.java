package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.protocol.PollAnswer;
import io.campanile.scheduler.application.WaitingPolls;
import jakarta.ws.rs.container.AsyncResponse;

/** Answers a held long-poll through its {@link AsyncResponse}. */
final class AsyncAnswerer implements WaitingPolls.Answerer {

    private final AsyncResponse async;

    AsyncAnswerer(AsyncResponse async) {
        this.async = async;
    }

    @Override
    public boolean deliver(PollAnswer answer) {
        return async.resume(answer);
    }

    @Override
    public void notOwner(String message) {
        async.resume(Errors.of(409, message));
    }
}
