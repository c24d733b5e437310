package com.example.mkt.eventing.consumer;

/** An event that no retry can apply (invalid data, unknown reference): it goes to the dead-letter topic. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
