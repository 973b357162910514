#include "performance_analyzer.h"

#include "hypothesis_tests.h"
#include "stream_processor.h"

#include <boost/math/distributions/normal.hpp>
#include <cmath>

namespace llmopt {

PerformanceAnalyzer::PerformanceAnalyzer(std::string grouping, Options options)
    : m_grouping(std::move(grouping))
    , m_options(options)
    , m_tracker(options.referenceWindows, options.currentWindows)
{
}

PerformanceAnalyzer::PerformanceAnalyzer(std::string grouping)
    : PerformanceAnalyzer(std::move(grouping), Options{})
{
}

Finding PerformanceAnalyzer::finding(const WindowResult& window,
                                     const ReferenceTracker::Comparison& c,
                                     const char* metric) const
{
    return Finding::about("performance", m_grouping, window.key, metric, c.currentStartUnixNano,
                          window.endUnixNano);
}

void PerformanceAnalyzer::testQuantile(const WindowResult& window,
                                       const ReferenceTracker::Comparison& comparison,
                                       const char* metric, const char* label,
                                       const QuantileSketch WindowStats::*sketch,
                                       std::vector<Finding>& out)
{
    const QuantileSketch& ref = comparison.reference->*sketch;
    const QuantileSketch& now = comparison.current.*sketch;
    if (ref.count() < m_options.minCalls || now.count() < m_options.minCalls)
        return;
    // Two intervals at 1 − α/2 each, so that "apart" errs with probability ≤ α.
    const double z = boost::math::quantile(boost::math::normal(), 1 - m_options.alpha / 4);
    const Interval r = quantileInterval(ref, m_options.quantile, z);
    const Interval c = quantileInterval(now, m_options.quantile, z);
    const double refValue = ref.quantile(m_options.quantile);
    const double value = now.quantile(m_options.quantile);
    const double shift = refValue > 0 ? value / refValue - 1 : 0;
    const bool worse = c.low > r.high && shift >= m_options.minRelativeShift;
    const bool better = c.high < r.low && -shift >= m_options.minRelativeShift;
    if (!m_tracker.raise(window.key, metric, worse || better ? 1 : 0))
        return;
    Finding f = finding(window, comparison, metric);
    f.method = "quantile shift: order-statistic confidence intervals (1 - α/2 each) apart";
    f.statistic = shift;
    f.threshold = m_options.minRelativeShift;
    f.severity = better ? Finding::Severity::Info
        : shift >= 0.5  ? Finding::Severity::Critical
                        : Finding::Severity::Warning;
    f.summary = std::string(label) + " of " + window.key + (worse ? " rose " : " fell ")
        + formatted("%.0f", 100 * std::abs(shift)) + " %: " + formatted("%.0f", refValue) + " → "
        + formatted("%.0f", value) + " ms (intervals " + formatted("%.0f", r.low) + "–"
        + formatted("%.0f", r.high) + " and " + formatted("%.0f", c.low) + "–"
        + formatted("%.0f", c.high) + ")";
    f.evidence
        = {{"quantile", m_options.quantile},
           {"reference", {{"value", refValue}, {"interval", {r.low, r.high}}, {"n", ref.count()}}},
           {"current", {{"value", value}, {"interval", {c.low, c.high}}, {"n", now.count()}}}};
    out.push_back(std::move(f));
}

std::vector<Finding> PerformanceAnalyzer::add(const WindowResult& window)
{
    std::vector<Finding> out;
    const auto comparison = m_tracker.add(window);
    if (!comparison)
        return out;
    testQuantile(window, *comparison, "latency_p95_ms", "p95 latency", &WindowStats::latencySketch,
                 out);
    testQuantile(window, *comparison, "ttft_p95_ms", "p95 time to first token",
                 &WindowStats::ttftSketch, out);

    const WindowStats& ref = *comparison->reference;
    const WindowStats& current = comparison->current;
    if (ref.requests >= m_options.minCalls && current.requests >= m_options.minCalls) {
        const TwoSampleTest z
            = twoProportionZTest(current.errors, current.requests, ref.errors, ref.requests);
        const double change = current.errorRate() - ref.errorRate();
        const bool significant
            = z.pValue < m_options.alpha && std::abs(change) >= m_options.minErrorRateChange;
        if (m_tracker.raise(window.key, "error_rate", significant ? 1 : 0)) {
            Finding f = finding(window, *comparison, "error_rate");
            f.method = "two-proportion z-test, Wilson intervals";
            f.statistic = z.statistic;
            f.pValue = z.pValue;
            f.threshold = m_options.alpha;
            f.severity = change < 0 ? Finding::Severity::Info
                : change >= 0.05    ? Finding::Severity::Critical
                                    : Finding::Severity::Warning;
            const double seconds
                = double(window.endUnixNano - comparison->currentStartUnixNano) / 1e9;
            f.summary = "error rate of " + window.key + (change > 0 ? " rose" : " fell") + " from "
                + formatted("%.2f", 100 * ref.errorRate()) + " % to "
                + formatted("%.2f", 100 * current.errorRate()) + " %";
            const Interval ri = wilsonInterval(ref.errors, ref.requests);
            const Interval ci = wilsonInterval(current.errors, current.requests);
            f.evidence
                = {{"reference",
                    {{"rate", ref.errorRate()}, {"ci95", {ri.low, ri.high}}, {"n", ref.requests}}},
                   {"current",
                    {{"rate", current.errorRate()},
                     {"ci95", {ci.low, ci.high}},
                     {"n", current.requests}}},
                   {"calls_per_second", seconds > 0 ? double(current.requests) / seconds : 0.0}};
            out.push_back(std::move(f));
        }
    }
    return out;
}

} // namespace llmopt
