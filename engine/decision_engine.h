#pragma once

#include "pareto_front.h"
#include "recommendation.h"
#include "window_stats.h"

#include <cstdint>
#include <deque>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace llmopt {

struct ExperimentResult;
struct WindowResult;

// The cost–performance strategy of the decision engine (DESIGN.md,
// DecisionEngine): per service, its variants' quality, cost per request and
// p95 latency over a trailing horizon of closed windows, with 95 % intervals;
// the Pareto front beyond noise; the cheapest variant within the operator's
// quality tolerance and latency SLO; and from that, recommendations with the
// expected monthly savings at current traffic. Winning experiments become
// recommendations too. Reads windows of the service/variant grouping.
class DecisionEngine {
public:
    struct Options {
        int horizonWindows = 60; // one hour of one-minute windows
        double maxQualityLoss = 0.02; // relative to the best variant's quality
        std::map<std::string, double> latencySloMs; // by service; none: no SLO
        uint64_t minScored = 100; // evaluated calls a variant needs in the horizon
        double minMonthlySavingsUsd = 1.0; // smaller savings are not worth a change
    };

    // One service's variants as the strategy sees them.
    struct ServiceView {
        std::string service;
        std::vector<ParetoCandidate> candidates;
        std::vector<uint64_t> requests; // per candidate, in the horizon
        std::vector<size_t> front;
        std::vector<std::optional<size_t>> dominatedBy;
        std::optional<size_t> knee;
        double hypervolume = 0.0; // of the front, reference: the worst candidate on each axis
        std::optional<size_t> incumbent; // the candidate with the most traffic
        ParetoFront::Choice choice;
    };

    DecisionEngine();
    explicit DecisionEngine(Options options);

    // A closed window of the service_variant grouping ("service/variant id").
    void add(const WindowResult& window);
    // The operator's names of variant ids, used in recommendations' summaries.
    void setLabels(std::map<std::string, std::string> labels) { m_labels = std::move(labels); }
    std::vector<ServiceView> services() const;
    // What the strategies propose now, created at `nowUnixNano`.
    std::vector<Recommendation> recommendations(const std::vector<ExperimentResult>& experiments,
                                                int64_t nowUnixNano) const;

    // As `pareto` in `analyze --format json` (docs/cli.md); labels map variant
    // ids to operator names where known.
    static nlohmann::json toJson(const std::vector<ServiceView>& views,
                                 const std::map<std::string, std::string>& labels);

private:
    static constexpr int kBlockWindows = 10; // windows merged into one block of the horizon
    struct Variant {
        std::deque<WindowStats> blocks; // oldest first; the last one is filling
        int windowsInLast = 0;
        int64_t firstUnixNano = 0;
        int64_t lastUnixNano = 0;
    };
    Recommendation fromPareto(const ServiceView& view, int64_t now) const;
    std::string name(const std::string& variantId) const;

    Options m_options;
    std::map<std::string, std::map<std::string, Variant>> m_services; // service → variant id
    std::map<std::string, std::string> m_labels;
};

} // namespace llmopt
