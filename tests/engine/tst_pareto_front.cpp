#include "pareto_front.h"

#include <QTest>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

using namespace llmopt;

namespace {

Estimate exact(double v)
{
    return {v, v, v};
}

Estimate around(double v, double halfWidth)
{
    return {v, v - halfWidth, v + halfWidth};
}

ParetoCandidate variant(std::string id, Estimate quality, Estimate cost, Estimate p95,
                        double requestsPerMonth = 0.0)
{
    return {std::move(id), quality, cost, p95, requestsPerMonth};
}

// Same quality, cost and p95 as a zero-width estimate each.
ParetoCandidate exactVariant(std::string id, double quality, double cost, double p95,
                             double requestsPerMonth = 0.0)
{
    return variant(std::move(id), exact(quality), exact(cost), exact(p95), requestsPerMonth);
}

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance;
}

// Candidates for the constrained choice: v1 is the best (0.90), so the 2 % bound
// is 0.882 and v3 (0.88) misses it; only v1 and v2 have traffic.
std::vector<ParetoCandidate> choiceCandidates()
{
    return {exactVariant("v1", 0.90, 0.010, 900, 100'000),
            exactVariant("v2", 0.89, 0.004, 700, 50'000), exactVariant("v3", 0.88, 0.002, 600),
            exactVariant("v4", 0.895, 0.003, 1200)};
}

} // namespace

class TestParetoFront : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyInput()
    {
        const ParetoFront pf(std::vector<ParetoCandidate>{});
        QVERIFY(pf.front().empty());
        QVERIFY(!pf.knee());
        QCOMPARE(pf.hypervolume({0.5, 1.0, 1000}), 0.0);
        const ParetoFront::Choice c = pf.cheapestWithin({});
        QVERIFY(!c.index);
        QVERIFY2(c.reason.find("no variants") != std::string::npos, c.reason.c_str());
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, pf.dominatedBy(0));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, pf.monthlySavingsUsd(0, 0));
    }

    // One variant is its own front, knee and choice, and moving traffic to itself saves nothing.
    void singleCandidate()
    {
        const ParetoFront pf(
            {variant("v1", around(0.8, 0.05), around(0.5, 0.1), around(500, 50), 1000)});
        QCOMPARE(pf.front(), std::vector<size_t>{0});
        QVERIFY(!pf.dominatedBy(0));
        QCOMPARE(pf.knee(), std::optional<size_t>(0));
        const ParetoFront::Choice c = pf.cheapestWithin({});
        QCOMPARE(c.index, std::optional<size_t>(0));
        QCOMPARE(c.monthlySavingsUsd.value, 0.0);
        QCOMPARE(c.monthlySavingsUsd.low, 0.0);
        QCOMPARE(c.monthlySavingsUsd.high, 0.0);
        QCOMPARE(pf.monthlySavingsUsd(0, 0).high, 0.0);
    }

    void hypervolumeOfOneBox()
    {
        QCOMPARE(ParetoFront::dominatedVolume({{2, 3, 4}}, {0, 0, 0}), 24.0);
        QCOMPARE(ParetoFront::dominatedVolume({{2, 3, 4}}, {1, 1, 1}), 6.0);
        QCOMPARE(ParetoFront::dominatedVolume({}, {0, 0, 0}), 0.0);
    }

    // Unions of boxes from the origin, worked by inclusion–exclusion:
    // |A ∪ B| = |A| + |B| − |A ∩ B|, the intersection being the box at the
    // coordinate-wise minimum; likewise for three.
    void hypervolumeByInclusionExclusion()
    {
        const ParetoFront::Point o{0, 0, 0};
        // 8 + 3 − (2·1·1)
        QVERIFY(near(ParetoFront::dominatedVolume({{2, 2, 2}, {3, 1, 1}}, o), 9.0));
        // 3·3 − 3·1 + 1
        QVERIFY(near(ParetoFront::dominatedVolume({{3, 1, 1}, {1, 3, 1}, {1, 1, 3}}, o), 7.0));
        // 8 + 12 + 5 − (4 + 1 + 2) + 1
        QVERIFY(near(ParetoFront::dominatedVolume({{4, 2, 1}, {2, 3, 2}, {1, 1, 5}}, o), 19.0));
        // Equal heights share a slab: (3 + 3 − 1)·2.
        QVERIFY(near(ParetoFront::dominatedVolume({{3, 1, 2}, {1, 3, 2}}, o), 10.0));
        // Duplicates and a point inside another's box add nothing.
        QVERIFY(near(ParetoFront::dominatedVolume({{2, 2, 2}, {2, 2, 2}, {1, 2, 1}}, o), 8.0));
        // Nor do points not beyond the reference on every objective.
        QVERIFY(near(ParetoFront::dominatedVolume({{2, 2, 2}, {5, 5, 0}, {5, -1, 5}}, o), 8.0));
        // A reference off the origin: 2·1·1 + 1·2·1 − 1·1·1.
        QVERIFY(near(ParetoFront::dominatedVolume({{3, 2, 2}, {2, 3, 2}}, {1, 1, 1}), 3.0));
    }

    // 30 points on the unit sphere in the positive octant (none dominates
    // another) against the share of 500,000 uniform points in the unit cube
    // that some point dominates; tolerance four standard errors.
    void hypervolumeMatchesMonteCarlo()
    {
        std::mt19937_64 rng(2024);
        std::normal_distribution<double> normal;
        std::vector<ParetoFront::Point> points;
        for (int i = 0; i < 30; ++i) {
            ParetoFront::Point p{std::abs(normal(rng)), std::abs(normal(rng)),
                                 std::abs(normal(rng))};
            const double norm = std::sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
            for (double& x : p)
                x /= norm;
            points.push_back(p);
        }
        const double exactVolume = ParetoFront::dominatedVolume(points, {0, 0, 0});

        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        const int samples = 500'000;
        int inside = 0;
        for (int s = 0; s < samples; ++s) {
            const double x = uniform(rng), y = uniform(rng), z = uniform(rng);
            for (const ParetoFront::Point& p : points)
                if (x <= p[0] && y <= p[1] && z <= p[2]) {
                    ++inside;
                    break;
                }
        }
        const double share = double(inside) / samples;
        const double standardError = std::sqrt(share * (1 - share) / samples);
        qInfo("hypervolume exact %.5f, Monte Carlo %.5f ± %.5f", exactVolume, share, standardError);
        QVERIFY(exactVolume > 0.1);
        QVERIFY(std::abs(exactVolume - share) < 4 * standardError);
    }

    // Quality 0.8 of 0.6..1, cost 0.5 of 1..0, p95 500 of 1000..0: half of each, an eighth of the
    // box.
    void hypervolumeIsNormalisedToTheReferenceBox()
    {
        const ParetoFront::Reference reference{0.6, 1.0, 1000};
        const ParetoFront one({exactVariant("a", 0.8, 0.5, 500)});
        QVERIFY(near(one.hypervolume(reference), 0.125));
        // On the front, but dearer than the reference: it adds nothing.
        const ParetoFront two(
            {exactVariant("a", 0.8, 0.5, 500), exactVariant("b", 0.95, 1.5, 100)});
        QCOMPARE(two.front().size(), size_t(2));
        QVERIFY(near(two.hypervolume(reference), 0.125));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, one.hypervolume({1.0, 1.0, 1000}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, one.hypervolume({0.5, std::nan(""), 1000}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, one.hypervolume({0.5, 1.0, 0}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ParetoFront::dominatedVolume({{1, 1, HUGE_VAL}}, {0, 0, 0}));
    }

    void separatedIntervalsDominate()
    {
        const ParetoFront pf({variant("a", around(0.90, 0.01), around(1.0, 0.1), around(500, 10)),
                              variant("b", around(0.80, 0.01), around(2.0, 0.1), around(600, 10))});
        QCOMPARE(pf.front(), std::vector<size_t>{0});
        QCOMPARE(pf.dominatedBy(1), std::optional<size_t>(0));
        QVERIFY(!pf.dominatedBy(0));
    }

    // b is worse than a by every point estimate, but within noise on each:
    // it stays on the front. The same point estimates without intervals do not.
    void overlapKeepsAVariantOnTheFront()
    {
        const ParetoFront noisy(
            {variant("a", around(0.90, 0.02), around(1.00, 0.10), around(500, 20)),
             variant("b", around(0.89, 0.02), around(1.05, 0.10), around(510, 20))});
        QCOMPARE(noisy.front(), (std::vector<size_t>{0, 1}));
        QVERIFY(!noisy.dominatedBy(1));

        const ParetoFront sharp(
            {exactVariant("a", 0.90, 1.00, 500), exactVariant("b", 0.89, 1.05, 510)});
        QCOMPARE(sharp.front(), std::vector<size_t>{0});
    }

    // Significantly cheaper with quality and p95 tied (equal point estimates,
    // overlapping intervals) dominates; a quality edge within noise keeps b.
    void oneSignificantObjectiveWithTiesElsewhere()
    {
        const ParetoFront tied(
            {variant("a", around(0.90, 0.02), around(1.0, 0.1), around(500, 20)),
             variant("b", around(0.90, 0.03), around(2.0, 0.1), around(500, 30))});
        QCOMPARE(tied.front(), std::vector<size_t>{0});

        const ParetoFront edge(
            {variant("a", around(0.90, 0.02), around(1.0, 0.1), around(500, 20)),
             variant("b", around(0.91, 0.02), around(2.0, 0.1), around(500, 20))});
        QCOMPARE(edge.front(), (std::vector<size_t>{0, 1}));

        // b significantly better on quality, a on cost: a trade-off, both stay.
        const ParetoFront tradeOff(
            {variant("a", around(0.80, 0.01), around(1.0, 0.1), around(500, 20)),
             variant("b", around(0.90, 0.01), around(2.0, 0.1), around(500, 20))});
        QCOMPARE(tradeOff.front(), (std::vector<size_t>{0, 1}));
    }

    // a beats b significantly on quality, b beats c on cost, c beats a on
    // latency, each with the other two objectives overlapping. Significance
    // alone would make each dominated by another and leave no front.
    void circularEvidenceKeepsAFront()
    {
        const ParetoFront pf(
            {variant("a", {0.105, 0.10, 0.11}, {1.10, 0.98, 1.22}, {215, 210, 220}),
             variant("b", {0.085, 0.08, 0.09}, {0.95, 0.90, 1.00}, {205, 195, 215}),
             variant("c", {0.095, 0.085, 0.105}, {1.25, 1.20, 1.30}, {195, 190, 200})});
        QCOMPARE(pf.front(), (std::vector<size_t>{0, 1, 2}));
    }

    // c is dominated by b (listed first, itself dominated) and by a (on the
    // front): the evidence names a, the variant worth moving to.
    void dominatedByPrefersAFrontMember()
    {
        const ParetoFront pf({exactVariant("b", 0.85, 2.0, 600), exactVariant("c", 0.80, 3.0, 700),
                              exactVariant("a", 0.90, 1.0, 500)});
        QCOMPARE(pf.front(), std::vector<size_t>{2});
        QCOMPARE(pf.dominatedBy(0), std::optional<size_t>(2));
        QCOMPARE(pf.dominatedBy(1), std::optional<size_t>(2));
    }

    // Convex quality–cost front at equal p95 (so p95 drops out). Normalised
    // (cost, quality) goodness: (1, 0), (.889, .778), (.667, .889), (0, 1);
    // squared distances to (1, 1): 1, .062, .123, 1 — the knee is the $2 variant.
    // A dominated variant is never the knee.
    void kneeOfAConvexFront()
    {
        const ParetoFront pf({exactVariant("cheap", 0.90, 1, 300),
                              exactVariant("knee", 0.97, 2, 300), exactVariant("c", 0.98, 4, 300),
                              exactVariant("best", 0.99, 10, 300),
                              exactVariant("dominated", 0.96, 2.5, 300)});
        QCOMPARE(pf.front(), (std::vector<size_t>{0, 1, 2, 3}));
        QCOMPARE(pf.knee(), std::optional<size_t>(1));

        // Two extremes are equally far from the ideal: the lower index.
        const ParetoFront two({exactVariant("a", 0.9, 2, 300), exactVariant("b", 0.8, 1, 300)});
        QCOMPARE(two.knee(), std::optional<size_t>(0));
    }

    // Three variants each best on one objective and worst on the others, and
    // one at 0.7 of each range: squared distances 2, 2, 2 and 0.27.
    void kneeInThreeObjectives()
    {
        const ParetoFront pf(
            {exactVariant("quality", 1.0, 2.0, 200), exactVariant("cost", 0.5, 1.0, 200),
             exactVariant("balanced", 0.85, 1.3, 130), exactVariant("latency", 0.5, 2.0, 100)});
        QCOMPARE(pf.front().size(), size_t(4));
        QCOMPARE(pf.knee(), std::optional<size_t>(2));
    }

    void cheapestWithinQualityAndSlo()
    {
        const ParetoFront pf(choiceCandidates());
        // Without an SLO: v1, v2, v4 are within 2 %; v4 is the cheapest.
        QCOMPARE(pf.cheapestWithin({}).index, std::optional<size_t>(3));

        // v4's p95 breaks a 1,000 ms SLO: v2. All of v1's traffic moves, v3 and v4 have none.
        const ParetoFront::Choice c = pf.cheapestWithin({0.02, 1000.0});
        QCOMPARE(c.index, std::optional<size_t>(1));
        QVERIFY(near(c.monthlySavingsUsd.value, 100'000 * (0.010 - 0.004), 1e-6));
        QVERIFY2(c.reason.find("v2") != std::string::npos
                     && c.reason.find("2 % of the best quality (0.900, v1)") != std::string::npos
                     && c.reason.find("p95 ≤ 1000 ms") != std::string::npos
                     && c.reason.find("$600.00") != std::string::npos,
                 c.reason.c_str());

        // A 3 % bound (0.873) lets the cheaper v3 in.
        QCOMPARE(pf.cheapestWithin({0.03, 1000.0}).index, std::optional<size_t>(2));

        // Equal cost: the higher quality wins.
        const ParetoFront tie(
            {exactVariant("low", 0.89, 0.004, 500), exactVariant("high", 0.90, 0.004, 500)});
        QCOMPARE(tie.cheapestWithin({}).index, std::optional<size_t>(1));
    }

    void noVariantMeetsTheSlo()
    {
        const ParetoFront pf(choiceCandidates());
        // v3 meets 650 ms but misses the quality bound: the reason names both sides.
        const ParetoFront::Choice c = pf.cheapestWithin({0.02, 650.0});
        QVERIFY(!c.index);
        QVERIFY2(c.reason.find("p95 ≤ 650 ms") != std::string::npos
                     && c.reason.find("v2, has 700 ms") != std::string::npos
                     && c.reason.find("v3, has quality 0.880") != std::string::npos,
                 c.reason.c_str());
        QCOMPARE(c.monthlySavingsUsd.value, 0.0);

        const ParetoFront::Choice none = pf.cheapestWithin({0.02, 500.0});
        QVERIFY(!none.index);
        QVERIFY2(none.reason.find("no variant meets the SLO") != std::string::npos,
                 none.reason.c_str());
    }

    // 100,000 requests from $0.010 [0.009, 0.012] to $0.004 [0.0035, 0.0046]:
    // 600, and by MOVER 600 − 10⁵·√(0.001² + 0.0006²) = 483.38 to
    // 600 + 10⁵·√(0.002² + 0.0005²) = 806.16.
    void monthlySavingsArithmetic()
    {
        const ParetoFront pf(
            {variant("from", exact(0.9), {0.010, 0.009, 0.012}, exact(500), 100'000),
             variant("to", exact(0.9), {0.004, 0.0035, 0.0046}, exact(500), 20'000)});
        const Estimate s = pf.monthlySavingsUsd(0, 1);
        QVERIFY(near(s.value, 600.0, 1e-9));
        QVERIFY(near(s.low, 600.0 - 1e5 * std::sqrt(1e-6 + 0.36e-6), 1e-9));
        QVERIFY(near(s.high, 600.0 + 1e5 * std::sqrt(4e-6 + 0.25e-6), 1e-9));
        QVERIFY(near(s.low, 483.38, 0.01) && near(s.high, 806.16, 0.01));

        // Back the other way, 20,000 requests get dearer: −120, low end from
        // 0.004 − 0.0035 and 0.012 − 0.010, high end from 0.0046 − 0.004 and 0.010 − 0.009.
        const Estimate back = pf.monthlySavingsUsd(1, 0);
        QVERIFY(near(back.value, -120.0, 1e-9));
        QVERIFY(near(back.low, -120.0 - 2e4 * std::sqrt(0.25e-6 + 4e-6), 1e-9));
        QVERIFY(near(back.high, -120.0 + 2e4 * std::sqrt(0.36e-6 + 1e-6), 1e-9));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, pf.monthlySavingsUsd(0, 2));
    }

    void invalidInputsAreRejectedWithTheReason()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        const std::vector<std::pair<ParetoCandidate, std::string>> cases{
            {variant("v", {nan, 0.8, 0.9}, exact(1), exact(100)),
             "quality must be finite, got nan"},
            {variant("v", exact(0.9), {1, 0.5, inf}, exact(100)),
             "cost per request must be finite"},
            {variant("v", exact(0.9), exact(1), {100, 120, 130}), "does not contain its value"},
            {variant("v", exact(1.5), exact(1), exact(100)), "quality 1.5 is outside 0 to 1"},
            {variant("v", exact(0.9), exact(-1), exact(100)), "cost per request -1 is negative"},
            {variant("v", exact(0.9), exact(1), exact(-5)), "p95 latency -5 is negative"},
            {variant("v", exact(0.9), exact(1), exact(100), -1), "requests per month"},
            {variant("v", exact(0.9), exact(1), exact(100), nan), "requests per month"},
        };
        for (const auto& [candidate, expected] : cases) {
            try {
                ParetoFront pf({exactVariant("ok", 0.9, 1, 100), candidate});
                QFAIL(("accepted, expected: " + expected).c_str());
            } catch (const std::invalid_argument& e) {
                const std::string message = e.what();
                QVERIFY2(message.starts_with("variant \"v\": ")
                             && message.find(expected) != std::string::npos,
                         e.what());
            }
        }

        const ParetoFront pf(choiceCandidates());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pf.cheapestWithin({nan, std::nullopt}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pf.cheapestWithin({-0.1, std::nullopt}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pf.cheapestWithin({0.02, inf}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pf.cheapestWithin({0.02, 0.0}));
    }
};

QTEST_GUILESS_MAIN(TestParetoFront)
#include "tst_pareto_front.moc"
