package com.example.mkt.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class on the {@link SharedPlatform} that stops services of it (and starts them again): {@link SharedPlatformLast}
 * runs it after the other classes there, so none of them has work in flight while a service is down.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface StopsServices {
}
