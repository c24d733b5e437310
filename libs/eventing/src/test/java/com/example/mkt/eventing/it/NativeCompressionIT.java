package com.example.mkt.eventing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;

import org.apache.kafka.common.compress.Lz4BlockInputStream;
import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.NativeCompression;

import io.quarkus.test.junit.QuarkusTest;

/**
 * In a running application (Quarkus' class loader, as in production), Kafka's lz4 codec uses the JNI library: the
 * producers' compressor, and the consumers' decompressor that Kafka fixes once, when its first compressed batch is
 * read, which in this application happens after startup (the connector's consumers start behind NativeCompression).
 */
@QuarkusTest
class NativeCompressionIT {

    @Test
    void kafkaCompressesAndDecompressesWithTheJniLibrary() throws Exception {
        assertEquals("LZ4Factory:JNI", NativeCompression.implementation());
        Field decompressor = Lz4BlockInputStream.class.getDeclaredField("DECOMPRESSOR");
        decompressor.setAccessible(true);
        String used = decompressor.get(null).getClass().getSimpleName();
        assertTrue(used.startsWith("LZ4JNI"), "Kafka's lz4 decompressor is " + used);
    }
}
