#include "anomaly_analyzer.h"

#include "stream_processor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace llmopt {

namespace {

double median(std::vector<double> v)
{
    const size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + long(mid), v.end());
    const double upper = v[mid];
    if (v.size() % 2)
        return upper;
    return (upper + *std::max_element(v.begin(), v.begin() + long(mid))) / 2.0;
}

} // namespace

AnomalyAnalyzer::AnomalyAnalyzer(std::string grouping, Options options)
    : m_grouping(std::move(grouping))
    , m_options(options)
{
}

AnomalyAnalyzer::AnomalyAnalyzer(std::string grouping)
    : AnomalyAnalyzer(std::move(grouping), Options{})
{
}

std::vector<AnomalyAnalyzer::Metric> AnomalyAnalyzer::metricsOf(const WindowStats& s,
                                                                uint64_t minRequests)
{
    std::vector<Metric> out;
    if (s.requests < minRequests)
        return out;
    out.push_back({"error_rate", "error rate", s.errorRate(), 0.0, double(s.requests)});
    if (s.latencySketch.count() >= minRequests) {
        const double v = s.latencySketch.quantile(0.95);
        out.push_back({"latency_p95_ms", "p95 latency", v, 0.01 * v});
    }
    if (s.ttftSketch.count() >= minRequests) {
        const double v = s.ttftSketch.quantile(0.95);
        out.push_back({"ttft_p95_ms", "p95 time to first token", v, 0.01 * v});
    }
    if (s.costUsd.count() >= minRequests)
        out.push_back({"cost_per_request_usd", "cost per request", s.costUsd.mean(),
                       0.01 * s.costUsd.mean()});
    return out;
}

std::vector<Finding> AnomalyAnalyzer::add(const WindowResult& window)
{
    std::vector<Finding> out;
    for (const Metric& m : metricsOf(window.stats, m_options.minRequests)) {
        std::string id = window.key;
        id += '\x1f';
        id += m.name;
        test(m_series[id], m, window, out);
    }
    return out;
}

void AnomalyAnalyzer::test(Series& s, const Metric& m, const WindowResult& window,
                           std::vector<Finding>& out)
{
    const double x = m.value;
    if (s.baseline.size() >= size_t(m_options.minBaseline)) {
        const std::vector<double> base(s.baseline.begin(), s.baseline.end());
        double center = 0.0, sigma = 0.0;
        if (m.trials > 0) { // p-chart around the baseline's mean rate (at least half a call)
            for (double v : base)
                center += v / double(base.size());
            const double p = std::max(center, 0.5 / m.trials);
            sigma = std::sqrt(p * (1 - p) / m.trials);
        } else {
            center = median(base);
            std::vector<double> deviations;
            for (double v : base)
                deviations.push_back(std::abs(v - center));
            sigma = std::max(1.4826 * median(deviations), m.noiseFloor);
        }
        const double z = (x - center) / sigma;

        auto finding = [&](const char* method, double statistic, double limit) {
            Finding f = Finding::about("anomaly", m_grouping, window.key, m.name,
                                       window.startUnixNano, window.endUnixNano);
            f.method = method;
            f.statistic = statistic;
            f.threshold = limit;
            const bool worse = x > center; // for every metric watched here, higher is worse
            f.severity = !worse                       ? Finding::Severity::Info
                : std::abs(z) > 2 * m_options.robustZ ? Finding::Severity::Critical
                                                      : Finding::Severity::Warning;
            f.summary = std::string(m.label) + " of " + window.key + (worse ? " rose" : " fell")
                + " to " + formatted("%.6g", x) + " (baseline median " + formatted("%.6g", center)
                + ", robust z " + formatted("%.1f", z) + ")";
            f.evidence = {{"value", x},
                          {"baseline_median", center},
                          {"baseline_sigma", sigma},
                          {"baseline", base},
                          {"z", z}};
            out.push_back(std::move(f));
        };

        // Robust z-score, after `consecutive` windows beyond the cut-off.
        s.zRun = std::abs(z) > m_options.robustZ ? s.zRun + 1 : 0;
        if (s.zRun == 0)
            s.zRaised = false;
        if (s.zRun >= m_options.consecutive && !s.zRaised) {
            finding("robust z-score (median/MAD of the previous windows)", z, m_options.robustZ);
            s.zRaised = true;
        }
        // EWMA of the standardised values with exact limits.
        const double lambda = m_options.ewmaLambda;
        s.ewma = s.ewmaPoints == 0 ? lambda * z : lambda * z + (1 - lambda) * s.ewma;
        ++s.ewmaPoints;
        const double limit = m_options.ewmaL
            * std::sqrt(lambda / (2 - lambda)
                        * (1 - std::pow(1 - lambda, 2.0 * double(s.ewmaPoints))));
        s.ewmaRun = std::abs(s.ewma) > limit ? s.ewmaRun + 1 : 0;
        if (s.ewmaRun == 0)
            s.ewmaRaised = false;
        if (s.ewmaRun >= m_options.consecutive && !s.ewmaRaised) {
            finding("EWMA control chart of the robust z-scores", s.ewma, limit);
            s.ewmaRaised = true;
        }
        // Two-sided CUSUM around the baseline median.
        s.cusumUp = std::max(0.0, s.cusumUp + z - m_options.cusumK);
        s.cusumDown = std::max(0.0, s.cusumDown - z - m_options.cusumK);
        if (s.cusumUp == 0.0 && s.cusumDown == 0.0)
            s.cusumRaised = false; // back in control
        if (s.cusumUp > m_options.cusumH || s.cusumDown > m_options.cusumH) {
            if (!s.cusumRaised)
                finding("two-sided CUSUM of the robust z-scores around the baseline median",
                        s.cusumUp > m_options.cusumH ? s.cusumUp : -s.cusumDown, m_options.cusumH);
            s.cusumRaised = true;
            s.cusumUp = s.cusumDown = 0.0; // restart; silent while the shift lasts
        }
    }
    s.baseline.push_back(x);
    if (s.baseline.size() > size_t(m_options.baselineWindows))
        s.baseline.pop_front();
}

} // namespace llmopt
