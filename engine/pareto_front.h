#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace llmopt {

// A window statistic: its point estimate and 95 % interval, low ≤ value ≤ high.
struct Estimate {
    double value = 0.0;
    double low = 0.0;
    double high = 0.0;
};

// One variant of a service as the window statistics see it.
struct ParetoCandidate {
    std::string variantId;
    Estimate quality; // mean evaluation score, 0..1, higher is better
    Estimate costUsd; // per request, lower is better
    Estimate latencyP95Ms; // lower is better
    double requestsPerMonth = 0.0; // the variant's current traffic
};

// The cost–quality–latency trade-off between the variants of one service.
//
// Dominance beyond noise: A dominates B when A is at least as good by point
// estimate on every objective and significantly better on at least one — its
// whole 95 % interval on the better side of B's (touching intervals overlap).
// Overlapping intervals are a tie, so a variant worse by point estimate but
// within noise everywhere stays on the front; and B, being better by point
// estimate wherever it is significantly better, is never dominated by a
// variant it beats beyond noise. Asking for point estimates at least as good,
// not merely no significant loss, keeps the relation acyclic: otherwise A can
// beat B on quality, B beat C on cost and C beat A on latency, each with the
// other two objectives within noise, and no variant would be left on the
// front. With zero-width intervals this is ordinary Pareto dominance.
//
// Inputs are checked when the front is built: a non-finite number, an
// interval not around its value, quality outside 0..1, or a negative cost,
// latency or traffic throws std::invalid_argument naming the variant and field.
class ParetoFront {
public:
    explicit ParetoFront(std::vector<ParetoCandidate> candidates);

    const std::vector<ParetoCandidate>& candidates() const { return m_candidates; }
    // Indices of the candidates no other dominates beyond noise, ascending.
    const std::vector<size_t>& front() const { return m_front; }
    // A candidate that dominates candidate i — one on the front when there is
    // one (dominance beyond noise is not transitive) — or none if i is on the
    // front. An index out of range throws std::out_of_range, here and below.
    std::optional<size_t> dominatedBy(size_t i) const;

    // The worst quality, cost and p95 a variant may have and still count.
    struct Reference {
        double quality = 0.0; // 0 ≤ quality < 1
        double costUsd = 0.0; // > 0
        double latencyP95Ms = 0.0; // > 0
    };
    // Hypervolume of the front's point estimates, as the fraction of the box
    // between `reference` and the perfect variant (quality 1, no cost, no
    // latency) that they dominate: each objective is rescaled to 0 at the
    // reference and 1 at perfect, so the figure is unitless, within 0..1 and
    // comparable over time for the same reference. Variants no better than the
    // reference on some objective add nothing.
    double hypervolume(const Reference& reference) const;

    using Point = std::array<double, 3>;
    // Exact volume of the union of the boxes [reference, p] over `points`, all
    // three objectives maximised: sliced along the third objective, each
    // slice's area swept along the first. O(n²). Points not beyond the
    // reference on every objective add nothing; a non-finite coordinate throws
    // std::invalid_argument.
    static double dominatedVolume(std::vector<Point> points, const Point& reference);

    // The front's compromise point: after min-max normalisation of each
    // objective over the front, the member nearest (Euclidean) to the ideal
    // point that is best on all three — the L2 compromise solution of Zeleny's
    // compromise programming (1973). An objective equal across the front is
    // left out; ties go to the lower index.
    std::optional<size_t> knee() const;

    struct Constraints {
        double maxQualityLoss = 0.02; // relative to the best quality, 0..1
        std::optional<double> latencySloMs; // p95 must be at most this
    };
    struct Choice {
        std::optional<size_t> index;
        std::string reason; // why this variant, or why none qualifies
        Estimate monthlySavingsUsd; // moving all current traffic to the choice
    };
    // The cheapest candidate by point estimate whose quality is within
    // `maxQualityLoss` of the best candidate's and whose p95 meets the SLO;
    // ties go to the higher quality. Invalid constraints throw std::invalid_argument.
    Choice cheapestWithin(const Constraints& constraints) const;

    // Expected monthly savings of moving `from`'s traffic to `to` at the
    // current cost per request. The interval combines the two cost intervals
    // by MOVER (Zou & Donner 2008): each side's half-width is the root sum of
    // squares of the matching half-widths, which assumes the two estimates are
    // independent (they come from separate traffic) and keeps asymmetric
    // intervals asymmetric.
    Estimate monthlySavingsUsd(size_t from, size_t to) const;

private:
    Estimate savingsMovingAllTo(size_t to) const;

    std::vector<ParetoCandidate> m_candidates;
    std::vector<std::optional<size_t>> m_dominatedBy;
    std::vector<size_t> m_front;
};

} // namespace llmopt
