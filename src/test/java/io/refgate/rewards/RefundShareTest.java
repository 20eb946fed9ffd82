package io.refgate.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefundShareTest {

  @Test
  @DisplayName("a full refund in one go takes back the whole reward")
  void fullRefund() {
    assertThat(RefundShare.reduction(2000, 10000, 0, 10000)).isEqualTo(2000);
    assertThat(RefundShare.reduction(2001, 10005, 0, 10005)).isEqualTo(2001);
  }

  @Test
  @DisplayName("a quarter refunded takes back a quarter of the reward")
  void partialRefund() {
    assertThat(RefundShare.reduction(2000, 10000, 0, 2500)).isEqualTo(500);
  }

  @ParameterizedTest(name = "reward {0} of payment {1}, refunds {2} to {3}: loses {4}")
  @CsvSource({
      // 3 * 1/2 = 1.5 is worth 2 (half-even) after the first half, so the first half takes 1 and the second 2
      "3,    2,     0,    1,     1",
      "3,    2,     1,    2,     2",
      // 1/3 refunds of a 100 reward: remaining 66.67 → 67, 33.33 → 33, 0
      "100,  3,     0,    1,     33",
      "100,  3,     1,    2,     34",
      "100,  3,     2,    3,     33",
      "0,    10000, 0,    10000, 0",
      "2000, 10000, 2500, 2500,  0",
  })
  @DisplayName("each refund takes what the reward is worth before it minus what it is worth after, rounded half-to-even")
  void roundingTable(long granted, long payment, long before, long after, long expected) {
    assertThat(RefundShare.reduction(granted, payment, before, after)).isEqualTo(expected);
  }

  @Test
  @DisplayName("three refunds of a third each add up to exactly the reward")
  void thirdsAddUp() {
    long total = RefundShare.reduction(100, 3, 0, 1) + RefundShare.reduction(100, 3, 1, 2) + RefundShare.reduction(100, 3, 2, 3);
    assertThat(total).isEqualTo(100);
  }

  @Test
  @DisplayName("a refund of a zero-amount payment takes nothing back")
  void zeroPayment() {
    assertThat(RefundShare.reduction(500, 0, 0, 0)).isZero();
    assertThat(RefundShare.reduction(500, 0, 0, 100)).isZero();
  }

  @Property
  @Label("any split of a full refund takes back exactly the reward in total")
  void anySplitAddsUpToTheReward(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long granted,
      @ForAll @LongRange(min = 1, max = 10_000_000_000L) long payment,
      @ForAll @Size(max = 30) List<@LongRange(min = 0, max = 10_000_000_000L) Long> cuts) {
    long total = 0;
    for (long[] step : steps(payment, cuts)) {
      total += RefundShare.reduction(granted, payment, step[0], step[1]);
    }
    assertThat(total).isEqualTo(granted);
  }

  @Property
  @Label("refunds never make a referee's net reward negative: each takes back something between nothing and what is left")
  void refundsNeverOverdraw(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long granted,
      @ForAll @LongRange(min = 1, max = 10_000_000_000L) long payment,
      @ForAll @Size(max = 30) List<@LongRange(min = 0, max = 10_000_000_000L) Long> cuts) {
    long left = granted;
    for (long[] step : steps(payment, cuts)) {
      long reduction = RefundShare.reduction(granted, payment, step[0], step[1]);
      assertThat(reduction).isNotNegative();
      left -= reduction;
      assertThat(left).isNotNegative();
    }
  }

  @Property
  @Label("what a reward is worth after refunds never depends on how the refunds were split")
  void worthDependsOnlyOnTheTotal(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long granted,
      @ForAll @LongRange(min = 1, max = 10_000_000_000L) long payment, @ForAll @LongRange(min = 0, max = 10_000_000_000L) long refunded,
      @ForAll @LongRange(min = 0, max = 10_000_000_000L) long cut) {
    long after = refunded % (payment + 1);
    long middle = cut % (after + 1);
    long inOneGo = RefundShare.reduction(granted, payment, 0, after);
    long inTwo = RefundShare.reduction(granted, payment, 0, middle) + RefundShare.reduction(granted, payment, middle, after);
    assertThat(inTwo).isEqualTo(inOneGo).isBetween(0L, granted);
  }

  /** Cumulative refund totals from 0 to the whole payment, at the given cut points (folded into the payment). */
  private static List<long[]> steps(long payment, List<Long> cuts) {
    TreeSet<Long> points = new TreeSet<>();
    points.add(0L);
    points.add(payment);
    cuts.forEach(cut -> points.add(cut % (payment + 1)));
    List<long[]> steps = new ArrayList<>();
    Long previous = null;
    for (long point : points) {
      if (previous != null) {
        steps.add(new long[] {previous, point});
      }
      previous = point;
    }
    return steps;
  }
}
