#include "experiment_analyzer.h"

#include "llm_event.h"
#include "power_analysis.h"
#include "window_stats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

namespace llmopt {

namespace {

constexpr std::pair<ExperimentMetric, std::string_view> kMetricNames[] = {
    {ExperimentMetric::Quality, "quality"},
    {ExperimentMetric::SuccessRate, "success_rate"},
    {ExperimentMetric::ErrorRate, "error_rate"},
    {ExperimentMetric::CostPerRequest, "cost_per_request"},
    {ExperimentMetric::Latency, "latency"},
};

bool isRate(ExperimentMetric m)
{
    return m == ExperimentMetric::SuccessRate || m == ExperimentMetric::ErrorRate;
}

bool ranked(ExperimentMetric m)
{
    return m == ExperimentMetric::CostPerRequest || m == ExperimentMetric::Latency;
}

bool lowerIsBetter(ExperimentMetric m)
{
    return m != ExperimentMetric::Quality && m != ExperimentMetric::SuccessRate;
}

} // namespace

std::string_view experimentMetricName(ExperimentMetric metric)
{
    for (const auto& [m, name] : kMetricNames)
        if (m == metric)
            return name;
    return "";
}

std::optional<ExperimentMetric> experimentMetricFromName(std::string_view name)
{
    for (const auto& [m, n] : kMetricNames)
        if (n == name)
            return m;
    return std::nullopt;
}

ExperimentAnalyzer::ExperimentAnalyzer()
    : ExperimentAnalyzer(Options{})
{
}

ExperimentAnalyzer::ExperimentAnalyzer(Options options)
    : m_options(std::move(options))
{
    for (const ExperimentDefinition& d : m_options.definitions)
        if (!m_experiments.contains(d.key)) {
            m_experiments[d.key].definition = d;
            m_order.push_back(d.key);
        }
}

ExperimentAnalyzer::Experiment* ExperimentAnalyzer::experimentFor(const LlmEvent& e,
                                                                  std::string& arm)
{
    for (const auto& [name, value] : e.attributes) {
        if (name != "feature_flag.key")
            continue;
        arm = e.variantName.empty() ? e.variant.id() : e.variantName;
        if (const auto it = m_experiments.find(value); it != m_experiments.end())
            return &it->second;
        if (m_experiments.size() >= m_options.maxExperiments)
            return nullptr;
        Experiment& x = m_experiments[value];
        x.definition.key = value;
        m_order.push_back(value);
        return &x;
    }
    for (const ExperimentDefinition& d : m_options.definitions) {
        if (d.service.empty() || d.service != e.service)
            continue;
        const std::string id = e.variant.id();
        if (std::find(d.variantIds.begin(), d.variantIds.end(), id) != d.variantIds.end()) {
            arm = id;
            return &m_experiments[d.key];
        }
    }
    return nullptr;
}

ExperimentAnalyzer::Arm* ExperimentAnalyzer::armOf(Experiment& x, const std::string& name)
{
    for (Arm& a : x.arms)
        if (a.name == name)
            return &a;
    if (x.arms.size() >= m_options.maxArms)
        return nullptr; // telemetry with ever new variant names must not grow without bound
    x.arms.push_back({});
    x.arms.back().name = name;
    return &x.arms.back();
}

void ExperimentAnalyzer::add(const LlmEvent& e)
{
    Experiment* x = experimentFor(e, m_arm);
    if (!x)
        return;
    if (x->service.empty())
        x->service = e.service;
    Arm* found = armOf(*x, m_arm);
    if (!found)
        return;
    Arm& arm = *found;
    ++arm.assigned;
    const std::optional<double> quality = e.quality();
    if (e.isError())
        ++arm.errors;
    else
        arm.latency.add(e.latencyMs);
    if (quality) {
        arm.quality.add(*quality);
        arm.successes += *quality >= WindowStats::kGoodScore;
    }
    if (e.costUsd)
        arm.cost.add(*e.costUsd);

    const ExperimentMetric metric = x->definition.metric;
    if (ranked(metric)) {
        std::optional<double> value;
        if (metric == ExperimentMetric::CostPerRequest)
            value = e.costUsd;
        else if (!e.isError())
            value = e.latencyMs;
        if (value) { // reservoir sampling (Vitter's algorithm R): a uniform sample of the arm
            ++arm.seen;
            if (arm.reservoir.size() < kReservoir) {
                arm.reservoir.push_back(*value);
            } else {
                const uint64_t slot
                    = std::uniform_int_distribution<uint64_t>(0, arm.seen - 1)(m_rng);
                if (slot < kReservoir)
                    arm.reservoir[slot] = *value;
            }
        }
    }
    if (++x->events % m_options.lookEvery == 0)
        look(*x);
}

const ExperimentAnalyzer::Arm* ExperimentAnalyzer::control(const Experiment& x) const
{
    if (x.arms.empty())
        return nullptr;
    const std::string& wanted
        = x.definition.control.empty() ? std::string("control") : x.definition.control;
    for (const Arm& a : x.arms)
        if (a.name == wanted)
            return &a;
    return &x.arms.front();
}

ExperimentAnalyzer::Moments ExperimentAnalyzer::metricOf(ExperimentMetric metric, const Arm& a)
{
    auto moments = [](const RunningStats& s) { return Moments{s.count(), s.mean(), s.variance()}; };
    auto rate = [](uint64_t successes, uint64_t n) {
        Moments m{n, 0.0, 0.0, successes};
        if (n > 0) {
            m.mean = double(successes) / double(n);
            m.variance = m.mean * (1.0 - m.mean);
        }
        return m;
    };
    switch (metric) {
    case ExperimentMetric::Quality:
        return moments(a.quality);
    case ExperimentMetric::SuccessRate:
        return rate(a.successes, a.quality.count());
    case ExperimentMetric::ErrorRate:
        return rate(a.errors, a.assigned);
    case ExperimentMetric::CostPerRequest:
        return moments(a.cost);
    case ExperimentMetric::Latency:
        return moments(a.latency);
    }
    return {};
}

void ExperimentAnalyzer::look(Experiment& x)
{
    const Arm* base = control(x);
    if (!base)
        return;
    const ExperimentDefinition& d = x.definition;
    const Moments c = metricOf(d.metric, *base);
    if (c.n < 2)
        return;
    if (!x.tau) {
        // τ is fixed before the first look: the declared effect, or a tenth of
        // the control's standard deviation (a small effect in Cohen's terms).
        const double tau = d.minimumEffect > 0 ? d.minimumEffect : 0.1 * std::sqrt(c.variance);
        if (!(tau > 0))
            return;
        x.tau = tau;
    }
    ++x.looks;
    for (Arm& a : x.arms) {
        if (&a == base)
            continue;
        const Moments m = metricOf(d.metric, a);
        if (m.n < 2)
            continue;
        if (!a.sequential)
            a.sequential.emplace(d.alpha, *x.tau);
        a.sequential->look(m.mean - c.mean, m.variance / double(m.n) + c.variance / double(c.n));
    }
}

ExperimentResult ExperimentAnalyzer::result(const Experiment& x) const
{
    const ExperimentDefinition& d = x.definition;
    ExperimentResult r;
    r.key = d.key;
    r.service = x.service.empty() ? d.service : x.service;
    r.metric = d.metric;
    r.lowerIsBetter = lowerIsBetter(d.metric);
    r.alpha = d.alpha;
    r.looks = x.looks;
    const Arm* base = control(x);
    if (!base) {
        r.verdict = "running";
        r.verdictDetail = "no calls yet";
        return r;
    }
    r.control = base->name;

    std::vector<const Arm*> arms{base};
    for (const Arm& a : x.arms)
        if (&a != base)
            arms.push_back(&a);
    std::vector<uint64_t> assigned;
    std::vector<double> weights;
    for (const Arm* a : arms) {
        assigned.push_back(a->assigned);
        const auto w = d.weights.find(a->name);
        weights.push_back(w != d.weights.end() ? w->second : (d.weights.empty() ? 1.0 : 0.0));
    }
    r.sampleRatio = sampleRatioMismatch(assigned, weights);
    r.sampleRatioMismatch = arms.size() > 1 && r.sampleRatio.pValue < kSampleRatioAlpha;

    const Moments c = metricOf(d.metric, *base);
    if (d.minimumEffect > 0 && arms.size() > 1) {
        ExperimentDesign design;
        design.alpha = d.alpha;
        design.power = d.power;
        design.arms = int(arms.size());
        design.minimumEffect = d.minimumEffect;
        if (isRate(d.metric)) {
            design.metric = ExperimentDesign::Metric::Proportion;
            design.baseline = c.mean;
            if (design.baseline + design.minimumEffect >= 1.0) // a rate near 1 can only fall
                design.minimumEffect = -design.minimumEffect;
        } else {
            design.metric = ExperimentDesign::Metric::Mean;
            design.sd = std::sqrt(c.variance);
        }
        r.plannedPerArm = planExperiment(design).perArm;
    }

    std::vector<double> fixedP, sequentialP;
    for (const Arm* a : arms) {
        ArmResult out;
        out.name = a->name;
        out.assigned = a->assigned;
        const Moments m = metricOf(d.metric, *a);
        out.n = m.n;
        out.mean = m.mean;
        out.interval = isRate(d.metric) ? wilsonInterval(m.successes, m.n)
                                        : meanInterval(m.mean, std::sqrt(m.variance), m.n);
        out.errorRate = a->assigned ? double(a->errors) / double(a->assigned) : 0.0;
        out.costPerRequestUsd = a->cost.mean();
        out.meanQuality = a->quality.mean();
        if (a != base) {
            if (ranked(d.metric))
                out.comparison = mannWhitney(base->reservoir, a->reservoir);
            else if (isRate(d.metric))
                out.comparison = compareProportions(c.successes, c.n, m.successes, m.n);
            else
                out.comparison = compareMeans(base->quality, a->quality);
            if (a->sequential) {
                out.alwaysValidPValue = a->sequential->pValue();
                out.confidenceSequence = a->sequential->interval();
            } else {
                out.confidenceSequence = {-std::numeric_limits<double>::infinity(),
                                          std::numeric_limits<double>::infinity()};
            }
            fixedP.push_back(out.comparison->pValue);
            sequentialP.push_back(out.alwaysValidPValue);
        }
        r.arms.push_back(std::move(out));
    }
    const std::vector<double> fixedAdjusted = holmAdjusted(fixedP);
    const std::vector<double> sequentialAdjusted = holmAdjusted(sequentialP);
    r.atPlannedSize = r.plannedPerArm > 0;
    for (const ArmResult& a : r.arms)
        r.atPlannedSize = r.atPlannedSize && a.n >= r.plannedPerArm;

    // The verdict: the best arm that differs significantly from the control,
    // by the always-valid test at any time or by the fixed test at the planned size.
    const std::string metricName(experimentMetricName(d.metric));
    const ArmResult* best = nullptr;
    bool anyWorse = false;
    for (size_t i = 1; i < r.arms.size(); ++i) {
        ArmResult& a = r.arms[i];
        a.adjustedPValue = fixedAdjusted[i - 1];
        const bool significant = sequentialAdjusted[i - 1] <= d.alpha
            || (r.atPlannedSize && fixedAdjusted[i - 1] <= d.alpha);
        if (!significant)
            continue;
        const double shift = a.comparison->difference;
        const bool better = r.lowerIsBetter ? shift < 0 : shift > 0;
        if (!better) {
            anyWorse = true;
            continue;
        }
        const bool larger = best && std::abs(shift) > std::abs(best->comparison->difference);
        if (!best || larger)
            best = &a;
    }
    char buffer[256];
    if (r.arms.size() < 2) {
        r.verdict = "running";
        r.verdictDetail = "only one arm (" + r.control + ") has calls so far";
    } else if (r.sampleRatioMismatch) {
        r.verdict = "blocked";
        std::snprintf(buffer, sizeof buffer,
                      "sample-ratio mismatch (chi-square p = %.2g): the arms did not get the "
                      "planned split, so no verdict is drawn; check the assignment, or declare "
                      "the split (experiments: weights) if it is meant to be unequal",
                      r.sampleRatio.pValue);
        r.verdictDetail = buffer;
    } else if (best) {
        r.verdict = "winner";
        r.winner = best->name;
        std::snprintf(buffer, sizeof buffer, "%s is better than %s on %s by %.4g (%.4g to %.4g)",
                      best->name.c_str(), r.control.c_str(), metricName.c_str(),
                      best->comparison->difference, best->comparison->interval.low,
                      best->comparison->interval.high);
        r.verdictDetail = buffer;
    } else if (anyWorse) {
        r.verdict = "loser";
        r.verdictDetail = "the arms that differ significantly from " + r.control + " are worse on "
            + metricName + "; keep " + r.control;
    } else if (r.atPlannedSize) {
        r.verdict = "no difference";
        std::snprintf(buffer, sizeof buffer,
                      "every arm reached the planned %llu calls and none differs from %s by the "
                      "minimum effect %.4g at α %.3g",
                      static_cast<unsigned long long>(r.plannedPerArm), r.control.c_str(),
                      d.minimumEffect, d.alpha);
        r.verdictDetail = buffer;
    } else {
        r.verdict = "running";
        uint64_t smallest = UINT64_MAX;
        for (const ArmResult& a : r.arms)
            smallest = std::min(smallest, a.n);
        r.verdictDetail = r.plannedPerArm > 0
            ? std::to_string(smallest) + " of the planned " + std::to_string(r.plannedPerArm)
                + " calls in the smallest arm; the always-valid test may decide earlier"
            : "no minimum effect declared: only the always-valid test can decide";
    }
    return r;
}

namespace {

// Infinite bounds (no look yet) become null, which JSON can carry.
nlohmann::json bounds(const Interval& i)
{
    auto finite = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); };
    return nlohmann::json::array({finite(i.low), finite(i.high)});
}

} // namespace

