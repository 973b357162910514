#include "experiment_plan.h"

#include "answer_metrics.h"
#include "experiment_dataset.h"
#include "experiment_definition.h"
#include "power_analysis.h"
#include "price_table.h"

#include <algorithm>
#include <cstdio>

namespace llmopt::offline {

namespace {

using nlohmann::json;

std::string usd(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "$%.2f", value);
    return buffer;
}

std::string fixed(double value, int digits)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return buffer;
}

json optionalJson(const std::optional<double>& value)
{
    return value ? json(*value) : json(nullptr);
}

// The smallest p2 > p1 that `n` per arm detects at `power` (bisection: power grows with p2).
std::optional<double> detectableProportion(double p1, uint64_t n, double alpha, double power)
{
    double low = p1, high = 1.0 - 1e-9;
    if (powerTwoProportions(p1, high, n, alpha) < power)
        return std::nullopt;
    for (int i = 0; i < 60; ++i) {
        const double mid = (low + high) / 2;
        (powerTwoProportions(p1, mid, n, alpha) < power ? low : high) = mid;
    }
    return high - p1;
}

} // namespace

ExperimentPlan ExperimentPlan::compute(const ExperimentDefinition& d,
                                       const ExperimentDataset& dataset, const PriceTable& prices,
                                       const Options& options)
{
    ExperimentPlan plan;
    plan.primaryMetric = d.primaryMetric;
    plan.datasetItems = dataset.size();
    plan.spendCapUsd = d.spendCapUsd;
    plan.concurrency = std::max(1, d.concurrency);
    plan.assumedLatencyMs = options.assumedLatencyMs;

    // Sample size on the primary metric.
    const MetricSpec* primary = d.primary();
    const size_t comparisons = d.arms.size() > 1 ? d.arms.size() - 1 : 1;
    const double alpha = d.alpha / double(comparisons);
    const bool proportion = primary && primary->isProportion();
    const double p1 = d.baselineRateOrDefault(), p2 = p1 + d.minimumEffect;
    const std::optional<double> sd = d.standardDeviationOrDefault();
    if (proportion) {
        plan.method = "two proportions, normal approximation (as R power.prop.test)";
        plan.requiredPerArm = sampleSizeTwoProportions(p1, p2, alpha, d.power);
        plan.notes.push_back("baseline rate " + fixed(p1, 2)
                             + (d.baselineRate ? "" : " (the default; set baseline_rate)")
                             + ", detecting " + fixed(p2, 2));
    } else {
        plan.method = "two means, noncentral t (as R power.t.test)";
        if (sd) {
            plan.requiredPerArm = sampleSizeTwoMeans(d.minimumEffect, *sd, alpha, d.power);
            plan.notes.push_back("standard deviation " + json(*sd).dump()
                                 + (d.standardDeviation
                                        ? ""
                                        : " (the default for a 0–1 judge score; set "
                                          "standard_deviation)"));
        }
    }
    if (comparisons > 1)
        plan.method += ", α split over " + std::to_string(comparisons)
            + " comparisons with the control (Bonferroni)";
    auto powerAt = [&](uint64_t n) {
        return proportion ? powerTwoProportions(p1, p2, n, alpha)
                          : powerTwoMeans(d.minimumEffect, sd.value_or(0.0), n, alpha);
    };
    if (plan.requiredPerArm == 0) {
        plan.problems.push_back("no sample size: the primary metric, minimum effect, baseline or "
                                "SD, α or power is out of range (see the definition's problems)");
    } else {
        plan.itemsPerArm = std::min<uint64_t>(plan.requiredPerArm, dataset.size());
        plan.plannedPower = powerAt(plan.itemsPerArm);
        if (plan.requiredPerArm > dataset.size()) {
            plan.datasetTooSmall = true;
            if (proportion)
                plan.detectableEffect = detectableProportion(p1, dataset.size(), alpha, d.power);
            else if (const double mdd = minimumDetectableDifference(*sd, dataset.size(), alpha,
                                                                    d.power);
                     mdd > 0) // none with fewer than two items
                plan.detectableEffect = mdd;
            std::string problem = "the dataset has " + std::to_string(dataset.size())
                + " items, but power " + fixed(d.power, 2) + " needs "
                + std::to_string(plan.requiredPerArm) + " per arm; with all of them the power is "
                + fixed(plan.plannedPower, 2) + ". Add items";
            if (plan.detectableEffect)
                problem += ", or raise minimum_effect to "
                    + fixed(*plan.detectableEffect, proportion ? 3 : 4);
            plan.problems.push_back(problem + ", or accept the lower power");
        }
    }

    // Tokens and cost per arm, from the items that will run.
    const std::vector<DatasetItem>& items = dataset.items();
    const size_t planned = plan.itemsPerArm;
    bool allPriced = true;
    double total = 0.0;
    std::vector<std::string> unpriced;
    auto priceOf = [&](const std::string& model, const std::string& user) {
        const ModelPrice* price = prices.find(model);
        if (!price && std::find(unpriced.begin(), unpriced.end(), model) == unpriced.end()) {
            unpriced.push_back(model);
            plan.problems.push_back("the price table has no price for \"" + model + "\" (" + user
                                    + "): the cost is unknown, not $0; add the model to the "
                                      "price table");
        }
        return price;
    };
    std::vector<std::pair<const MetricSpec*, const ModelPrice*>> judges;
    for (const MetricSpec& m : d.metrics)
        if (m.kind == MetricKind::Judge)
            judges.emplace_back(&m, priceOf(m.judgeModel, "judge of metric \"" + m.name + "\""));
    const bool judgesPriced = std::all_of(
        judges.begin(), judges.end(), [](const auto& judge) { return judge.second != nullptr; });
    for (const ExperimentArm& arm : d.arms) {
        ArmPlan a;
        a.arm = arm.name;
        a.model = arm.model;
        a.outputFromMaxTokens = arm.params.maxTokens.has_value();
        a.outputTokensPerCall = arm.params.maxTokens.value_or(options.defaultOutputTokens);
        const ModelPrice* price = priceOf(arm.model, "arm \"" + arm.name + "\"");
        double callCost = 0.0, judgeCost = 0.0, inputTokens = 0.0;
        size_t rendered = 0;
        for (size_t i = 0; i < planned; ++i) {
            const DatasetItem& item = items[i];
            std::string prompt;
            int64_t in = 0;
            try {
                prompt = arm.prompt.render(item.variables, item.id);
                in = int64_t(
                    AnswerMetrics::estimateTokens(prompt)
                    + AnswerMetrics::estimateTokens(arm.system.render(item.variables, item.id)));
            } catch (const ConfigError& e) {
                if (rendered == i) // the first failure of this arm
                    plan.problems.push_back(std::string(e.what()) + " (arm \"" + arm.name + "\")");
                continue;
            }
            ++rendered;
            inputTokens += double(in);
            if (price)
                callCost += PriceTable::cost(*price, in, a.outputTokensPerCall, 0, 0);
            for (const auto& [judge, judgePrice] : judges) {
                if (!judgePrice)
                    continue;
                // The answer is not known yet: count it at the arm's output tokens.
                const int64_t judgeIn = int64_t(AnswerMetrics::estimateTokens(judge->judgePrompt(
                                            prompt, "", item.reference.value_or(""), item.id)))
                    + a.outputTokensPerCall;
                judgeCost
                    += PriceTable::cost(*judgePrice, judgeIn, options.judgeOutputTokens, 0, 0);
            }
        }
        a.inputTokensPerCall = rendered ? inputTokens / double(rendered) : 0.0;
        if (price)
            a.callCostUsd = callCost;
        if (judgesPriced)
            a.judgeCostUsd = judgeCost;
        if (a.callCostUsd && a.judgeCostUsd) {
            a.costUsd = callCost + judgeCost;
            total += *a.costUsd;
        } else {
            allPriced = false;
        }
        plan.notes.push_back("arm \"" + arm.name + "\": "
                             + (a.outputFromMaxTokens ? "output counted at its max_tokens "
                                        + std::to_string(a.outputTokensPerCall)
                                        + " (an upper bound)"
                                                      : "no max_tokens; output assumed "
                                        + std::to_string(a.outputTokensPerCall) + " tokens"));
        plan.arms.push_back(std::move(a));
    }
    if (allPriced)
        plan.totalCostUsd = total;
    plan.notes.push_back("input tokens estimated as characters / 4 of the rendered prompts");
    if (!judges.empty())
        plan.notes.push_back("judge calls: the rubric with the prompt, reference and an answer of "
                             "the arm's output tokens, answered in "
                             + std::to_string(options.judgeOutputTokens) + " tokens");
    if (plan.totalCostUsd && d.spendCapUsd && *plan.totalCostUsd > *d.spendCapUsd)
        plan.problems.push_back("the estimated cost " + usd(*plan.totalCostUsd)
                                + " exceeds the spend cap " + usd(*d.spendCapUsd)
                                + ": the run would stop early; raise spend_cap_usd or plan fewer "
                                  "arms or a larger minimum_effect");
    if (!plan.totalCostUsd && d.spendCapUsd)
        plan.notes.push_back("the spend cap cannot be checked before the run: a price is unknown");

    plan.calls = uint64_t(d.arms.size()) * plan.itemsPerArm * (1 + judges.size());
    plan.durationSeconds
        = double(plan.calls) * options.assumedLatencyMs / 1000.0 / double(plan.concurrency);
    plan.notes.push_back("duration assumes " + fixed(options.assumedLatencyMs, 0)
                         + " ms per call with " + std::to_string(plan.concurrency)
                         + " calls at once");
    return plan;
}

