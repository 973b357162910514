#include "offline_results.h"

#include "event_store.h"
#include "experiment_definition.h"
#include "power_analysis.h"
#include "running_stats.h"
#include "sequential_test.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace llmopt::offline {

using nlohmann::json;

namespace {

enum class Scale { Proportion, Continuous, Judge };

Scale scaleOf(const MetricSpec& spec)
{
    if (spec.kind == MetricKind::Judge)
        return Scale::Judge;
    return spec.isProportion() ? Scale::Proportion : Scale::Continuous;
}

std::string scaleName(Scale scale)
{
    switch (scale) {
    case Scale::Proportion:
        return "proportion";
    case Scale::Judge:
        return "judge";
    case Scale::Continuous:
        break;
    }
    return "continuous";
}

json number(double x)
{
    return std::isfinite(x) ? json(x) : json(nullptr);
}

json optionalNumber(const std::optional<double>& x)
{
    return x ? number(*x) : json(nullptr);
}

std::optional<double> scoreOf(const json& scores, const std::string& metric)
{
    if (!scores.is_object())
        return std::nullopt;
    const auto it = scores.find(metric);
    if (it == scores.end() || !it->is_number())
        return std::nullopt;
    return it->get<double>();
}

std::string fixed(double x, int digits)
{
    if (!std::isfinite(x))
        return "-";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
    return buffer;
}

std::string pValueText(double p)
{
    if (p < 0.0001)
        return "<0.0001";
    return fixed(p, 4);
}

} // namespace

bool OfflineResults::higherIsBetter(MetricKind kind)
{
    switch (kind) {
    case MetricKind::LengthChars:
    case MetricKind::LengthTokens:
    case MetricKind::LatencyMs:
    case MetricKind::CostUsd:
        return false;
    default:
        return true;
    }
}

