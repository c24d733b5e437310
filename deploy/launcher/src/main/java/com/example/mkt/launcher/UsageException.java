package com.example.mkt.launcher;

/** The command line could not be understood; the usage text follows the message. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
