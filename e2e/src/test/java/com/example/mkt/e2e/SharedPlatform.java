package com.example.mkt.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One platform for the classes that only talk to it through its front door (PlatformE2EIT, HostileInputIT, BenchIT,
 * WebConsoleIT), and ShutdownIT, which stops two of its services and starts them again (after the others):
 * a platform start is about 100 s of CI's run, once per class it was. Each of these classes works in org units,
 * customers and campaigns of its own, so none sees another's data. A class takes the platform as a parameter of its
 * {@code @BeforeAll}; the first to ask starts it, in {@code e2e.home} (the state directory .ci/run knows), with its
 * gateway configured for a {@link TestIdentityProvider} in this JVM (the console's company sign-in), which a class can
 * take as a parameter too.
 *
 * <p>It lives in the root context's store, which closes it (a LocalPlatform is AutoCloseable: {@code ./platform
 * down}) when the test run ends; {@link SharedPlatformLast} runs these classes last, so it never runs beside a
 * class's own platform. A JVM that is interrupted stops it through LocalPlatform's shutdown hook.
 */
final class SharedPlatform implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalPlatform.class || type == TestIdentityProvider.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        TestIdentityProvider provider = store.computeIfAbsent(TestIdentityProvider.class,
                key -> new TestIdentityProvider(), TestIdentityProvider.class);
        LocalPlatform platform = store.computeIfAbsent(LocalPlatform.class, key -> start(provider),
                LocalPlatform.class);
        return parameter.getParameter().getType() == LocalPlatform.class ? platform : provider;
    }

    /** The gateway knows the test's identity provider from the start, as a deployment knows its company's. */
    private static LocalPlatform start(TestIdentityProvider provider) {
        LocalPlatform platform = LocalPlatform.fromSystemProperties().withEnvironment(provider.gatewayEnvironment());
        provider.mintingFor(() -> platform);
        try {
            platform.up();
        } catch (RuntimeException | Error e) {
            platform.close(); // stops what did start; the next class to ask tries afresh
            throw e;
        }
        return platform;
    }
}
