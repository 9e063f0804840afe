package dev.cskit.core;

/** The identifier of a customer account: non-blank text, compared exactly. */
public final class AccountId implements Comparable<AccountId> {
  private final String value;

  private AccountId(String value) {
    this.value = value;
  }

  /**
   * An account id from its text.
   *
   * @throws ArgumentException when the text is null or blank
   */
  public static AccountId of(String value) {
    if (value == null || value.isBlank()) {
      throw new ArgumentException("id", "an account id must not be blank", CskitException.quote(value));
    }
    return new AccountId(value);
  }

  /** The id's text. */
  public String value() {
    return value;
  }

  @Override
  public int compareTo(AccountId o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountId && ((AccountId) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