OfflineResults OfflineResults::compute(const ExperimentDefinition& definition,
                                       const std::vector<ExperimentItemResult>& results,
                                       int64_t experimentId)
{
    OfflineResults r;
    r.experimentId = experimentId;
    r.experiment = definition.name;
    r.primaryMetric = definition.primaryMetric;
    r.alpha = definition.alpha;
    r.minimumEffect = definition.minimumEffect;

    const size_t armCount = definition.arms.size();
    std::map<std::string, size_t> armIndex;
    for (size_t a = 0; a < armCount; ++a)
        armIndex[definition.arms[a].name] = a;

    // The scored outcomes per arm, item id → scores; errors are counted apart.
    std::vector<std::map<std::string, const json*>> scored(armCount);
    std::vector<std::string> itemOrder; // first seen, the control's order first
    std::set<std::string> seenItems;
    r.arms.resize(armCount);
    for (size_t a = 0; a < armCount; ++a)
        r.arms[a].arm = definition.arms[a].name;
    for (int pass = 0; pass < 2; ++pass) // the control's items first, for a stable table
        for (const ExperimentItemResult& row : results) {
            const auto it = armIndex.find(row.arm);
            if (it == armIndex.end() || (pass == 0) != (it->second == 0))
                continue;
            ArmSummary& arm = r.arms[it->second];
            ++arm.items;
            if (row.status != "ok") {
                ++arm.errors;
                continue;
            }
            scored[it->second][row.itemId] = &row.scores;
            if (seenItems.insert(row.itemId).second)
                itemOrder.push_back(row.itemId);
        }

    // Per metric: each arm's scores, its summary, and each treatment against the control.
    for (const MetricSpec& spec : definition.metrics) {
        const Scale scale = scaleOf(spec);
        std::vector<std::vector<double>> values(armCount);
        for (size_t a = 0; a < armCount; ++a) {
            for (const auto& [item, scores] : scored[a])
                if (const auto v = scoreOf(*scores, spec.name))
                    values[a].push_back(*v);
            RunningStats stats;
            uint64_t successes = 0;
            for (double v : values[a]) {
                stats.add(v);
                successes += v >= 0.5 ? 1 : 0;
            }
            MetricSummary s;
            s.metric = spec.name;
            s.scale = scaleName(scale);
            s.n = stats.count();
            s.mean = stats.mean();
            s.standardDeviation = std::sqrt(stats.variance());
            if (scale == Scale::Proportion) {
                s.interval = s.n > 0 ? wilsonInterval(successes, s.n, definition.alpha)
                                     : Interval{0.0, 1.0};
                s.intervalMethod = "Wilson score";
            } else {
                s.interval = s.n > 1
                    ? meanInterval(s.mean, s.standardDeviation, s.n, definition.alpha)
                    : Interval{-INFINITY, INFINITY};
                s.intervalMethod = "Student t";
            }
            r.arms[a].metrics.push_back(s);
        }

        std::vector<MetricComparison> comparisons;
        std::vector<double> pValues;
        const bool higher = higherIsBetter(spec.kind);
        for (size_t a = 1; a < armCount; ++a) {
            MetricComparison c;
            c.arm = definition.arms[a].name;
            c.metric = spec.name;
            const std::vector<double>& control = values[0];
            const std::vector<double>& treatment = values[a];
            if (control.empty() || treatment.empty()) {
                c.test.method = "not enough data";
            } else if (scale == Scale::Proportion) {
                const auto successes = [](const std::vector<double>& v) {
                    return uint64_t(
                        std::count_if(v.begin(), v.end(), [](double x) { return x >= 0.5; }));
                };
                c.test
                    = compareProportions(successes(control), control.size(), successes(treatment),
                                         treatment.size(), definition.alpha);
            } else if (scale == Scale::Judge) {
                c.test = mannWhitney(control, treatment, definition.alpha);
            } else {
                RunningStats sa;
                RunningStats sb;
                for (double v : control)
                    sa.add(v);
                for (double v : treatment)
                    sb.add(v);
                c.test = compareMeans(sa, sb, definition.alpha);
            }
            // Always-valid p (mSPRT) on the difference of means; τ is the
            // declared minimum effect for the primary metric, else half the
            // control's SD (a "medium" standardised effect).
            const MetricSummary& ms = r.arms[0].metrics.back();
            const MetricSummary& mt = r.arms[a].metrics.back();
            if (ms.n > 1 && mt.n > 1) {
                const double tau
                    = spec.name == definition.primaryMetric && definition.minimumEffect > 0
                    ? definition.minimumEffect
                    : std::max(0.5 * ms.standardDeviation, 1e-9);
                SequentialTest sequential(definition.alpha, tau);
                sequential.look(mt.mean - ms.mean,
                                ms.standardDeviation * ms.standardDeviation / double(ms.n)
                                    + mt.standardDeviation * mt.standardDeviation / double(mt.n));
                c.alwaysValidP = sequential.pValue();
            }
            const double difference = mt.n && ms.n ? mt.mean - ms.mean : 0.0;
            c.better = higher ? difference > 0 : difference < 0;
            comparisons.push_back(c);
            pValues.push_back(c.test.pValue);
        }
        const std::vector<double> adjusted = holmAdjusted(pValues);
        for (size_t i = 0; i < comparisons.size(); ++i) {
            comparisons[i].holmP = adjusted[i];
            comparisons[i].significant = adjusted[i] <= definition.alpha;
            r.comparisons.push_back(comparisons[i]);
        }
    }

    // Items on which the arms' primary scores differ.
    for (const std::string& item : itemOrder) {
        Disagreement d;
        d.itemId = item;
        std::set<double> distinct;
        for (size_t a = 0; a < armCount; ++a) {
            const auto it = scored[a].find(item);
            std::optional<double> v;
            if (it != scored[a].end())
                v = scoreOf(*it->second, definition.primaryMetric);
            if (v)
                distinct.insert(*v);
            d.scores.push_back(v);
        }
        if (distinct.size() > 1)
            r.disagreements.push_back(std::move(d));
    }

    // The verdict, on the primary metric.
    const MetricSpec* primary = definition.primary();
    OfflineVerdict& v = r.verdict;
    if (!primary || armCount < 2) {
        v.kind = "insufficient_data";
        v.text = "the definition has no primary metric or fewer than two arms";
        return r;
    }
    const MetricSummary* control = r.summary(definition.arms[0].name, primary->name);
    uint64_t smallest = control ? control->n : 0;
    for (size_t a = 1; a < armCount; ++a)
        if (const MetricSummary* s = r.summary(definition.arms[a].name, primary->name))
            smallest = std::min(smallest, s->n);
    if (!control || smallest < 2) {
        v.kind = "insufficient_data";
        v.text = "fewer than two scored items in an arm on " + primary->name
            + ": run the experiment (again) before drawing a conclusion";
        return r;
    }
    const bool higher = higherIsBetter(primary->kind);
    const MetricComparison* best = nullptr;
    std::vector<std::string> worse;
    for (const MetricComparison& c : r.comparisons) {
        if (c.metric != primary->name || !c.significant)
            continue;
        if (!c.better) {
            worse.push_back(c.arm);
            continue;
        }
        const double mean = r.summary(c.arm, c.metric)->mean;
        if (!best
            || (higher ? mean > r.summary(best->arm, c.metric)->mean
                       : mean < r.summary(best->arm, c.metric)->mean))
            best = &c;
    }

    // Achieved power and detectable effect with the items scored, each
    // comparison at α/(k − 1) as the plan assumed (Holm is at least as powerful).
    const double alphaEach = definition.alpha / double(armCount - 1);
    double sd = 0.0;
    if (scaleOf(*primary) == Scale::Proportion) {
        const double p1 = std::clamp(control->mean, 0.001, 0.999);
        double p2 = p1 + (higher ? 1 : -1) * definition.minimumEffect;
        if (p2 >= 1.0 || p2 <= 0.0)
            p2 = p1 - (higher ? 1 : -1) * definition.minimumEffect;
        if (p2 > 0.0 && p2 < 1.0)
            v.achievedPower = powerTwoProportions(p1, p2, smallest, alphaEach);
        // Normal approximation for the detectable effect, at the midpoint of
        // the control's rate and the planned alternative (a control rate near
        // 0 or 1 would otherwise make any difference look detectable).
        const double midpoint = (p1 + std::clamp(p2, 0.0, 1.0)) / 2;
        sd = std::sqrt(midpoint * (1 - midpoint));
    } else {
        RunningStats pooled;
        for (const ArmSummary& arm : r.arms)
            for (const MetricSummary& s : arm.metrics)
                if (s.metric == primary->name)
                    pooled.add(s.standardDeviation);
        sd = pooled.mean();
        if (sd > 0)
            v.achievedPower = powerTwoMeans(definition.minimumEffect, sd, smallest, alphaEach);
    }
    if (sd > 0)
        v.detectableEffect = minimumDetectableDifference(sd, smallest, alphaEach, definition.power);

    if (best) {
        const MetricSummary* s = r.summary(best->arm, primary->name);
        v.kind = "winner";
        v.winner = best->arm;
        v.text = best->arm + " is better than the control " + definition.arms[0].name + " on "
            + primary->name + ": " + fixed(s->mean, 4) + " vs " + fixed(control->mean, 4)
            + " (difference " + fixed(best->test.difference, 4) + ", Holm-adjusted p "
            + pValueText(best->holmP) + ", " + best->test.method + ")";
    } else if (!worse.empty()) {
        std::string names;
        for (const std::string& n : worse)
            names += (names.empty() ? "" : ", ") + n;
        v.kind = "control_better";
        v.text = "the control " + definition.arms[0].name + " is significantly better than " + names
            + " on " + primary->name + "; no arm beats it";
    } else {
        v.kind = "no_significant_difference";
        v.text = "no significant difference from the control " + definition.arms[0].name + " on "
            + primary->name + " after Holm's adjustment";
        if (v.achievedPower)
            v.text += "; with " + std::to_string(smallest) + " items per arm the power to find "
                + fixed(definition.minimumEffect, 4) + " was " + fixed(*v.achievedPower, 2);
        if (v.detectableEffect)
            v.text += "; the smallest effect these items find at power "
                + fixed(definition.power, 2) + " is about " + fixed(*v.detectableEffect, 4);
    }
    return r;
}