nlohmann::json ExperimentResult::toJson() const
{
    nlohmann::json armList = nlohmann::json::array();
    for (const ArmResult& a : arms) {
        nlohmann::json arm = {
            {"name", a.name},
            {"assigned", a.assigned},
            {"n", a.n},
            {"mean", a.mean},
            {"ci95", bounds(a.interval)},
            {"error_rate", a.errorRate},
            {"cost_per_request_usd", a.costPerRequestUsd},
            {"mean_quality", a.meanQuality},
        };
        if (a.comparison) {
            const ArmComparison& c = *a.comparison;
            arm["vs_control"] = {
                {"method", c.method},
                {"statistic", c.statistic},
                {"degrees_of_freedom", c.degreesOfFreedom},
                {"difference", c.difference},
                {"ci95", bounds(c.interval)},
                {"p_value", c.pValue},
                {"p_value_holm", a.adjustedPValue},
                {"effect_size", {{"name", c.effectSizeName}, {"value", c.effectSize}}},
                {"always_valid_p_value", a.alwaysValidPValue},
                {"confidence_sequence", bounds(a.confidenceSequence)},
            };
        }
        armList.push_back(std::move(arm));
    }
    return {
        {"key", key},
        {"service", service},
        {"metric", std::string(experimentMetricName(metric))},
        {"lower_is_better", lowerIsBetter},
        {"alpha", alpha},
        {"control", control},
        {"planned_per_arm", plannedPerArm},
        {"at_planned_size", atPlannedSize},
        {"sequential_looks", looks},
        {"sample_ratio",
         {{"method", sampleRatio.method},
          {"statistic",
           std::isfinite(sampleRatio.statistic) ? nlohmann::json(sampleRatio.statistic)
                                                : nlohmann::json()},
          {"degrees_of_freedom", sampleRatio.degreesOfFreedom},
          {"p_value", sampleRatio.pValue},
          {"mismatch", sampleRatioMismatch}}},
        {"verdict", verdict},
        {"verdict_detail", verdictDetail},
        {"winner", winner},
        {"arms", std::move(armList)},
    };
}

std::string ExperimentResult::toText() const
{
    std::string out = "experiment " + key + " (" + std::string(experimentMetricName(metric))
        + "): " + verdict + " — " + verdictDetail + "\n";
    char line[256];
    for (const ArmResult& a : arms) {
        std::snprintf(line, sizeof line, "  %-20s n %8llu  mean %10.4g", a.name.c_str(),
                      static_cast<unsigned long long>(a.n), a.mean);
        out += line;
        if (a.comparison) {
            std::snprintf(line, sizeof line,
                          "  diff %+10.4g (%.4g to %.4g)  p %.3g  Holm %.3g  always-valid %.3g",
                          a.comparison->difference, a.comparison->interval.low,
                          a.comparison->interval.high, a.comparison->pValue, a.adjustedPValue,
                          a.alwaysValidPValue);
            out += line;
        } else {
            out += "  (control)";
        }
        out += "\n";
    }
    return out;
}

std::vector<ExperimentResult> ExperimentAnalyzer::results() const
{
    std::vector<ExperimentResult> out;
    out.reserve(m_order.size());
    for (const std::string& key : m_order)
        out.push_back(result(m_experiments.at(key)));
    return out;
}

} // namespace llmopt
