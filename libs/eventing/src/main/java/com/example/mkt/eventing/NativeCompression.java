package com.example.mkt.eventing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import net.jpountz.lz4.LZ4Factory;

/**
 * Lets Kafka compress and decompress with lz4-java's JNI library instead of its pure-Java fallback.
 *
 * <p>Kafka asks {@code LZ4Factory.fastestInstance()} for every producer batch and once for its decompressor and
 * checksum. That method only tries the JNI library when it is already loaded or when lz4-java itself was loaded by
 * the system class loader (one native library can be bound to one class loader only). In a Quarkus application it is
 * loaded by Quarkus' own class loader, so every service silently ran the pure-Java "safe" implementation, the only
 * Java one left since lz4-java 1.8.1 dropped its Unsafe variant. On 64 KB blocks of sales envelopes that compressed
 * at 161 MB/s instead of 495, and decompressed at 454 MB/s instead of 1,982; the gateway's producer thread spent a
 * quarter of its CPU samples in it under load.
 *
 * <p>Loading the library once, before the messaging connector creates any Kafka client (its startup observer has
 * priority 1000; this one runs first), makes {@code fastestInstance()} answer the JNI factory for the life of the
 * application. Where the library cannot load (an unknown platform, a read-only temporary directory), the service
 * keeps the pure-Java implementation and says so: slower, never wrong.
 */
@ApplicationScoped
public class NativeCompression {

    private static final Logger LOG = Logger.getLogger(NativeCompression.class);

    void load(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        try {
            LZ4Factory.nativeInstance();
            LOG.debugf("lz4: %s", LZ4Factory.fastestInstance());
        } catch (Throwable e) { // UnsatisfiedLinkError or the unpacking's IOException, wrapped
            LOG.warnf("lz4: the JNI library could not be loaded (%s); Kafka compresses with the slower pure-Java "
                    + "implementation", e.toString());
        }
    }

    /** The implementation Kafka gets, e.g. {@code LZ4Factory:JNI}. */
    public static String implementation() {
        return LZ4Factory.fastestInstance().toString();
    }
}
