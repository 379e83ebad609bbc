package io.campanile.scheduler.domain.schedule;

/** A job's next fire time cannot be computed; the job is taken out of firing with this message as the reason. */
public class UncomputableSchedule extends RuntimeException {

    public UncomputableSchedule(String message) {
        super(message);
    }
}
