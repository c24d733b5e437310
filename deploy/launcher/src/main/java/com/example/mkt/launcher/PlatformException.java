package com.example.mkt.launcher;

/** A failure the user can act on: its message is printed as is, without a stack trace. */
final class PlatformException extends RuntimeException {

    PlatformException(String message) {
        super(message);
    }

    PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