const MetricComparison* OfflineResults::comparison(const std::string& arm,
                                                   const std::string& metric) const
{
    for (const MetricComparison& c : comparisons)
        if (c.arm == arm && c.metric == metric)
            return &c;
    return nullptr;
}

const MetricSummary* OfflineResults::summary(const std::string& arm,
                                             const std::string& metric) const
{
    for (const ArmSummary& a : arms)
        if (a.arm == arm)
            for (const MetricSummary& s : a.metrics)
                if (s.metric == metric)
                    return &s;
    return nullptr;
}

std::optional<Recommendation>
OfflineResults::liveRecommendation(const ExperimentDefinition& definition,
                                   const std::string& service, int64_t now) const
{
    if (verdict.kind != "winner" || definition.arms.empty())
        return std::nullopt;
    const ExperimentArm& control = definition.arms.front();
    json variants = json::array();
    for (const ExperimentArm& arm : definition.arms) {
        if (arm.name != control.name && arm.name != verdict.winner)
            continue;
        json params = arm.params.toJson();
        params["prompt_template"] = arm.prompt.text();
        if (!arm.system.text().empty())
            params["system_template"] = arm.system.text();
        variants.push_back({{"name", arm.name},
                            {"model", arm.model},
                            {"prompt_version", "experiment:" + definition.name + "/" + arm.name},
                            {"params", params}});
    }
    Recommendation r;
    r.createdUnixNano = now;
    r.strategy = "offline_experiment";
    r.topic = definition.name;
    r.service = service;
    r.fromVariant = control.name;
    r.toVariant = verdict.winner;
    r.action = "switch";
    r.summary = "Offline experiment " + definition.name + ": " + verdict.text + " Roll "
        + verdict.winner + " out to " + service + " as a canary.";
    if (const MetricComparison* c = comparison(verdict.winner, primaryMetric))
        r.impact = {{primaryMetric,
                     {{"value", c->test.difference},
                      {"low", c->test.interval.low},
                      {"high", c->test.interval.high}}}};
    r.evidence = {{"experiment_id", experimentId}, {"results", toJson()}, {"variants", variants}};
    return r;
}

