#include "pareto_front.h"

#include "finding.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <stdexcept>
#include <utility>

namespace llmopt {

namespace {

// The objectives oriented so that higher is better: quality as is, cost and p95 negated.
std::array<Estimate, 3> oriented(const ParetoCandidate& c)
{
    const auto negated = [](const Estimate& e) { return Estimate{-e.value, -e.high, -e.low}; };
    return {c.quality, negated(c.costUsd), negated(c.latencyP95Ms)};
}

bool dominates(const ParetoCandidate& a, const ParetoCandidate& b)
{
    const std::array<Estimate, 3> x = oriented(a), y = oriented(b);
    bool significant = false;
    for (size_t k = 0; k < 3; ++k) {
        if (x[k].value < y[k].value)
            return false;
        significant = significant || x[k].low > y[k].high;
    }
    return significant;
}

void checkEstimate(const ParetoCandidate& c, const char* field, const Estimate& e)
{
    const std::string where = "variant \"" + c.variantId + "\": " + field;
    for (double x : {e.value, e.low, e.high})
        if (!std::isfinite(x))
            throw std::invalid_argument(where + " must be finite, got " + formatted("%g", x));
    if (!(e.low <= e.value && e.value <= e.high))
        throw std::invalid_argument(where + " interval [" + formatted("%g", e.low) + ", "
                                    + formatted("%g", e.high) + "] does not contain its value "
                                    + formatted("%g", e.value));
}

void checkCandidate(const ParetoCandidate& c)
{
    checkEstimate(c, "quality", c.quality);
    checkEstimate(c, "cost per request", c.costUsd);
    checkEstimate(c, "p95 latency", c.latencyP95Ms);
    const std::string where = "variant \"" + c.variantId + "\": ";
    if (c.quality.value < 0.0 || c.quality.value > 1.0)
        throw std::invalid_argument(where + "quality " + formatted("%g", c.quality.value)
                                    + " is outside 0 to 1");
    if (c.costUsd.value < 0.0)
        throw std::invalid_argument(where + "cost per request " + formatted("%g", c.costUsd.value)
                                    + " is negative");
    if (c.latencyP95Ms.value < 0.0)
        throw std::invalid_argument(where + "p95 latency " + formatted("%g", c.latencyP95Ms.value)
                                    + " is negative");
    if (!std::isfinite(c.requestsPerMonth) || c.requestsPerMonth < 0.0)
        throw std::invalid_argument(where
                                    + "requests per month must be finite and not negative, got "
                                    + formatted("%g", c.requestsPerMonth));
}

// Σ wᵢ·θᵢ over independent estimates, the interval by MOVER (Zou & Donner
// 2008): each bound lies the root sum of squares of the terms' own distances
// towards that bound away from the point estimate. A negative weight swaps
// which end of its term's interval pulls which way.
Estimate weightedSum(std::span<const std::pair<double, Estimate>> terms)
{
    double value = 0.0, down = 0.0, up = 0.0;
    for (const auto& [w, e] : terms) {
        value += w * e.value;
        const double toLow = std::abs(w) * (e.value - e.low);
        const double toHigh = std::abs(w) * (e.high - e.value);
        down += std::pow(w >= 0 ? toLow : toHigh, 2);
        up += std::pow(w >= 0 ? toHigh : toLow, 2);
    }
    return {value, value - std::sqrt(down), value + std::sqrt(up)};
}

// Area of the union of the rectangles [reference, p] over `slice`, sorted by
// its first coordinate descending: stepping down that coordinate, the union
// reaches as high as the tallest point passed so far.
double dominatedArea(std::span<const std::array<double, 2>> slice, double refX, double refY)
{
    double area = 0.0, top = refY;
    for (size_t j = 0; j < slice.size(); ++j) {
        top = std::max(top, slice[j][1]);
        const double next = j + 1 < slice.size() ? slice[j + 1][0] : refX;
        area += (slice[j][0] - next) * (top - refY);
    }
    return area;
}

std::string money(double usd)
{
    return formatted("$%.2f", usd);
}

} // namespace

ParetoFront::ParetoFront(std::vector<ParetoCandidate> candidates)
    : m_candidates(std::move(candidates))
    , m_dominatedBy(m_candidates.size())
{
    for (const ParetoCandidate& c : m_candidates)
        checkCandidate(c);
    const size_t n = m_candidates.size();
    std::vector<bool> dominated(n, false);
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < n && !dominated[i]; ++j)
            dominated[i] = j != i && dominates(m_candidates[j], m_candidates[i]);
        if (!dominated[i])
            m_front.push_back(i);
    }
    for (size_t i = 0; i < n; ++i) {
        if (!dominated[i])
            continue;
        for (size_t j = 0; j < n; ++j) {
            if (j == i || !dominates(m_candidates[j], m_candidates[i]))
                continue;
            if (!m_dominatedBy[i] || !dominated[j])
                m_dominatedBy[i] = j;
            if (!dominated[j])
                break;
        }
    }
}

