#pragma once

#include "recommendation.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmopt {

struct Finding;
struct WindowResult;

// One declarative threshold rule of the config. Fields are named as in the
// config (snake_case there); the defaults make a working error-rate alert.
struct ThresholdRule {
    std::string name; // unique; names the rule in recommendations and in firing()
    // Scope: empty matches every service, and every variant id.
    std::string service;
    std::string variant;
    // error_rate, latency_p95_ms, spend_per_hour_usd, quality_mean, or
    // finding: the statistic of findings of `analyzer` (and of `finding_metric`
    // when set), e.g. the KS D of drift findings on input_tokens.
    std::string metric = "error_rate";
    std::string analyzer;
    std::string findingMetric;
    std::string comparison = "above"; // or "below", for a floor
    double trigger = 0.05;
    // Hysteresis: a firing rule stays firing until the value is back past
    // this (below it for "above"); absent: the trigger itself. Window metrics
    // only: analyzers report problems, never recoveries, so a finding rule
    // clears once `cool_down_seconds` pass without a matching finding.
    std::optional<double> clear;
    // Consecutive evaluated windows beyond the trigger before the rule fires,
    // so that one noisy window does not. Window metrics only: a finding is
    // already a conclusion over several windows.
    int forWindows = 3;
    // After firing, the rule does not fire again for the same key until it
    // has cleared and this much event time has passed since it fired.
    double coolDownSeconds = 900;
    uint64_t minRequests = 20; // a window with fewer is not evaluated (window metrics)
    std::string action = "alert"; // alert, fall_back or hold_rollout
    std::string toVariant; // fall_back: the variant id to fall back to

    // Empty when the rule is usable; otherwise which field is wrong and how
    // to fix it, e.g. "rule \"x\": to_variant is empty; …".
    std::string validate() const;
};

// Threshold heuristics (strategy "threshold"): rules on the closed windows of
// service or service/variant keys and on analyzers' findings, each tracked
// per rule and key with for_windows, hysteresis and cool-down. A rule that
// fires yields one recommendation (alert, fall back to a variant, hold a
// rollout); while it stays firing it yields nothing more, and clearing yields
// nothing either — firing() shows the current state. Time is event time (window
// ends and finding times). Not thread-safe: the engine thread owns it.
class ThresholdRules {
public:
    // Rules that do not validate, and repeated names, are left out and
    // reported by problems().
    explicit ThresholdRules(std::vector<ThresholdRule> rules);

    // A closed window whose key is grouped by `grouping` ("service" or
    // "service_variant"; other groupings name no service and are skipped).
    std::vector<Recommendation> add(const WindowResult& window, std::string_view grouping);
    std::vector<Recommendation> add(const Finding& finding);

    // "rule@key" of every rule currently firing, sorted.
    std::vector<std::string> firing() const;
    const std::vector<std::string>& problems() const { return m_problems; }

private:
    struct Scope {
        std::string_view service;
        std::string_view variant;
    };
    struct Observation {
        const std::string& key;
        Scope scope;
        double value;
        int64_t startUnixNano;
        int64_t endUnixNano;
        const Finding* finding; // null for a window
    };
    struct State {
        size_t rule = 0;
        int streak = 0; // consecutive evaluated windows beyond the trigger
        bool firing = false;
        std::optional<int64_t> firedAtUnixNano;
        int64_t lastMatchUnixNano = 0; // finding rules: the newest matching finding
    };

    static std::optional<Scope> scopeOf(std::string_view grouping, std::string_view key);
    static bool inScope(const ThresholdRule& rule, Scope scope);
    static bool coolDownOver(const ThresholdRule& rule, const State& state, int64_t nowUnixNano);
    // Moves event time on; clears finding rules that went quiet and forgets idle states.
    void advance(int64_t unixNano);
    void evaluate(size_t rule, const Observation& o, std::vector<Recommendation>& out);
    Recommendation recommendation(const ThresholdRule& rule, const State& state,
                                  const Observation& o) const;

    std::vector<ThresholdRule> m_rules;
    std::vector<std::string> m_problems;
    std::map<std::string, State, std::less<>> m_states; // by "rule@key"
    int64_t m_nowUnixNano = INT64_MIN;
};

} // namespace llmopt
