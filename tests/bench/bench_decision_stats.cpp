// Proof of the decision engine's statistics (docs/benchmarks.md): A/A
// experiments monitored continuously under the mixture SPRT and under naive
// repeated tests, the fixed test's power against the calculator, and p-values
// against published or independently worked values.
#include "ab_tests.h"
#include "power_analysis.h"
#include "running_stats.h"
#include "sequential_test.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>

using namespace llmopt;

namespace {

// `runs` A/A experiments of up to `maxPerArm` normal values per arm, looked at
// every `step` values: how many the always-valid p-value and a naive z-test at
// each look declare significant at α = 0.05.
void aaUnderMonitoring(int runs, int maxPerArm, int step)
{
    std::mt19937_64 rng(2026);
    std::normal_distribution<double> normal(0.0, 1.0);
    int sequential = 0, naive = 0, fixedAtEnd = 0;
    for (int r = 0; r < runs; ++r) {
        SequentialTest test(0.05, 0.1);
        RunningStats a, b;
        bool naiveRejected = false;
        for (int n = step; n <= maxPerArm; n += step) {
            for (int i = 0; i < step; ++i) {
                a.add(normal(rng));
                b.add(normal(rng));
            }
            const double variance
                = a.variance() / double(a.count()) + b.variance() / double(b.count());
            test.look(b.mean() - a.mean(), variance);
            naiveRejected = naiveRejected || compareMeans(a, b).pValue < 0.05;
        }
        sequential += test.rejected();
        naive += naiveRejected;
        fixedAtEnd += compareMeans(a, b).pValue < 0.05;
    }
    const double se = std::sqrt(0.05 * 0.95 / runs);
    std::printf(
        "A/A experiments: %d, up to %d values per arm, a look every %d (%d looks), α 0.05\n", runs,
        maxPerArm, step, maxPerArm / step);
    std::printf("  mixture SPRT (always-valid p)   rejected %6.2f %%  (target ≤ 6 %%)\n",
                100.0 * sequential / runs);
    std::printf("  naive Welch test at every look  rejected %6.2f %%\n", 100.0 * naive / runs);
    std::printf("  Welch test once, at the end     rejected %6.2f %%  (5 %% ± %.2f)\n\n",
                100.0 * fixedAtEnd / runs, 196.0 * se);
}

void powerAgainstCalculator(int runs)
{
    std::mt19937_64 rng(7);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::printf("fixed-horizon power, %d simulated experiments each (target: within 2 points)\n",
                runs);
    std::printf("  %-34s %10s %10s %8s\n", "design", "calculator", "simulated", "gap");
    for (const auto& [delta, n] :
         {std::pair{0.5, uint64_t(64)}, {0.3, uint64_t(100)}, {0.2, uint64_t(394)}}) {
        int rejected = 0;
        for (int r = 0; r < runs; ++r) {
            RunningStats a, b;
            for (uint64_t i = 0; i < n; ++i) {
                a.add(normal(rng));
                b.add(normal(rng) + delta);
            }
            rejected += compareMeans(a, b).pValue < 0.05;
        }
        const double predicted = powerTwoMeans(delta, 1.0, n, 0.05);
        char design[64];
        std::snprintf(design, sizeof design, "means δ=%.1f σ=1 n=%llu", delta,
                      static_cast<unsigned long long>(n));
        std::printf("  %-34s %9.1f%% %9.1f%% %+7.1f\n", design, 100 * predicted,
                    100.0 * rejected / runs, 100.0 * rejected / runs - 100 * predicted);
    }
    for (const auto& [p1, p2] : {std::pair{0.10, 0.12}, {0.70, 0.75}}) {
        const uint64_t n = sampleSizeTwoProportions(p1, p2, 0.05, 0.8);
        std::bernoulli_distribution coinA(p1), coinB(p2);
        int rejected = 0;
        for (int r = 0; r < runs; ++r) {
            uint64_t sa = 0, sb = 0;
            for (uint64_t i = 0; i < n; ++i) {
                sa += coinA(rng);
                sb += coinB(rng);
            }
            rejected += compareProportions(sa, n, sb, n).pValue < 0.05;
        }
        const double predicted = powerTwoProportions(p1, p2, n, 0.05);
        char design[64];
        std::snprintf(design, sizeof design, "proportions %.2f→%.2f n=%llu", p1, p2,
                      static_cast<unsigned long long>(n));
        std::printf("  %-34s %9.1f%% %9.1f%% %+7.1f\n", design, 100 * predicted,
                    100.0 * rejected / runs, 100.0 * rejected / runs - 100 * predicted);
    }
    std::printf("\n");
}

void knownValues()
{
    std::printf("p-values and intervals against reference values\n");
    auto row = [](const char* what, double got, double expected) {
        std::printf("  %-52s %.10f  ref %.10f  |Δ| %.1e\n", what, got, expected,
                    std::abs(got - expected));
    };
    row("Fisher exact, tea tasting [[3,1],[1,3]]", fisherExactTwoSided(3, 1, 1, 3), 34.0 / 70.0);
    row("Fisher exact [[1,9],[11,3]]", fisherExactTwoSided(1, 9, 11, 3), 0.0027594561852200836);
    row("Mann-Whitney exact, U=17 of 4×5",
        mannWhitney({1.1, 2.3, 3.5, 4.0}, {2.0, 5.1, 6.2, 7.3, 8.4}).pValue, 1.0 / 9.0);
    const ArmComparison n = compareProportions(48, 80, 56, 70);
    row("Newcombe (1998) 56/70 − 48/80, lower (to 4 places)", n.interval.low, 0.0524);
    row("Newcombe (1998) 56/70 − 48/80, upper (to 4 places)", n.interval.high, 0.3339);
    const std::vector<uint64_t> observed{5000, 5200};
    const std::vector<double> even{1, 1};
    row("SRM chi-square 5000 vs 5200, 50/50", sampleRatioMismatch(observed, even).pValue,
        0.04767038065616148);
    row("R power.t.test(n=64, delta=.5) power", powerTwoMeans(0.5, 1, 64, 0.05), 0.8014596);
    row("R power.prop.test(.10,.12,power=.8) n (ceiling)",
        double(sampleSizeTwoProportions(0.10, 0.12, 0.05, 0.8)), 3841.0);
    std::printf("\n");
}

} // namespace

int main(int argc, char** argv)
{
    const int runs = argc > 1 ? std::atoi(argv[1]) : 10000;
    const auto start = std::chrono::steady_clock::now();
    knownValues();
    aaUnderMonitoring(runs, 10000, 100);
    powerAgainstCalculator(std::max(1000, runs / 2));
    std::printf("took %.1f s\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}
