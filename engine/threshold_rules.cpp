#include "threshold_rules.h"

#include "finding.h"
#include "stream_processor.h"

#include <algorithm>
#include <cmath>

namespace llmopt {

namespace {

constexpr double kNanosPerSecond = 1e9;
constexpr double kNanosPerHour = 3600 * kNanosPerSecond;

bool isWindowMetric(std::string_view metric)
{
    return metric == "error_rate" || metric == "latency_p95_ms" || metric == "spend_per_hour_usd"
        || metric == "quality_mean";
}

// The rule's metric in a window; nothing when the window cannot tell (no
// successful call for p95, no priced call for spend, no evaluated call for quality).
std::optional<double> valueOf(std::string_view metric, const WindowResult& w)
{
    const WindowStats& s = w.stats;
    std::optional<double> value;
    if (metric == "error_rate")
        value = s.errorRate();
    else if (metric == "latency_p95_ms" && s.latencySketch.count() > 0)
        value = s.latencySketch.quantile(0.95);
    else if (metric == "spend_per_hour_usd" && s.costUsd.count() > 0
             && w.endUnixNano > w.startUnixNano)
        value = s.costUsd.sum() * kNanosPerHour / (double(w.endUnixNano) - double(w.startUnixNano));
    else if (metric == "quality_mean" && s.quality.count() > 0)
        value = s.quality.mean();
    if (value && !std::isfinite(*value))
        return std::nullopt;
    return value;
}

std::string number(double value)
{
    return formatted("%.4g", value);
}

} // namespace

std::string ThresholdRule::validate() const
{
    const std::string rule = "rule \"" + name + "\": ";
    if (name.empty())
        return "a threshold rule has no name; give every rule a unique name";
    if (metric != "finding" && !isWindowMetric(metric))
        return rule + "metric = \"" + metric
            + "\" is not valid; expected error_rate, latency_p95_ms, spend_per_hour_usd, "
              "quality_mean or finding";
    if (metric == "finding" && analyzer.empty())
        return rule
            + "analyzer is empty; a finding rule needs the analyzer whose findings it matches "
              "(performance, cost, quality, drift or anomaly)";
    if (metric != "finding" && (!analyzer.empty() || !findingMetric.empty()))
        return rule
            + "analyzer and finding_metric apply to metric finding only; remove them or "
              "set metric: finding";
    if (comparison != "above" && comparison != "below")
        return rule + "comparison = \"" + comparison + "\" is not valid; expected above or below";
    if (!std::isfinite(trigger))
        return rule + "trigger is not a number; set it to the value at which the rule fires";
    if (clear) {
        if (!std::isfinite(*clear))
            return rule + "clear is not a number; set it to the value at which the rule clears";
        if (comparison == "above" && *clear > trigger)
            return rule + "clear = " + number(*clear) + " is above trigger = " + number(trigger)
                + ", so the rule would clear while still beyond its trigger; set clear at or "
                  "below the trigger";
        if (comparison == "below" && *clear < trigger)
            return rule + "clear = " + number(*clear) + " is below trigger = " + number(trigger)
                + ", so the rule would clear while still beyond its trigger; set clear at or "
                  "above the trigger";
    }
    if (forWindows < 1)
        return rule + "for_windows = " + std::to_string(forWindows)
            + " is not valid; set it to 1 or more consecutive windows";
    if (!(coolDownSeconds >= 0) || !std::isfinite(coolDownSeconds))
        return rule + "cool_down_seconds = " + number(coolDownSeconds)
            + " is not valid; set it to 0 or more seconds";
    if (action != "alert" && action != "fall_back" && action != "hold_rollout")
        return rule + "action = \"" + action
            + "\" is not valid; expected alert, fall_back or hold_rollout";
    if (action == "fall_back" && toVariant.empty())
        return rule + "to_variant is empty; action fall_back needs the variant id to fall back to";
    if (action != "fall_back" && !toVariant.empty())
        return rule + "to_variant is set but action is " + action
            + "; remove to_variant or set action: fall_back";
    return {};
}

ThresholdRules::ThresholdRules(std::vector<ThresholdRule> rules)
{
    for (ThresholdRule& r : rules) {
        if (std::string problem = r.validate(); !problem.empty())
            m_problems.push_back(std::move(problem));
        else if (std::any_of(m_rules.begin(), m_rules.end(),
                             [&](const ThresholdRule& kept) { return kept.name == r.name; }))
            m_problems.push_back("rule \"" + r.name
                                 + "\": the name is used by an earlier rule; give every rule a "
                                   "unique name");
        else
            m_rules.push_back(std::move(r));
    }
}

std::vector<Recommendation> ThresholdRules::add(const WindowResult& window,
                                                std::string_view grouping)
{
    std::vector<Recommendation> out;
    advance(window.endUnixNano);
    const auto scope = scopeOf(grouping, window.key);
    if (!scope || window.stats.requests == 0)
        return out;
    for (size_t i = 0; i < m_rules.size(); ++i) {
        const ThresholdRule& r = m_rules[i];
        if (!isWindowMetric(r.metric) || window.stats.requests < r.minRequests
            || !inScope(r, *scope))
            continue;
        if (const auto value = valueOf(r.metric, window))
            evaluate(
                i, {window.key, *scope, *value, window.startUnixNano, window.endUnixNano, nullptr},
                out);
    }
    return out;
}

std::vector<Recommendation> ThresholdRules::add(const Finding& finding)
{
    std::vector<Recommendation> out;
    const int64_t at
        = finding.detectedAtUnixNano ? finding.detectedAtUnixNano : finding.windowEndUnixNano;
    advance(at);
    const auto scope = scopeOf(finding.grouping, finding.key);
    if (!scope || !std::isfinite(finding.statistic))
        return out;
    for (size_t i = 0; i < m_rules.size(); ++i) {
        const ThresholdRule& r = m_rules[i];
        if (r.metric != "finding" || r.analyzer != finding.analyzer
            || (!r.findingMetric.empty() && r.findingMetric != finding.metric)
            || !inScope(r, *scope))
            continue;
        evaluate(
            i, {finding.key, *scope, finding.statistic, finding.windowStartUnixNano, at, &finding},
            out);
    }
    return out;
}

std::vector<std::string> ThresholdRules::firing() const
{
    std::vector<std::string> out;
    for (const auto& [id, state] : m_states)
        if (state.firing)
            out.push_back(id);
    return out;
}

std::optional<ThresholdRules::Scope> ThresholdRules::scopeOf(std::string_view grouping,
                                                             std::string_view key)
{
    if (grouping == "service")
        return Scope{key, {}};
    if (grouping == "service_variant") {
        // Variant ids have no '/'; service names might.
        const size_t slash = key.rfind('/');
        if (slash == std::string_view::npos)
            return std::nullopt;
        return Scope{key.substr(0, slash), key.substr(slash + 1)};
    }
    return std::nullopt;
}

bool ThresholdRules::inScope(const ThresholdRule& rule, Scope scope)
{
    return (rule.service.empty() || rule.service == scope.service)
        && (rule.variant.empty() || rule.variant == scope.variant);
}

bool ThresholdRules::coolDownOver(const ThresholdRule& rule, const State& state,
                                  int64_t nowUnixNano)
{
    return !state.firedAtUnixNano
        || double(nowUnixNano) - double(*state.firedAtUnixNano)
        >= rule.coolDownSeconds * kNanosPerSecond;
}

void ThresholdRules::advance(int64_t unixNano)
{
    m_nowUnixNano = std::max(m_nowUnixNano, unixNano);
    for (auto it = m_states.begin(); it != m_states.end();) {
        State& s = it->second;
        const ThresholdRule& r = m_rules[s.rule];
        if (s.firing && r.metric == "finding"
            && double(m_nowUnixNano) - double(s.lastMatchUnixNano)
                >= r.coolDownSeconds * kNanosPerSecond)
            s.firing = false;
        // A state with nothing to remember: a key that went away costs nothing.
        const bool idle = !s.firing && s.streak == 0 && coolDownOver(r, s, m_nowUnixNano);
        it = idle ? m_states.erase(it) : std::next(it);
    }
}

void ThresholdRules::evaluate(size_t rule, const Observation& o, std::vector<Recommendation>& out)
{
    const ThresholdRule& r = m_rules[rule];
    State& s = m_states[r.name + '@' + o.key];
    s.rule = rule;
    const bool above = r.comparison == "above";
    const bool beyond = above ? o.value > r.trigger : o.value < r.trigger;
    if (o.finding) {
        if (!beyond)
            return;
        s.lastMatchUnixNano = o.endUnixNano;
        // Not firing means it went quiet for a cool-down, which has therefore passed.
        if (s.firing)
            return;
    } else if (s.firing) {
        const double clear = r.clear.value_or(r.trigger);
        if (above ? o.value < clear : o.value > clear) {
            s.firing = false;
            s.streak = 0;
        }
        return;
    } else {
        s.streak = beyond ? s.streak + 1 : 0;
        if (s.streak < r.forWindows || !coolDownOver(r, s, o.endUnixNano))
            return;
    }
    s.firing = true;
    s.firedAtUnixNano = o.endUnixNano;
    out.push_back(recommendation(r, s, o));
}

Recommendation ThresholdRules::recommendation(const ThresholdRule& rule, const State& state,
                                              const Observation& o) const
{
    const std::string& comparison = rule.comparison;
    Recommendation rec;
    rec.createdUnixNano = o.endUnixNano;
    rec.strategy = "threshold";
    rec.topic = rule.name + "@" + o.key;
    rec.service = o.scope.service;
    rec.fromVariant = o.scope.variant;
    rec.action = rule.action;
    std::string what = rule.metric + " of " + o.key + " was " + number(o.value);
    if (o.finding)
        what = rule.analyzer + " finding on " + o.finding->metric + " of " + o.key
            + " has statistic " + number(o.value);
    std::string consequence;
    if (rule.action == "fall_back" && o.scope.variant == rule.toVariant) {
        // Falling back to where it already is would change nothing: say so instead.
        rec.action = "alert";
        consequence = ", and it is the fall-back variant itself";
    } else if (rule.action == "fall_back") {
        rec.toVariant = rule.toVariant;
        consequence = "; fall back to " + rule.toVariant;
    } else if (rule.action == "hold_rollout") {
        consequence = "; hold its rollout";
    }
    const int inARow = o.finding ? 1 : state.streak;
    rec.summary = "Threshold rule " + rule.name + ": " + what + ", " + comparison + " the trigger "
        + number(rule.trigger)
        + (inARow > 1 ? " for " + std::to_string(inARow) + " windows in a row" : "") + consequence;
    rec.evidence = {{"rule", rule.name},
                    {"metric", rule.metric},
                    {"key", o.key},
                    {"value", o.value},
                    {"comparison", comparison},
                    {"trigger", rule.trigger},
                    {"windows_in_a_row", inARow},
                    {"window_start_unix_nano", o.startUnixNano},
                    {"window_end_unix_nano", o.endUnixNano}};
    if (o.finding) {
        rec.evidence["clears_after_quiet_seconds"] = rule.coolDownSeconds;
        rec.evidence["finding"] = o.finding->toJson();
    } else {
        rec.evidence["clear"] = rule.clear.value_or(rule.trigger);
    }
    return rec;
}

} // namespace llmopt
