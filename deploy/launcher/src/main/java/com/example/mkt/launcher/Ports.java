package com.example.mkt.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds out, before anything starts, whether the ports the platform needs are free. */
final class Ports {

    private Ports() {
    }

    /**
     * Both a listener on loopback (a connect succeeds) and one on another address (a wildcard bind fails) count:
     * Quarkus binds every interface, so either would make a service fail after the rest had started.
     */
    static boolean inUse(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            // nothing answers on loopback; try to bind
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** One message per problem: a port already taken, or two components configured onto the same port. */
    static List<String> conflicts(List<PortClaim> claims) {
        List<String> problems = new ArrayList<>();
        Map<Integer, PortClaim> seen = new HashMap<>();
        for (PortClaim claim : claims) {
            PortClaim earlier = seen.putIfAbsent(claim.port(), claim);
            if (earlier != null) {
                problems.add("port " + claim.port() + " is configured for both " + earlier.component() + " and "
                        + claim.component() + ": set " + claim.variable() + " to another port");
            } else if (inUse(claim.port())) {
                problems.add(message(claim, holder(claim.port())));
            }
        }
        return problems;
    }

    static String message(PortClaim claim, Optional<String> holder) {
        return "port " + claim.port() + " (" + claim.component() + ") is already in use by another program"
                + holder.map(h -> " (" + h + ")").orElse("")
                + ": stop it, or choose another port, e.g. " + claim.variable() + "=" + suggestion(claim.port())
                + " ./platform up";
    }

    private static int suggestion(int port) {
        return port < 60000 ? port + 10000 : port - 10000;
    }

    /**
     * Best effort: the pid and command holding a listening TCP socket, from /proc/net/tcp{,6} and the fd
     * tables. Saying who holds the port saves the user a round of ss/lsof.
     */
    static Optional<String> holder(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // local_address is field 1, st is field 3 (0A = LISTEN), inode is field 9
                    if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException e) {
                // not Linux, or no IPv6
            }
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                                long pid = Long.parseLong(proc.getFileName().toString());
                                return Optional.of("pid " + pid + ": " + ProcessInfo.describe(pid));
                            }
                        } catch (IOException e) {
                            // fd closed meanwhile
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // not ours to look at, or gone
                }
            }
        } catch (IOException e) {
            // no /proc
        }
        return Optional.empty();
    }
}
