package io.refgate.redirect;

/**
 * The two referral cookies (CONTRACT §4), with their attributes rendered once per tenant:
 * {@code rg_click} (HttpOnly: only the customer's backend needs it) and {@code rg_ref} (readable by
 * the landing page's script). Both {@code Path=/; Max-Age=<window>; SameSite=Lax}, plus
 * {@code Secure} unless turned off, plus {@code Domain} when the tenant sets one.
 */
public final class CookiePolicy {
  public static final String CLICK_COOKIE = "rg_click";
  public static final String REF_COOKIE = "rg_ref";

  private final String clickSuffix;
  private final String refSuffix;

  public CookiePolicy(int windowDays, String domain, boolean secure) {
    StringBuilder attributes = new StringBuilder("; Path=/; Max-Age=").append(windowDays * 86_400L);
    if (domain != null && !domain.isEmpty()) {
      attributes.append("; Domain=").append(domain);
    }
    attributes.append("; SameSite=Lax");
    if (secure) {
      attributes.append("; Secure");
    }
    this.refSuffix = attributes.toString();
    this.clickSuffix = refSuffix + "; HttpOnly";
  }

  public String clickCookie(String clickId) {
    return CLICK_COOKIE + "=" + clickId + clickSuffix;
  }

  public String refCookie(String code) {
    return REF_COOKIE + "=" + code + refSuffix;
  }

  /** The value of cookie {@code name} in a Cookie request header, or null. */
  public static String find(String cookieHeader, String name) {
    if (cookieHeader == null) {
      return null;
    }
    int from = 0;
    while (from < cookieHeader.length()) {
      int end = cookieHeader.indexOf(';', from);
      if (end < 0) {
        end = cookieHeader.length();
      }
      int start = from;
      while (start < end && cookieHeader.charAt(start) == ' ') {
        start++;
      }
      if (cookieHeader.startsWith(name, start) && start + name.length() < end && cookieHeader.charAt(start + name.length()) == '=') {
        return cookieHeader.substring(start + name.length() + 1, end).trim();
      }
      from = end + 1;
    }
    return null;
  }
}
