package io.refgate.redirect;

/**
 * Referral code syntax (CONTRACT §3): 4–32 characters of [A-Za-z0-9_-], case-sensitive. Checked by
 * plain character tests so that a malformed code costs nothing and never reaches Redis or PostgreSQL.
 */
public final class CodeSyntax {
  public static final int MIN_LENGTH = 4;
  public static final int MAX_LENGTH = 32;

  private CodeSyntax() {
  }

  public static boolean isValid(String code) {
    return code != null && isValid(code, 0);
  }

  /** Whether {@code text} from {@code start} to its end is a well-formed code. */
  public static boolean isValid(String text, int start) {
    int length = text.length() - start;
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (!isCodeChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isCodeChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }
}