json OfflineResults::toJson() const
{
    json j;
    j["schema_version"] = kSchemaVersion;
    j["experiment_id"] = experimentId;
    j["experiment"] = experiment;
    j["primary_metric"] = primaryMetric;
    j["alpha"] = alpha;
    j["minimum_effect"] = minimumEffect;
    j["control"] = arms.empty() ? json(nullptr) : json(arms.front().arm);
    json armsJson = json::array();
    for (const ArmSummary& a : arms) {
        json metrics = json::array();
        for (const MetricSummary& s : a.metrics)
            metrics.push_back({{"metric", s.metric},
                               {"scale", s.scale},
                               {"n", s.n},
                               {"mean", s.n ? number(s.mean) : json(nullptr)},
                               {"sd", s.n > 1 ? number(s.standardDeviation) : json(nullptr)},
                               {"ci",
                                {{"low", number(s.interval.low)},
                                 {"high", number(s.interval.high)},
                                 {"method", s.intervalMethod}}}});
        armsJson.push_back(
            {{"name", a.arm}, {"items", a.items}, {"errors", a.errors}, {"metrics", metrics}});
    }
    j["arms"] = armsJson;
    json comparisonsJson = json::array();
    for (const MetricComparison& c : comparisons)
        comparisonsJson.push_back(
            {{"arm", c.arm},
             {"metric", c.metric},
             {"method", c.test.method},
             {"statistic", number(c.test.statistic)},
             {"p_value", number(c.test.pValue)},
             {"holm_p_value", number(c.holmP)},
             {"always_valid_p_value", number(c.alwaysValidP)},
             {"difference", number(c.test.difference)},
             {"ci", {{"low", number(c.test.interval.low)}, {"high", number(c.test.interval.high)}}},
             {"effect_size",
              {{"name", c.test.effectSizeName}, {"value", number(c.test.effectSize)}}},
             {"significant", c.significant},
             {"better", c.better}});
    j["comparisons"] = comparisonsJson;
    j["verdict"] = {{"kind", verdict.kind},
                    {"winner", verdict.winner.empty() ? json(nullptr) : json(verdict.winner)},
                    {"text", verdict.text},
                    {"achieved_power", optionalNumber(verdict.achievedPower)},
                    {"detectable_effect", optionalNumber(verdict.detectableEffect)}};
    json disagreementsJson = json::array();
    for (const Disagreement& d : disagreements) {
        json scores = json::object();
        for (size_t a = 0; a < d.scores.size() && a < arms.size(); ++a)
            scores[arms[a].arm] = optionalNumber(d.scores[a]);
        disagreementsJson.push_back({{"item", d.itemId}, {"scores", scores}});
    }
    j["disagreements"] = disagreementsJson;
    return j;
}

