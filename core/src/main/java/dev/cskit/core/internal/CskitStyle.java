package dev.cskit.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of every cskit value type. Source retention: it leaves no trace in the class files.
 *
 * <p>The generated {@code *Impl} class is package-private and hidden behind the abstract type
 * ({@code overshadowImplementation}); builders are exposed as a nested {@code Builder} that extends the
 * generated one, so users only ever see the abstract type.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    typeAbstract = "*",
    typeImmutable = "*Impl",
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allowedClasspathAnnotations = {Override.class},
    defaults = @Value.Immutable(copy = false))
public @interface CskitStyle {}