std::optional<size_t> ParetoFront::dominatedBy(size_t i) const
{
    return m_dominatedBy.at(i);
}

double ParetoFront::hypervolume(const Reference& r) const
{
    if (!std::isfinite(r.quality) || r.quality < 0.0 || r.quality >= 1.0)
        throw std::invalid_argument(
            "hypervolume: reference quality must be at least 0 and below 1");
    if (!std::isfinite(r.costUsd) || r.costUsd <= 0.0)
        throw std::invalid_argument("hypervolume: reference cost must be positive and finite");
    if (!std::isfinite(r.latencyP95Ms) || r.latencyP95Ms <= 0.0)
        throw std::invalid_argument("hypervolume: reference p95 must be positive and finite");
    std::vector<Point> points;
    for (size_t i : m_front) {
        const ParetoCandidate& c = m_candidates[i];
        points.push_back({(c.quality.value - r.quality) / (1.0 - r.quality),
                          (r.costUsd - c.costUsd.value) / r.costUsd,
                          (r.latencyP95Ms - c.latencyP95Ms.value) / r.latencyP95Ms});
    }
    return dominatedVolume(std::move(points), {0.0, 0.0, 0.0});
}

double ParetoFront::dominatedVolume(std::vector<Point> points, const Point& reference)
{
    const auto finite = [](const Point& p) {
        return std::all_of(p.begin(), p.end(), [](double x) { return std::isfinite(x); });
    };
    if (!finite(reference) || !std::all_of(points.begin(), points.end(), finite))
        throw std::invalid_argument("hypervolume: every coordinate must be finite");
    std::erase_if(points, [&](const Point& p) {
        return p[0] <= reference[0] || p[1] <= reference[1] || p[2] <= reference[2];
    });
    std::sort(points.begin(), points.end(),
              [](const Point& a, const Point& b) { return a[2] > b[2]; });
    std::vector<std::array<double, 2>>
        slice; // the points at least this high, by first objective descending
    double volume = 0.0;
    for (size_t i = 0; i < points.size(); ++i) {
        const Point& p = points[i];
        const auto at
            = std::upper_bound(slice.begin(), slice.end(), p[0],
                               [](double x, const std::array<double, 2>& q) { return x > q[0]; });
        slice.insert(at, {p[0], p[1]});
        // Points of equal height share one slab, measured once the last of them is in.
        const double below = i + 1 < points.size() ? points[i + 1][2] : reference[2];
        if (below < p[2])
            volume += dominatedArea(slice, reference[0], reference[1]) * (p[2] - below);
    }
    return volume;
}

std::optional<size_t> ParetoFront::knee() const
{
    if (m_front.empty())
        return std::nullopt;
    std::array<double, 3> best{}, worst{};
    for (size_t k = 0; k < 3; ++k)
        best[k] = worst[k] = oriented(m_candidates[m_front.front()])[k].value;
    for (size_t i : m_front) {
        const std::array<Estimate, 3> x = oriented(m_candidates[i]);
        for (size_t k = 0; k < 3; ++k) {
            best[k] = std::max(best[k], x[k].value);
            worst[k] = std::min(worst[k], x[k].value);
        }
    }
    size_t knee = m_front.front();
    double nearest = std::numeric_limits<double>::infinity();
    for (size_t i : m_front) {
        const std::array<Estimate, 3> x = oriented(m_candidates[i]);
        double distance = 0.0;
        for (size_t k = 0; k < 3; ++k)
            if (best[k] > worst[k])
                distance += std::pow((best[k] - x[k].value) / (best[k] - worst[k]), 2);
        if (distance < nearest) {
            nearest = distance;
            knee = i;
        }
    }
    return knee;
}

