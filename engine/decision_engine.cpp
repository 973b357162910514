#include "decision_engine.h"

#include "experiment_analyzer.h"
#include "finding.h"
#include "hypothesis_tests.h"
#include "stream_processor.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace llmopt {

namespace {

constexpr double kMonthSeconds = 30.0 * 24 * 3600;
constexpr double kZ95 = 1.959963984540054;

Estimate meanEstimate(const RunningStats& s)
{
    const Interval i = meanInterval(s.mean(), s.standardDeviation(), s.count());
    return {s.mean(), std::min(i.low, s.mean()), std::max(i.high, s.mean())};
}

nlohmann::json estimateJson(const Estimate& e)
{
    return {{"value", e.value}, {"low", e.low}, {"high", e.high}};
}

// The difference b − a of two independent estimates, its interval by MOVER
// (Zou & Donner 2008), as the Pareto front's savings.
Estimate difference(const Estimate& a, const Estimate& b)
{
    const double d = b.value - a.value;
    return {d, d - std::hypot(b.value - b.low, a.high - a.value),
            d + std::hypot(b.high - b.value, a.value - a.low)};
}

} // namespace

DecisionEngine::DecisionEngine()
    : DecisionEngine(Options{})
{
}

DecisionEngine::DecisionEngine(Options options)
    : m_options(std::move(options))
{
}

void DecisionEngine::add(const WindowResult& w)
{
    const size_t slash = w.key.rfind('/');
    if (slash == std::string::npos || w.stats.requests == 0)
        return;
    Variant& v = m_services[w.key.substr(0, slash)][w.key.substr(slash + 1)];
    if (v.blocks.empty() || v.windowsInLast == kBlockWindows) {
        v.blocks.emplace_back();
        v.windowsInLast = 0;
        const size_t keep = size_t(std::max(1, m_options.horizonWindows / kBlockWindows)) + 1;
        while (v.blocks.size() > keep)
            v.blocks.pop_front();
    }
    v.blocks.back().merge(w.stats);
    ++v.windowsInLast;
    if (v.firstUnixNano == 0 || w.startUnixNano < v.firstUnixNano)
        v.firstUnixNano = w.startUnixNano;
    v.lastUnixNano = std::max(v.lastUnixNano, w.endUnixNano);
}

std::vector<DecisionEngine::ServiceView> DecisionEngine::services() const
{
    std::vector<ServiceView> out;
    for (const auto& [service, variants] : m_services) {
        ServiceView view;
        view.service = service;
        for (const auto& [id, v] : variants) {
            WindowStats s;
            for (const WindowStats& b : v.blocks)
                s.merge(b);
            const uint64_t ok = s.latencySketch.count();
            if (s.quality.count() < m_options.minScored || s.costUsd.count() < 2 || ok == 0)
                continue; // not enough evidence to place it
            ParetoCandidate c;
            c.variantId = id;
            c.quality = meanEstimate(s.quality);
            c.costUsd = meanEstimate(s.costUsd);
            c.costUsd.low = std::max(0.0, c.costUsd.low);
            const Interval p95 = quantileInterval(s.latencySketch, 0.95, kZ95);
            const double value = s.latencySketch.quantile(0.95);
            c.latencyP95Ms = {value, std::min(p95.low, value), std::max(p95.high, value)};
            const double span = double(s.lastEventUnixNano - s.firstEventUnixNano) / 1e9;
            c.requestsPerMonth
                = span > 0 ? double(s.requests) / std::max(span, 60.0) * kMonthSeconds : 0.0;
            view.candidates.push_back(std::move(c));
            view.requests.push_back(s.requests);
        }
        if (view.candidates.empty())
            continue;
        const ParetoFront front(view.candidates);
        view.front = front.front();
        for (size_t i = 0; i < view.candidates.size(); ++i)
            view.dominatedBy.push_back(front.dominatedBy(i));
        view.knee = front.knee();
        ParetoFront::Reference worst{1.0, 0.0, 0.0};
        for (const ParetoCandidate& c : view.candidates) {
            worst.quality = std::min(worst.quality, c.quality.value);
            worst.costUsd = std::max(worst.costUsd, c.costUsd.value);
            worst.latencyP95Ms = std::max(worst.latencyP95Ms, c.latencyP95Ms.value);
        }
        // A little beyond the worst, so that the worst candidate still adds volume.
        worst.quality = std::max(0.0, worst.quality - 0.01);
        worst.costUsd = worst.costUsd * 1.01 + 1e-9;
        worst.latencyP95Ms = worst.latencyP95Ms * 1.01 + 1e-9;
        view.hypervolume = front.hypervolume(worst);
        view.incumbent = size_t(std::max_element(view.requests.begin(), view.requests.end())
                                - view.requests.begin());
        ParetoFront::Constraints constraints;
        constraints.maxQualityLoss = m_options.maxQualityLoss;
        if (const auto slo = m_options.latencySloMs.find(service);
            slo != m_options.latencySloMs.end())
            constraints.latencySloMs = slo->second;
        view.choice = front.cheapestWithin(constraints);
        out.push_back(std::move(view));
    }
    return out;
}

std::string DecisionEngine::name(const std::string& variantId) const
{
    const auto it = m_labels.find(variantId);
    return it != m_labels.end() ? it->second : variantId;
}

