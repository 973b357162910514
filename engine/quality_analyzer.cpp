#include "quality_analyzer.h"

#include "hypothesis_tests.h"
#include "stream_processor.h"

#include <cmath>
#include <cstdio>

namespace llmopt {

namespace {

std::string formatted(const char* format, double value)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, format, value);
    return buf;
}

nlohmann::json interval(const Interval& i)
{
    return nlohmann::json::array({i.low, i.high});
}

} // namespace

QualityAnalyzer::QualityAnalyzer(std::string grouping, Options options)
    : m_grouping(std::move(grouping))
    , m_options(options)
{
}

QualityAnalyzer::QualityAnalyzer(std::string grouping)
    : QualityAnalyzer(std::move(grouping), Options{})
{
}

void QualityAnalyzer::report(KeyState& state, const WindowResult& window, const char* metric,
                             bool significant, double change, Finding&& f,
                             std::vector<Finding>& out) const
{
    bool& raised = state.raised[metric];
    if (!significant || std::abs(change) < m_options.minChange) {
        raised = false;
        return;
    }
    if (raised)
        return;
    raised = true;
    f.analyzer = "quality";
    f.grouping = m_grouping;
    f.key = window.key;
    f.metric = metric;
    f.threshold = m_options.alpha;
    f.severity = change > 0 ? Finding::Severity::Info
        : change <= -0.1    ? Finding::Severity::Critical
                            : Finding::Severity::Warning;
    f.windowStartUnixNano = state.recentStart;
    f.windowEndUnixNano = window.endUnixNano;
    f.detectedAtUnixNano = window.endUnixNano;
    out.push_back(std::move(f));
}

std::vector<Finding> QualityAnalyzer::add(const WindowResult& window)
{
    std::vector<Finding> out;
    auto it = m_keys.find(window.key);
    if (it == m_keys.end())
        it = m_keys.emplace(window.key, KeyState()).first;
    KeyState& state = it->second;
    if (state.referenceWindows < m_options.referenceWindows) {
        state.reference.merge(window.stats);
        ++state.referenceWindows;
        return out;
    }
    state.recent.push_back(window.stats);
    if (state.recent.size() == 1)
        state.recentStart = window.startUnixNano;
    if (state.recent.size() > size_t(m_options.currentWindows)) {
        state.recent.pop_front();
        state.recentStart += window.endUnixNano - window.startUnixNano;
    }
    WindowStats current;
    for (const WindowStats& s : state.recent)
        current.merge(s);
    const WindowStats& ref = state.reference;
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
    report(state, window, "quality_mean", t.pValue < m_options.alpha, meanChange, std::move(mean),
           out);

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
    report(state, window, "success_rate", z.pValue < m_options.alpha, rate - refRate,
           std::move(success), out);
    return out;
}

} // namespace llmopt