ParetoFront::Choice ParetoFront::cheapestWithin(const Constraints& constraints) const
{
    const double loss = constraints.maxQualityLoss;
    if (!std::isfinite(loss) || loss < 0.0 || loss > 1.0)
        throw std::invalid_argument("maximum quality loss must be between 0 and 1, got "
                                    + formatted("%g", loss));
    const std::optional<double> slo = constraints.latencySloMs;
    if (slo && (!std::isfinite(*slo) || *slo <= 0.0))
        throw std::invalid_argument("latency SLO must be positive and finite, got "
                                    + formatted("%g", *slo));
    Choice choice;
    if (m_candidates.empty()) {
        choice.reason = "no variants to choose from";
        return choice;
    }
    const auto quality = [&](size_t i) { return m_candidates[i].quality.value; };
    const auto cost = [&](size_t i) { return m_candidates[i].costUsd.value; };
    const auto p95 = [&](size_t i) { return m_candidates[i].latencyP95Ms.value; };
    const auto meetsSlo = [&](size_t i) { return !slo || p95(i) <= *slo; };
    size_t best = 0;
    for (size_t i = 1; i < m_candidates.size(); ++i)
        if (quality(i) > quality(best))
            best = i;
    const double floor = quality(best) * (1.0 - loss);

    size_t withinQuality = 0, qualifying = 0;
    std::optional<size_t> pick, fastestWithin, bestMeetingSlo;
    for (size_t i = 0; i < m_candidates.size(); ++i) {
        if (meetsSlo(i) && (!bestMeetingSlo || quality(i) > quality(*bestMeetingSlo)))
            bestMeetingSlo = i;
        if (quality(i) < floor)
            continue;
        ++withinQuality;
        if (!fastestWithin || p95(i) < p95(*fastestWithin))
            fastestWithin = i;
        if (!meetsSlo(i))
            continue;
        ++qualifying;
        if (!pick || cost(i) < cost(*pick)
            || (cost(i) == cost(*pick) && quality(i) > quality(*pick)))
            pick = i;
    }

    const std::string within = formatted("%g", 100.0 * loss) + " % of the best quality ("
        + formatted("%.3f", quality(best)) + ", " + m_candidates[best].variantId + ")";
    const std::string sloText = slo ? "p95 ≤ " + formatted("%g", *slo) + " ms" : "";
    if (!pick) {
        // The best variant is always within the quality bound, so only the SLO empties the choice.
        choice.reason = "no variant within " + within + " has " + sloText + ": the fastest of the "
            + std::to_string(withinQuality) + ", " + m_candidates[*fastestWithin].variantId
            + ", has " + formatted("%.0f", p95(*fastestWithin)) + " ms";
        choice.reason += bestMeetingSlo
            ? "; the best variant that meets the SLO, " + m_candidates[*bestMeetingSlo].variantId
                + ", has quality " + formatted("%.3f", quality(*bestMeetingSlo))
            : "; no variant meets the SLO";
        return choice;
    }
    choice.index = pick;
    choice.monthlySavingsUsd = savingsMovingAllTo(*pick);
    const Estimate& s = choice.monthlySavingsUsd;
    choice.reason = m_candidates[*pick].variantId + " is the cheapest ("
        + formatted("$%.6g", cost(*pick)) + " per request) of the " + std::to_string(qualifying)
        + " variants within " + within + (slo ? " with " + sloText : "")
        + (s.value >= 0 ? "; moving all current traffic to it saves an expected " + money(s.value)
                        : "; moving all current traffic to it costs an expected " + money(-s.value)
                   + " more")
        + " a month (95 % interval of the saving " + money(s.low) + " to " + money(s.high) + ")";
    return choice;
}

Estimate ParetoFront::monthlySavingsUsd(size_t from, size_t to) const
{
    const ParetoCandidate& a = m_candidates.at(from);
    const ParetoCandidate& b = m_candidates.at(to);
    if (from == to)
        return {};
    const std::pair<double, Estimate> terms[]
        = {{a.requestsPerMonth, a.costUsd}, {-a.requestsPerMonth, b.costUsd}};
    return weightedSum(terms);
}

Estimate ParetoFront::savingsMovingAllTo(size_t to) const
{
    std::vector<std::pair<double, Estimate>> terms;
    double moved = 0.0;
    for (size_t i = 0; i < m_candidates.size(); ++i) {
        if (i == to)
            continue;
        terms.emplace_back(m_candidates[i].requestsPerMonth, m_candidates[i].costUsd);
        moved += m_candidates[i].requestsPerMonth;
    }
    terms.emplace_back(-moved, m_candidates[to].costUsd);
    return weightedSum(terms);
}

} // namespace llmopt
