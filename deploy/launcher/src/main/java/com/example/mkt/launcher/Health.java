package com.example.mkt.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a service whether it is ready, on its management port: Quarkus answers 200 on /q/health/ready once its
 * database is.
 */
final class Health {

    static final String READY_PATH = "/q/health/ready";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Health() {
    }

    static boolean ready(int port) {
        return status(port) == 200;
    }

    /** The HTTP status of the readiness endpoint, or -1 when nothing answers. */
    static int status(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + READY_PATH))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
