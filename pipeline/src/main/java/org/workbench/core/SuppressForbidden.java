package org.workbench.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets one method or class use a JDK call the build otherwise forbids (a default locale or charset,
 * see the forbiddenapis plugin in pipeline/pom.xml). Only where the machine's own setting is what is
 * wanted, and {@link #value} says why.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE, ElementType.FIELD})
public @interface SuppressForbidden {
    /** Why the default is right here. */
    String value();
}
