package dev.cskit.scoring.internal;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the engine's Vector API kernels ({@code jdk.incubator.vector}, one account per lane) are used.
 *
 * <p>They are used automatically when the JVM was started with {@code --add-modules jdk.incubator.vector},
 * the hardware has at least 256-bit double vectors, and the system property {@code cskit.vector} is not
 * {@code false}; otherwise the scalar kernels run (the approach of Apache Lucene), and the reason is logged
 * once, at SLF4J debug level (logger {@code dev.cskit.scoring.internal.Vectorization}). The kernel
 * classes live in {@code src/main/java-vector}, compiled with the incubator module; they are only loaded
 * after the module was found, so the library runs without the flag. Both paths give bit-identical scores.
 */
public final class Vectorization {
  /** The system property that turns the Vector API kernels off ({@code -Dcskit.vector=false}). */
  public static final String PROPERTY = "cskit.vector";

  /** Implemented by the Vector API kernels (loaded by name, so that this class compiles without them). */
  interface Factory {
    /** The number of double lanes; the factory is used when at least 4. */
    int lanes();

    /** The vector kernel of a linear rule: the same sub-scores, bit for bit, as {@code scalar}. */
    RuleKernel linear(LinearKernel scalar, int policy, double fill);

    /** The vector finisher: the same bits as {@link Finish#SCALAR}. */
    Finish.Finisher finisher();
  }

  private static final Factory FACTORY = detect();

  private Vectorization() {}

  /** Runs once (class initialisation): the factory, or null after logging why the scalar kernels run. */
  private static Factory detect() {
    try {
      if ("false".equals(System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT))) {
        return fallback("turned off by -D" + PROPERTY + "=false", null);
      }
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
        return fallback("the JVM was started without --add-modules jdk.incubator.vector", null);
      }
      Factory f = (Factory) Class.forName("dev.cskit.scoring.internal.VectorKernels")
          .getDeclaredConstructor().newInstance();
      return f.lanes() >= 4 ? f
          : fallback("the hardware has " + f.lanes() + " double lanes, fewer than 4", null);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return fallback("the Vector API kernels failed to load", e);
    }
  }

  private static Factory fallback(String reason, Throwable cause) {
    Logger log = LoggerFactory.getLogger(Vectorization.class);
    if (cause == null) {
      log.debug("cskit scoring uses the scalar kernels: {}", reason);
    } else {
      log.debug("cskit scoring uses the scalar kernels: {}", reason, cause);
    }
    return null;
  }

  /** Whether the Vector API kernels are in use in this JVM. */
  public static boolean enabled() {
    return FACTORY != null;
  }

  /** The number of double lanes of the kernels in use (0 when scalar). */
  public static int lanes() {
    return FACTORY == null ? 0 : FACTORY.lanes();
  }

  /** The finisher of cards without categories: vectorised when the Vector API is in use. */
  static Finish.Finisher finisher() {
    return FACTORY == null ? Finish.SCALAR : FACTORY.finisher();
  }

  /** Cards compiled while this is set get the reference kernels (tests compare the paths in one JVM). */
  static volatile boolean referenceOnly;

  /**
   * The batch kernel of a linear rule: the vector one when the Vector API is in use, else the jump-free
   * {@link LinearTableKernel}; the same bits as the reference {@code scalar} kernel either way.
   */
  static RuleKernel linear(LinearKernel scalar, int policy, double fill) {
    if (referenceOnly) {
      return scalar;
    }
    return FACTORY == null ? LinearTableKernel.of(scalar, policy, fill) : FACTORY.linear(scalar, policy, fill);
  }
}