std::string OfflineResults::toText() const
{
    std::string out = "experiment " + experiment + " (id " + std::to_string(experimentId)
        + "), primary metric " + primaryMetric + ", alpha " + fixed(alpha, 3) + "\n\n";
    out += "arm\tmetric\tn\tmean\tci\n";
    for (const ArmSummary& a : arms) {
        for (const MetricSummary& s : a.metrics)
            out += a.arm + "\t" + s.metric + "\t" + std::to_string(s.n) + "\t"
                + (s.n ? fixed(s.mean, 4) : "-") + "\t[" + fixed(s.interval.low, 4) + ", "
                + fixed(s.interval.high, 4) + "]\n";
        if (a.errors > 0)
            out += a.arm + "\t(errors)\t" + std::to_string(a.errors) + "\n";
    }
    if (!comparisons.empty()) {
        out += "\narm vs control\tmetric\tdifference\tci\tp\tholm p\talways-valid "
               "p\teffect\tmethod\n";
        for (const MetricComparison& c : comparisons)
            out += c.arm + "\t" + c.metric + "\t" + fixed(c.test.difference, 4) + "\t["
                + fixed(c.test.interval.low, 4) + ", " + fixed(c.test.interval.high, 4) + "]\t"
                + pValueText(c.test.pValue) + "\t" + pValueText(c.holmP) + "\t"
                + pValueText(c.alwaysValidP) + "\t" + c.test.effectSizeName + " "
                + fixed(c.test.effectSize, 3) + "\t" + c.test.method + "\n";
    }
    out += "\nverdict: " + verdict.text + "\n";
    if (!disagreements.empty()) {
        constexpr size_t kShown = 20;
        out += "\n" + std::to_string(disagreements.size()) + " items where the arms disagree on "
            + primaryMetric + (disagreements.size() > kShown ? " (the first 20)" : "") + ":\nitem";
        for (const ArmSummary& a : arms)
            out += "\t" + a.arm;
        out += "\n";
        for (size_t i = 0; i < disagreements.size() && i < kShown; ++i) {
            out += disagreements[i].itemId;
            for (const auto& s : disagreements[i].scores)
                out += "\t" + (s ? fixed(*s, 3) : std::string("-"));
            out += "\n";
        }
    }
    return out;
}

} // namespace llmopt::offline
