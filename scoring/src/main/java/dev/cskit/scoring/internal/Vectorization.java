package dev.cskit.scoring.internal;

import java.util.Locale;

/**
 * Whether the engine's Vector API kernels ({@code jdk.incubator.vector}, one account per lane) are used.
 *
 * <p>They are used automatically when the JVM was started with {@code --add-modules jdk.incubator.vector},
 * the hardware has at least 256-bit double vectors, and the system property {@code cskit.vector} is not
 * {@code false}; otherwise the scalar kernels run, silently (the approach of Apache Lucene). The kernel
 * classes live in {@code src/main/java-vector}, compiled with the incubator module; they are only loaded
 * after the module was found, so the library runs without the flag. Both paths give bit-identical scores.
 */
public final class Vectorization {
  /** The system property that turns the Vector API kernels off ({@code -Dcskit.vector=false}). */
  public static final String PROPERTY = "cskit.vector";

  /** Implemented by the Vector API rules (loaded by name, so that this class compiles without them). */
  interface Factory {
    /** The number of double lanes; the factory is used when at least 4. */
    int lanes();

    /** The vector block rule of a kernel, or null to use the scalar one. */
    BlockRule of(RuleKernel kernel);

    /** The vector finisher. */
    LeanEngine.Finisher finisher();

    /** Whether a block rule is one of the vector ones. */
    boolean isVector(BlockRule rule);
  }

  private static final Factory FACTORY = detect();

  private Vectorization() {}

  private static Factory detect() {
    try {
      if ("false".equals(System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT))) {
        return null;
      }
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
        return null;
      }
      Factory f = (Factory) Class.forName("dev.cskit.scoring.internal.VectorRules")
          .getDeclaredConstructor().newInstance();
      return f.lanes() >= 4 ? f : null;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  /** Whether the Vector API kernels are in use in this JVM. */
  public static boolean enabled() {
    return FACTORY != null;
  }

  /** The number of double lanes of the kernels in use (0 when scalar). */
  public static int lanes() {
    return FACTORY == null ? 0 : FACTORY.lanes();
  }

  /** The vector finisher when any of the rules is a vector one, else the scalar one. */
  static LeanEngine.Finisher finisher(BlockRule[] rules) {
    if (FACTORY != null) {
      for (BlockRule r : rules) {
        if (FACTORY.isVector(r)) {
          return FACTORY.finisher();
        }
      }
    }
    return LeanEngine.SCALAR_FINISHER;
  }

  /** The block rule of a kernel: the vector one when enabled and available, else the scalar one. */
  static BlockRule rule(RuleKernel kernel, boolean vector) {
    if (vector && FACTORY != null) {
      BlockRule r = FACTORY.of(kernel);
      if (r != null) {
        return r;
      }
    }
    return BlockRules.scalar(kernel);
  }
}
