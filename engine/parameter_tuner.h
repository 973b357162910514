#pragma once

#include "llm_event.h"
#include "quantile_sketch.h"
#include "recommendation.h"
#include "running_stats.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace llmopt {

class PriceTable;

struct ParameterTunerOptions {
    double temperatureLow = 0.0; // the box recommendations stay in
    double temperatureHigh = 1.5;
    double topPLow = 0.1;
    double topPHigh = 1.0;
    double step = 0.05; // recommended settings are multiples of this
    // A setting is recommended when the lower end of the (Bonferroni) 95 %
    // interval of its predicted quality gain over the baseline exceeds this.
    double minQualityGain = 0.0;
    size_t minSettings = 3; // distinct settings before the GP is fitted
    double explorationXi = 0.01; // ξ of the expected improvement reported
    double truncationTarget = 0.01; // share of calls cut off at max_tokens
    uint64_t minLengthCalls = 200; // calls with an output length before max_tokens is tuned
    // A lower max_tokens is proposed only when the current one is at least
    // this many times the recommended one.
    double lowerFactor = 2.0;
    size_t maxKeys = 1000;
    size_t maxSettingsPerKey = 64;
    size_t maxLimitsPerKey = 16; // distinct max_tokens values counted
};

// Tunes temperature / top_p and max_tokens per service, task type and base
// variant (model and prompt version: the best temperature of one model says
// nothing about another's, so pooling them would confound the two).
//
// Temperature / top_p: Bayesian optimisation with a Gaussian process
// (GaussianProcess: Matérn 5/2, hyperparameters by marginal likelihood) over
// the mean quality score of each distinct setting, each point's noise
// variance σ̂²/n — rather than a bandit over a grid. Production traffic
// visits few distinct settings (a handful an operator or an experiment
// tried), so a grid bandit would have most arms unpulled and nothing to say
// about them, while quality varies smoothly with temperature and the GP
// carries what one setting teaches to its neighbours; every scored call is
// expensive (an evaluator run, often an LLM judge), which is the case GP-EI
// was made for (Jones, Schonlau & Welch 1998). A bandit would win with many
// cheap, instantly scored samples over a few fixed arms — not this case.
// σ̂² of a setting is its own sample variance shrunk toward the pooled
// within-setting variance with 5 pseudo-observations, so a setting seen a few
// times does not claim a tiny noise. The baseline is the setting with the
// most scored calls (what production runs); the candidate is the grid point
// (multiples of `step` in the box) with the largest posterior mean, and it is
// recommended when the lower end of the 95 % interval of f(candidate) −
// f(baseline) — the GP's joint posterior, correlation included — exceeds
// minQualityGain. That interval is Bonferroni-widened over the k − 1
// observed alternatives to the baseline, since the same data pick the
// candidate. top_p is tuned only once two values of it have been observed
// (before that it would be pure extrapolation); a call without top_p counts as
// top_p = 1 (no nucleus cut, every provider's default); a call without
// temperature, whose default differs between providers, does not enter the GP.
//
// max_tokens: output lengths are modelled as log-normal, with the calls cut
// off at max_tokens (finish reason "length" or "max_tokens") as right-censored
// at their output length — fitted by EM for the censored normal of the log
// length (the Tobit model, Tobin 1958; EM of Dempster, Laird & Rubin 1977). A
// Kaplan–Meier quantile would need no shape, but it cannot reach above the
// current limit, where every long answer is censored, and that is exactly
// where a raise has to look. The recommended limit is the smallest whose
// truncation rate is ≤ truncationTarget with 95 % confidence: exp of the
// one-sided upper 95 % bound of the (1 − target) quantile of log length,
// μ̂ + z σ̂, by the delta method on the observed information. The cost side:
// output is billed per token produced, not per token allowed, so raising the
// limit costs only the extra tokens of answers that used to be cut off,
// E[min(L, M′)] − E[min(L, M)] per call (closed form for the log-normal),
// and those calls' cut-off output is already paid for and usually useless.
// The current limit is the max_tokens with the most calls; a raise is
// proposed when its observed truncation rate is above the target beyond
// doubt (the Wilson interval's low end). Lowering the limit saves only the
// tokens of answers it would cut off, so it is proposed only when the current
// limit is lowerFactor times the recommended one, as a bound on runaway
// calls, and says so. Intervals come from draws of (μ̂, σ̂) from their
// asymptotic normal (Krinsky & Robb 1986).
//
// Memory is bounded whatever the number of events: per key at most
// maxSettingsPerKey settings (running moments; a new one replaces the least
// observed when full), maxLimitsPerKey max_tokens counters, and two DDSketches
// of output lengths; at most maxKeys keys. Not thread-safe: one instance per
// thread, or a lock around it.
class ParameterTuner {
public:
    // std::invalid_argument for an empty or out-of-range box, a step ≤ 0, a
    // truncation target outside (0, 0.5), lowerFactor ≤ 1 or a cap of 0.
    explicit ParameterTuner(ParameterTunerOptions options = {});

    // Reads service, task type, variant (model, prompt version, temperature,
    // top_p, max_tokens), output tokens, finish reason and quality(). Failed
    // calls and events with impossible values (non-finite or out-of-range
    // parameters, negative token counts, non-finite scores) are skipped and
    // counted in ignored().
    void observe(const LlmEvent& event);

    // At most one temperature / top_p and one max_tokens recommendation per
    // key (strategy "parameter_tuning", action "set_parameter"); costs need
    // `prices` (output price of the key's model), and are left out without it.
    std::vector<Recommendation> recommend(const PriceTable* prices = nullptr) const;

    uint64_t observed() const { return m_observed; }
    uint64_t ignored() const { return m_ignored; }
    size_t keys() const { return m_keys.size(); }
    // Distinct settings and max_tokens counters held, over all keys.
    size_t trackedSettings() const;

private:
    struct Setting {
        double temperature = 0.0; // rounded to 0.01
        double topP = 1.0;
        RunningStats quality;
        Variant variant; // the latest seen with this setting
    };
    struct Limit {
        int64_t maxTokens = 0;
        uint64_t calls = 0;
        uint64_t truncated = 0;
        Variant variant;
    };
    struct Key {
        std::string service;
        std::string taskType;
        std::string model;
        std::string promptVersion;
        int64_t lastUnixNano = 0;
        std::vector<Setting> settings;
        uint64_t evictedSettings = 0;
        std::vector<Limit> limits;
        QuantileSketch completedTokens; // output length of calls that stopped by themselves
        QuantileSketch truncatedTokens; // output length of calls cut off: censoring points
    };

    void observeSetting(Key& key, const LlmEvent& event, double quality);
    void observeLength(Key& key, const LlmEvent& event);
    bool tuneSampling(const Key& key, Recommendation& out) const;
    bool tuneMaxTokens(const Key& key, const PriceTable* prices, Recommendation& out) const;

    ParameterTunerOptions m_options;
    std::map<std::string, Key> m_keys; // by service, task type, model and prompt version
    std::string m_keyScratch;
    uint64_t m_observed = 0;
    uint64_t m_ignored = 0;
};

} // namespace llmopt
