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

  private static final int LANES = detect();

  private Vectorization() {}

  private static int detect() {
    try {
      if ("false".equals(System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT))) {
        return 0;
      }
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
        return 0;
      }
      int lanes = VectorProbe.lanes();
      return lanes >= 4 ? lanes : 0;
    } catch (LinkageError | RuntimeException e) {
      return 0;
    }
  }

  /** Whether the Vector API kernels are in use in this JVM. */
  public static boolean enabled() {
    return LANES > 0;
  }

  /** The number of double lanes of the kernels in use (0 when scalar). */
  public static int lanes() {
    return LANES;
  }
}