json ExperimentPlan::toJson() const
{
    json armsJson = json::array();
    for (const ArmPlan& a : arms)
        armsJson.push_back(
            {{"arm", a.arm},
             {"model", a.model},
             {"input_tokens_per_call", a.inputTokensPerCall},
             {"output_tokens_per_call", a.outputTokensPerCall},
             {"output_tokens_from", a.outputFromMaxTokens ? "max_tokens" : "default"},
             {"call_cost_usd", optionalJson(a.callCostUsd)},
             {"judge_cost_usd", optionalJson(a.judgeCostUsd)},
             {"cost_usd", optionalJson(a.costUsd)}});
    return {{"primary_metric", primaryMetric},
            {"method", method},
            {"required_per_arm", requiredPerArm},
            {"dataset_items", datasetItems},
            {"items_per_arm", itemsPerArm},
            {"planned_power", plannedPower},
            {"dataset_too_small", datasetTooSmall},
            {"detectable_effect", optionalJson(detectableEffect)},
            {"arms", std::move(armsJson)},
            {"calls", calls},
            {"total_cost_usd", optionalJson(totalCostUsd)},
            {"spend_cap_usd", optionalJson(spendCapUsd)},
            {"assumed_latency_ms", assumedLatencyMs},
            {"concurrency", concurrency},
            {"duration_seconds", durationSeconds},
            {"notes", notes},
            {"problems", problems}};
}

} // namespace llmopt::offline
