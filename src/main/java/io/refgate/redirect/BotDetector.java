package io.refgate.redirect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ahocorasick.trie.Trie;

/**
 * Tells crawlers and link-preview fetchers from people by User-Agent, using the maintained public
 * list github.com/monperrus/crawler-user-agents (bundled; see README for refreshing it, or point
 * bots.file at a newer copy). Most of its ~1,500 patterns are plain text and are matched together
 * by one Aho-Corasick automaton; the rest form one alternation. Verdicts are cached per
 * User-Agent, because a handful of browser strings make up most traffic.
 */
public final class BotDetector {
  private static final String BUNDLED = "/bots/crawler-user-agents.json";
  private static final String METACHARACTERS = ".^$*+?()[]{}|";
  private static final int VERDICT_CACHE_SIZE = 10_000;

  private final Trie literals;
  private final Pattern expressions;
  private final int patternCount;
  private final Cache<String, Boolean> verdicts = Caffeine.newBuilder().maximumSize(VERDICT_CACHE_SIZE).build();

  private BotDetector(List<String> patterns) {
    Trie.TrieBuilder trie = Trie.builder();
    List<String> regexes = new ArrayList<>();
    for (String pattern : patterns) {
      String literal = asLiteral(pattern);
      if (literal != null) {
        trie.addKeyword(literal);
      } else {
        regexes.add("(?:" + pattern + ")");
      }
    }
    this.literals = trie.build();
    this.expressions = regexes.isEmpty() ? null : Pattern.compile(String.join("|", regexes));
    this.patternCount = patterns.size();
  }

  public static BotDetector bundled() {
    try (InputStream in = BotDetector.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(BUNDLED + " is missing from the class path");
      }
      return fromJson(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BUNDLED, e);
    }
  }

  public static BotDetector fromFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return fromJson(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read crawler list " + file, e);
    }
  }

  /** Reads the crawler-user-agents.json format: an array of objects with a "pattern" regex. */
  static BotDetector fromJson(InputStream in) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    List<String> patterns = new ArrayList<>();
    for (JsonNode entry : root) {
      String pattern = entry.path("pattern").asText("");
      if (!pattern.isEmpty()) {
        patterns.add(pattern);
      }
    }
    if (patterns.isEmpty()) {
      throw new IOException("no \"pattern\" entries found");
    }
    return new BotDetector(patterns);
  }

  /** A request without a User-Agent is a script, not a person. */
  public boolean isBot(String userAgent) {
    if (userAgent == null || userAgent.isEmpty()) {
      return true;
    }
    return verdicts.get(userAgent, this::matches);
  }

  /** Browsers prefetching or prerendering a link announce it; such fetches are not clicks. */
  public static boolean isPrefetch(String secPurpose, String purpose) {
    return mentionsPrefetch(secPurpose) || mentionsPrefetch(purpose);
  }

  public int patternCount() {
    return patternCount;
  }

  private boolean matches(String userAgent) {
    return literals.containsMatch(userAgent) || (expressions != null && expressions.matcher(userAgent).find());
  }

  private static boolean mentionsPrefetch(String header) {
    return header != null && (header.regionMatches(true, 0, "prefetch", 0, 8) || header.regionMatches(true, 0, "prerender", 0, 9));
  }

  /** The text a pattern matches when it has no regex operators (escapes like \/ allowed), else null. */
  static String asLiteral(String pattern) {
    StringBuilder literal = new StringBuilder(pattern.length());
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        if (i + 1 == pattern.length() || Character.isLetterOrDigit(pattern.charAt(i + 1))) {
          return null;
        }
        literal.append(pattern.charAt(++i));
      } else if (METACHARACTERS.indexOf(c) >= 0) {
        return null;
      } else {
        literal.append(c);
      }
    }
    return literal.toString();
  }
}
