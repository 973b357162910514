#include "canary_judge.h"

#include "finding.h"

#include <algorithm>
#include <cmath>

namespace llmopt {

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    const size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + long(mid), v.end());
    return v[mid];
}

} // namespace

CanaryJudge::CanaryJudge()
    : CanaryJudge(Options{})
{
}

CanaryJudge::CanaryJudge(Options options)
    : m_options(options)
{
}

const char* CanaryJudge::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return "pass";
    case Verdict::Marginal:
        return "marginal";
    case Verdict::Fail:
        return "fail";
    case Verdict::Inconclusive:
        break;
    }
    return "inconclusive";
}

CanaryJudge::Result CanaryJudge::judge(const std::vector<CanaryMetric>& metrics,
                                       uint64_t canaryCalls, uint64_t stableCalls,
                                       double canaryWeightPercent) const
{
    Result r;
    const std::vector<uint64_t> observed{canaryCalls, stableCalls};
    const std::vector<double> planned{canaryWeightPercent, 100.0 - canaryWeightPercent};
    r.sampleRatio = sampleRatioMismatch(observed, planned);
    if (canaryCalls + stableCalls > 0 && r.sampleRatio.pValue < 0.001) {
        r.verdict = Verdict::Fail;
        r.summary = "sample-ratio mismatch: " + std::to_string(canaryCalls) + " canary and "
            + std::to_string(stableCalls) + " stable calls for a planned "
            + formatted("%g", canaryWeightPercent) + " % (chi-square p "
            + formatted("%.2g", r.sampleRatio.pValue)
            + "); the split is not what was published — check the policy sinks";
        return r;
    }
    double total = 0, passed = 0;
    bool anyData = false;
    for (const CanaryMetric& m : metrics) {
        MetricResult out;
        out.name = m.name;
        double reference = 0;
        if (m.isRate) {
            out.enoughData
                = m.canaryTrials >= m_options.minSamples && m.stableTrials >= m_options.minSamples;
            out.comparison = compareProportions(m.stableEvents, m.stableTrials, m.canaryEvents,
                                                m.canaryTrials, m_options.alpha);
            reference = m.stableTrials ? double(m.stableEvents) / double(m.stableTrials) : 0.0;
        } else {
            out.enoughData = m.canary.size() >= m_options.minSamples
                && m.stable.size() >= m_options.minSamples;
            out.comparison = mannWhitney(m.stable, m.canary, m_options.alpha);
            reference = median(m.stable);
        }
        // A rate of 0 (no errors on stable) tolerates the change a single
        // error in a hundred calls makes, not none at all.
        out.tolerated = m.allowedChange * std::max(std::abs(reference), m.isRate ? 0.01 : 0.0);
        const Interval& ci = out.comparison.interval;
        const bool worse = m.bad == CanaryMetric::Bad::Increase ? ci.low > out.tolerated
                                                                : ci.high < -out.tolerated;
        out.passed = !out.enoughData || !worse;
        out.explanation = m.name + ": canary − stable "
            + formatted("%.4g", out.comparison.difference) + " (" + formatted("%.4g", ci.low)
            + " to " + formatted("%.4g", ci.high) + "), "
            + (m.bad == CanaryMetric::Bad::Increase ? "a rise" : "a fall") + " of up to "
            + formatted("%.4g", out.tolerated) + " tolerated"
            + (!out.enoughData ? " — too few samples to judge"
                   : worse     ? " — FAIL"
                               : " — pass");
        if (out.enoughData) {
            anyData = true;
            total += m.weight;
            passed += out.passed ? m.weight : 0.0;
        }
        r.metrics.push_back(std::move(out));
    }
    if (!anyData || total <= 0) {
        r.verdict = Verdict::Inconclusive;
        r.summary = "no metric has " + std::to_string(m_options.minSamples)
            + " samples on both sides yet";
        return r;
    }
    r.score = 100.0 * passed / total;
    r.verdict = r.score >= m_options.passScore ? Verdict::Pass
        : r.score >= m_options.marginalScore   ? Verdict::Marginal
                                               : Verdict::Fail;
    r.summary = std::string(verdictName(r.verdict)) + ": score " + formatted("%.0f", r.score);
    for (const MetricResult& m : r.metrics)
        if (!m.passed)
            r.summary += "; " + m.explanation;
    return r;
}

} // namespace llmopt