Recommendation DecisionEngine::fromPareto(const ServiceView& view, int64_t now) const
{
    // "From" names the variant whose traffic saves the most when it moves: the
    // incumbent unless it already is the choice.
    size_t source = *view.incumbent;
    double most = -1;
    for (size_t i = 0; i < view.candidates.size(); ++i) {
        const double saving = view.candidates[i].requestsPerMonth
            * (view.candidates[i].costUsd.value
               - view.candidates[*view.choice.index].costUsd.value);
        if (i != *view.choice.index && saving > most) {
            most = saving;
            source = i;
        }
    }
    const ParetoCandidate& from = view.candidates[source];
    const ParetoCandidate& to = view.candidates[*view.choice.index];
    const Estimate& savings = view.choice.monthlySavingsUsd;
    Recommendation r;
    r.createdUnixNano = now;
    r.strategy = "pareto";
    r.service = view.service;
    r.fromVariant = from.variantId;
    r.toVariant = to.variantId;
    r.action = "switch";
    r.summary = "Route all of " + view.service + " to " + name(to.variantId) + ": quality "
        + formatted("%.3f", to.quality.value) + " vs " + formatted("%.3f", from.quality.value)
        + " on " + name(from.variantId) + ", cost per request "
        + formatted("%.5f", to.costUsd.value) + " vs " + formatted("%.5f", from.costUsd.value)
        + " USD; saves about " + formatted("%.0f", savings.value) + " USD a month ("
        + formatted("%.0f", savings.low) + " to " + formatted("%.0f", savings.high) + ")";
    r.impact = {{"cost_usd", estimateJson(difference(from.costUsd, to.costUsd))},
                {"quality", estimateJson(difference(from.quality, to.quality))},
                {"latency_p95_ms", estimateJson(difference(from.latencyP95Ms, to.latencyP95Ms))},
                {"monthly_savings_usd", estimateJson(savings)}};
    r.evidence
        = {{"method",
            "Pareto front beyond noise; cheapest variant within "
                + formatted("%g", 100 * m_options.maxQualityLoss) + " % of the best quality"
                + (m_options.latencySloMs.contains(view.service) ? " and under the p95 SLO" : "")},
           {"reason", view.choice.reason},
           {"calls",
            {{"from", view.requests[*view.incumbent]}, {"to", view.requests[*view.choice.index]}}},
           {"hypervolume", view.hypervolume}};
    return r;
}

std::vector<Recommendation>
DecisionEngine::recommendations(const std::vector<ExperimentResult>& experiments, int64_t now) const
{
    std::vector<Recommendation> out;
    for (const ServiceView& view : services())
        if (view.incumbent && view.choice.index && view.candidates.size() > 1
            && view.choice.monthlySavingsUsd.value >= m_options.minMonthlySavingsUsd)
            out.push_back(fromPareto(view, now));
    for (const ExperimentResult& x : experiments) {
        if (x.verdict != "winner")
            continue;
        // The arm the verdict names: significant, not merely the best estimate.
        const auto best = std::find_if(x.arms.begin(), x.arms.end(), [&](const ArmResult& a) {
            return a.name == x.winner && a.comparison;
        });
        if (best == x.arms.end())
            continue;
        Recommendation r;
        r.createdUnixNano = now;
        r.strategy = "experiment";
        r.topic = x.key;
        r.service = x.service.empty() ? x.key : x.service;
        r.fromVariant = x.control;
        r.toVariant = best->name;
        r.action = "switch";
        r.summary = "Experiment " + x.key + ": " + x.verdictDetail;
        const ArmComparison& c = *best->comparison;
        r.impact
            = {{std::string(experimentMetricName(x.metric)),
                {{"value", c.difference}, {"low", c.interval.low}, {"high", c.interval.high}}}};
        r.evidence = x.toJson();
        out.push_back(std::move(r));
    }
    return out;
}

nlohmann::json DecisionEngine::toJson(const std::vector<ServiceView>& views,
                                      const std::map<std::string, std::string>& labels)
{
    nlohmann::json out = nlohmann::json::array();
    for (const ServiceView& v : views) {
        nlohmann::json variants = nlohmann::json::array();
        for (size_t i = 0; i < v.candidates.size(); ++i) {
            const ParetoCandidate& c = v.candidates[i];
            const auto label = labels.find(c.variantId);
            variants.push_back(
                {{"variant_id", c.variantId},
                 {"variant_name", label != labels.end() ? label->second : ""},
                 {"calls", v.requests[i]},
                 {"quality", estimateJson(c.quality)},
                 {"cost_per_request_usd", estimateJson(c.costUsd)},
                 {"latency_p95_ms", estimateJson(c.latencyP95Ms)},
                 {"requests_per_month", c.requestsPerMonth},
                 {"on_front", !v.dominatedBy[i].has_value()},
                 {"dominated_by",
                  v.dominatedBy[i] ? nlohmann::json(v.candidates[*v.dominatedBy[i]].variantId)
                                   : nlohmann::json()}});
        }
        auto id = [&](const std::optional<size_t>& i) {
            return i ? nlohmann::json(v.candidates[*i].variantId) : nlohmann::json();
        };
        out.push_back({{"service", v.service},
                       {"variants", std::move(variants)},
                       {"hypervolume", v.hypervolume},
                       {"knee", id(v.knee)},
                       {"incumbent", id(v.incumbent)},
                       {"choice", id(v.choice.index)},
                       {"choice_reason", v.choice.reason},
                       {"monthly_savings_usd", estimateJson(v.choice.monthlySavingsUsd)}});
    }
    return out;
}

} // namespace llmopt
