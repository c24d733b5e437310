package com.example.mkt.e2e;

import java.util.Arrays;
import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The classes on the {@link SharedPlatform} after those that start a platform of their own (ChaosIT), and among them
 * those that stop its services ({@link StopsServices}) last; each group in the order failsafe gave (the sort is
 * stable). The shared platform runs until the test run ends: before them, it would sit beside their platforms on CI's
 * two cores. Configured in junit-platform.properties.
 */
final class SharedPlatformLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(SharedPlatformLast::rank));
    }

    private static int rank(ClassDescriptor testClass) {
        boolean shared = testClass.findRepeatableAnnotations(ExtendWith.class).stream()
                .anyMatch(extensions -> Arrays.asList(extensions.value()).contains(SharedPlatform.class));
        if (!shared) {
            return 0;
        }
        return testClass.isAnnotated(StopsServices.class) ? 2 : 1;
    }
}
