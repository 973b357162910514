#include "drift_analyzer.h"

#include "stream_processor.h"
#include "two_sample_tests.h"

#include <algorithm>
#include <cstdio>

namespace llmopt {

namespace {

// Bin edges at the sketch's deciles, each above the previous one and above its minimum.
std::vector<double> decileEdges(const QuantileSketch& sketch)
{
    std::vector<double> edges;
    const double lowest = sketch.quantile(0.0);
    for (int k = 1; k < 10; ++k) {
        const double edge = sketch.quantile(k / 10.0);
        if (edge > (edges.empty() ? lowest : edges.back()))
            edges.push_back(edge);
    }
    return edges;
}

} // namespace

DriftAnalyzer::DriftAnalyzer(std::string grouping, Options options)
    : m_grouping(std::move(grouping))
    , m_options(options)
    , m_tracker(options.referenceWindows, options.currentWindows)
{
}

DriftAnalyzer::DriftAnalyzer(std::string grouping)
    : DriftAnalyzer(std::move(grouping), Options{})
{
}

DriftAnalyzer::KeyState& DriftAnalyzer::stateOf(std::string_view key)
{
    auto it = m_keys.find(key);
    if (it == m_keys.end())
        it = m_keys.emplace(std::string(key), KeyState(m_options)).first;
    return it->second;
}

bool DriftAnalyzer::raise(const std::string& key, const char* metric, bool drifted, double psi)
{
    return m_tracker.raise(key, metric, !drifted ? 0 : psi >= m_options.psiMajor ? 2 : 1);
}

Finding DriftAnalyzer::finding(const WindowResult& window, const ReferenceTracker::Comparison& c,
                               const char* metric) const
{
    Finding f = Finding::about("drift", m_grouping, window.key, metric, c.currentStartUnixNano,
                               window.endUnixNano);
    f.evidence["reference_window"] = {{"start_unix_nano", c.referenceStartUnixNano},
                                      {"end_unix_nano", c.referenceEndUnixNano}};
    return f;
}

std::vector<Finding> DriftAnalyzer::add(const WindowResult& window)
{
    std::vector<Finding> out;
    const auto c = m_tracker.add(window);
    if (!c || c->current.requests < m_options.minCalls
        || c->reference->requests < m_options.minCalls)
        return out;
    testNumeric(window, *c, "input_tokens", &WindowStats::inputTokenSketch, out);
    testNumeric(window, *c, "output_tokens", &WindowStats::outputTokenSketch, out);
    testCategories(window, *c, "task_mix", &WindowStats::taskTypes, out);
    testCategories(window, *c, "finish_reasons", &WindowStats::finishReasons, out);
    return out;
}

void DriftAnalyzer::testNumeric(const WindowResult& window, const ReferenceTracker::Comparison& c,
                                const char* metric, const QuantileSketch WindowStats::*sketch,
                                std::vector<Finding>& out)
{
    const QuantileSketch& reference = c.reference->*sketch;
    const QuantileSketch& now = c.current.*sketch;
    if (reference.count() < m_options.minCalls || now.count() < m_options.minCalls)
        return;
    const auto referenceHistogram = reference.histogram();
    const auto currentHistogram = now.histogram();
    const TestResult ks = kolmogorovSmirnov(referenceHistogram, currentHistogram);
    const std::vector<double> edges = decileEdges(reference);
    const std::vector<double> expected = binShares(referenceHistogram, edges);
    const std::vector<double> actual = binShares(currentHistogram, edges);
    const double psi = populationStabilityIndex(expected, actual);
    const bool drifted = ks.pValue < m_options.alpha && psi >= m_options.psiModerate;
    if (!raise(window.key, metric, drifted, psi))
        return;
    Finding f = finding(window, c, metric);
    f.method = ks.method + "; PSI over the reference deciles";
    f.statistic = ks.statistic;
    f.pValue = ks.pValue;
    f.threshold = m_options.alpha;
    f.severity
        = psi >= m_options.psiMajor ? Finding::Severity::Critical : Finding::Severity::Warning;
    f.summary = std::string(metric) + " of " + window.key + " shifted: median "
        + formatted("%.0f", reference.quantile(0.5)) + " → " + formatted("%.0f", now.quantile(0.5))
        + ", PSI " + formatted("%.2f", psi) + ", KS D " + formatted("%.3f", ks.statistic);
    f.evidence["psi"] = psi;
    f.evidence["edges"] = edges;
    f.evidence["reference_shares"] = expected;
    f.evidence["current_shares"] = actual;
    f.evidence["reference_n"] = reference.count();
    f.evidence["current_n"] = now.count();
    out.push_back(std::move(f));
}

void DriftAnalyzer::testCategories(const WindowResult& window,
                                   const ReferenceTracker::Comparison& c, const char* metric,
                                   const CategoryCounts WindowStats::*counts,
                                   std::vector<Finding>& out)
{
    const CategoryCounts& reference = c.reference->*counts;
    const CategoryCounts& now = c.current.*counts;
    if (reference.total() < m_options.minCalls || now.total() < m_options.minCalls)
        return;
    std::vector<std::string> names;
    std::vector<uint64_t> referenceCounts, currentCounts;
    for (const auto& [name, count] : reference.counts())
        names.push_back(name);
    for (const auto& [name, count] : now.counts())
        if (std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
    std::vector<double> expected, actual;
    for (const std::string& name : names) {
        referenceCounts.push_back(reference.count(name));
        currentCounts.push_back(now.count(name));
        expected.push_back(double(referenceCounts.back()) / double(reference.total()));
        actual.push_back(double(currentCounts.back()) / double(now.total()));
    }
    const TestResult chi = chiSquareHomogeneity(referenceCounts, currentCounts);
    const double psi = populationStabilityIndex(expected, actual);
    const bool drifted = chi.pValue < m_options.alpha && psi >= m_options.psiModerate;
    if (!raise(window.key, metric, drifted, psi))
        return;
    Finding f = finding(window, c, metric);
    f.method = chi.method + "; PSI over the categories";
    f.statistic = chi.statistic;
    f.pValue = chi.pValue;
    f.threshold = m_options.alpha;
    f.severity
        = psi >= m_options.psiMajor ? Finding::Severity::Critical : Finding::Severity::Warning;
    size_t most = 0; // the category whose share moved most
    for (size_t i = 0; i < names.size(); ++i)
        if (std::abs(actual[i] - expected[i]) > std::abs(actual[most] - expected[most]))
            most = i;
    f.summary = std::string(metric) + " of " + window.key + " shifted: " + names[most] + " "
        + formatted("%.0f", 100 * expected[most]) + " % → " + formatted("%.0f", 100 * actual[most])
        + " %, PSI " + formatted("%.2f", psi) + ", χ² " + formatted("%.1f", chi.statistic);
    f.evidence["psi"] = psi;
    f.evidence["degrees_of_freedom"] = chi.degreesOfFreedom;
    f.evidence["categories"] = names;
    f.evidence["reference_counts"] = referenceCounts;
    f.evidence["current_counts"] = currentCounts;
    out.push_back(std::move(f));
}

std::vector<Finding> DriftAnalyzer::observeQuality(std::string_view key, double score,
                                                   int64_t timeUnixNano)
{
    std::vector<Finding> out;
    KeyState& state = stateOf(key);
    const double meanBefore = state.adwin.mean();
    const uint64_t widthBefore = state.adwin.width();
    auto finding = [&](const char* method, double statistic, Finding::Severity severity,
                       const std::string& summary) {
        Finding f = Finding::about("drift", m_grouping, key, "quality", timeUnixNano, timeUnixNano);
        f.method = method;
        f.statistic = statistic;
        f.severity = severity;
        f.summary = summary;
        out.push_back(std::move(f));
    };
    state.sinceAdwin += state.sinceAdwin < UINT64_MAX ? 1 : 0;
    state.sincePageHinkley += state.sincePageHinkley < UINT64_MAX ? 1 : 0;
    const bool adwinChanged = state.adwin.update(score);
    if (adwinChanged && state.sinceAdwin < m_options.quietCalls)
        state.sinceAdwin = 0; // the same change, still being shed
    else if (adwinChanged) {
        state.sinceAdwin = 0;
        // The part ADWIN dropped against the part it kept.
        const uint64_t kept = state.adwin.width();
        const uint64_t dropped = widthBefore + 1 - kept;
        const double droppedMean
            = (meanBefore * double(widthBefore) + score - state.adwin.mean() * double(kept))
            / double(dropped);
        const bool worse = state.adwin.mean() < droppedMean;
        finding("ADWIN (δ 0.002) on the quality stream", state.adwin.mean() - droppedMean,
                worse ? Finding::Severity::Warning : Finding::Severity::Info,
                "quality of " + std::string(key) + (worse ? " fell" : " rose") + ": mean "
                    + formatted("%.3f", droppedMean) + " over the older " + std::to_string(dropped)
                    + " calls, " + formatted("%.3f", state.adwin.mean()) + " over the latest "
                    + std::to_string(kept));
        out.back().threshold = m_options.adwin.delta;
        out.back().evidence = {{"older_mean", droppedMean},
                               {"older_calls", dropped},
                               {"recent_mean", state.adwin.mean()},
                               {"recent_calls", kept}};
    }
    const PageHinkley::Alarm alarm = state.pageHinkley.update(score);
    const bool report
        = alarm != PageHinkley::Alarm::None && state.sincePageHinkley >= m_options.quietCalls;
    if (alarm != PageHinkley::Alarm::None)
        state.sincePageHinkley = 0;
    if (report) {
        const bool worse = alarm == PageHinkley::Alarm::Decrease;
        finding("Page-Hinkley (two-sided) on the quality stream", m_options.pageHinkley.threshold,
                worse ? Finding::Severity::Warning : Finding::Severity::Info,
                "quality of " + std::string(key) + (worse ? " dropped" : " rose")
                    + " (Page-Hinkley)");
        out.back().threshold = m_options.pageHinkley.threshold;
    }
    return out;
}

} // namespace llmopt
