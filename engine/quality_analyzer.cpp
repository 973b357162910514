#include "quality_analyzer.h"

#include "hypothesis_tests.h"
#include "stream_processor.h"

#include <cmath>

namespace llmopt {

namespace {

nlohmann::json interval(const Interval& i)
{
    return nlohmann::json::array({i.low, i.high});
}

} // namespace

QualityAnalyzer::QualityAnalyzer(std::string grouping, Options options)
    : m_grouping(std::move(grouping))
    , m_options(options)
    , m_tracker(options.referenceWindows, options.currentWindows)
{
}

QualityAnalyzer::QualityAnalyzer(std::string grouping)
    : QualityAnalyzer(std::move(grouping), Options{})
{
}

void QualityAnalyzer::report(const WindowResult& window,
                             const ReferenceTracker::Comparison& comparison, const char* metric,
                             bool significant, double change, Finding&& f,
                             std::vector<Finding>& out)
{
    if (!m_tracker.raise(window.key, metric,
                         significant && std::abs(change) >= m_options.minChange ? 1 : 0))
        return;
    f.analyzer = "quality";
    f.grouping = m_grouping;
    f.key = window.key;
    f.metric = metric;
    f.threshold = m_options.alpha;
    f.severity = change > 0 ? Finding::Severity::Info
        : change <= -0.1    ? Finding::Severity::Critical
                            : Finding::Severity::Warning;
    f.windowStartUnixNano = comparison.currentStartUnixNano;
    f.windowEndUnixNano = window.endUnixNano;
    f.detectedAtUnixNano = window.endUnixNano;
    out.push_back(std::move(f));
}

std::vector<Finding> QualityAnalyzer::add(const WindowResult& window)
{
    std::vector<Finding> out;
    const auto comparison = m_tracker.add(window);
    if (!comparison)
        return out;
    const WindowStats& current = comparison->current;
    const WindowStats& ref = *comparison->reference;
    if (current.quality.count() < m_options.minScored || ref.quality.count() < m_options.minScored)
        return out;

    // Mean score: Welch's t-test.
    const TwoSampleTest t = welchTTest(current.quality.mean(), current.quality.standardDeviation(),
                                       current.quality.count(), ref.quality.mean(),
                                       ref.quality.standardDeviation(), ref.quality.count());
    const double meanChange = current.quality.mean() - ref.quality.mean();
    Finding mean;
    mean.method = "Welch t-test (Welch-Satterthwaite df), t intervals";
    mean.statistic = t.statistic;
    mean.pValue = t.pValue;
    mean.summary = "mean quality of " + window.key + (meanChange < 0 ? " fell" : " rose") + " from "
        + formatted("%.3f", ref.quality.mean()) + " to " + formatted("%.3f", current.quality.mean())
        + " (p " + formatted("%.1e", t.pValue) + ")";
    mean.evidence
        = {{"reference",
            {{"mean", ref.quality.mean()},
             {"ci95",
              interval(meanInterval(ref.quality.mean(), ref.quality.standardDeviation(),
                                    ref.quality.count()))},
             {"n", ref.quality.count()}}},
           {"current",
            {{"mean", current.quality.mean()},
             {"ci95",
              interval(meanInterval(current.quality.mean(), current.quality.standardDeviation(),
                                    current.quality.count()))},
             {"n", current.quality.count()}}},
           {"degrees_of_freedom", t.degreesOfFreedom}};
    report(window, *comparison, "quality_mean", t.pValue < m_options.alpha, meanChange,
           std::move(mean), out);

    // Success rate: two-proportion z-test.
    const double refRate = double(ref.qualityGood) / double(ref.quality.count());
    const double rate = double(current.qualityGood) / double(current.quality.count());
    const TwoSampleTest z = twoProportionZTest(current.qualityGood, current.quality.count(),
                                               ref.qualityGood, ref.quality.count());
    Finding success;
    success.method = "two-proportion z-test, Wilson intervals";
    success.statistic = z.statistic;
    success.pValue = z.pValue;
    success.summary = "success rate of " + window.key + (rate < refRate ? " fell" : " rose")
        + " from " + formatted("%.1f", 100 * refRate) + " % to " + formatted("%.1f", 100 * rate)
        + " % (p " + formatted("%.1e", z.pValue) + ")";
    success.evidence
        = {{"reference",
            {{"rate", refRate},
             {"ci95", interval(wilsonInterval(ref.qualityGood, ref.quality.count()))},
             {"n", ref.quality.count()}}},
           {"current",
            {{"rate", rate},
             {"ci95", interval(wilsonInterval(current.qualityGood, current.quality.count()))},
             {"n", current.quality.count()}}}};
    report(window, *comparison, "success_rate", z.pValue < m_options.alpha, rate - refRate,
           std::move(success), out);
    return out;
}

} // namespace llmopt
