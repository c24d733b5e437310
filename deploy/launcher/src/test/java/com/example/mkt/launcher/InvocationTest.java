package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.example.mkt.launcher.Invocation.Command;

class InvocationTest {

    @Test
    void upWithAndWithoutBuild() {
        Invocation up = Invocation.parse("up");
        assertEquals(Command.UP, up.command());
        assertFalse(up.build());
        assertTrue(Invocation.parse("up", "--build").build());
        assertTrue(Invocation.parse("--build", "up").build());
    }

    @Test
    void destroyAsksUnlessConfirmedAndUpMayStartFresh() {
        Invocation destroy = Invocation.parse("destroy");
        assertEquals(Command.DESTROY, destroy.command());
        assertFalse(destroy.confirmed());
        assertTrue(Invocation.parse("destroy", "--yes").confirmed());
        assertTrue(Invocation.parse("destroy", "-y").confirmed());
        assertTrue(Invocation.parse("up", "--fresh").fresh());
        assertFalse(Invocation.parse("up").fresh());
        assertThrows(UsageException.class, () -> Invocation.parse("down", "--yes"));
        assertThrows(UsageException.class, () -> Invocation.parse("destroy", "--fresh"));
    }

    @Test
    void simpleCommands() {
        assertEquals(Command.DOWN, Invocation.parse("down").command());
        assertEquals(Command.STATUS, Invocation.parse("status").command());
        assertEquals(Command.HELP, Invocation.parse("help").command());
        assertEquals(Command.HELP, Invocation.parse("--help").command());
        assertEquals(Command.HELP, Invocation.parse("up", "-h").command());
    }

    @Test
    void logsTakesOneComponentAndAnOptionalFollow() {
        Invocation logs = Invocation.parse("logs", "kafka");
        assertEquals(Command.LOGS, logs.command());
        assertEquals(Optional.of("kafka"), logs.target());
        assertFalse(logs.follow());
        assertTrue(Invocation.parse("logs", "gateway", "-f").follow());
        assertTrue(Invocation.parse("logs", "-f", "gateway").follow());
        assertTrue(Invocation.parse("logs", "gateway", "--follow").follow());
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThrows(UsageException.class, Invocation::parse);
        assertThrows(UsageException.class, () -> Invocation.parse("start"));
        assertThrows(UsageException.class, () -> Invocation.parse("up", "--fast"));
        assertThrows(UsageException.class, () -> Invocation.parse("up", "now"));
        assertThrows(UsageException.class, () -> Invocation.parse("down", "--build"));
        assertThrows(UsageException.class, () -> Invocation.parse("status", "-f"));
        assertThrows(UsageException.class, () -> Invocation.parse("logs"));
        assertThrows(UsageException.class, () -> Invocation.parse("logs", "kafka", "postgres"));
    }

    @Test
    void usageNamesEveryCommand() {
        for (String command : new String[] {"up [--build]", "down", "status", "logs <name> [-f]", "help"}) {
            assertTrue(Invocation.USAGE.contains(command), command);
        }
    }
}
