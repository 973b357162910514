#include "analysis_report.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace llmopt {

using nlohmann::json;

namespace {

json optionalNumber(const std::optional<double>& v)
{
    return v ? json(*v) : json(nullptr);
}

std::vector<const VariantSummary*> sorted(const std::vector<VariantSummary>& rows)
{
    std::vector<const VariantSummary*> out;
    for (const VariantSummary& r : rows)
        out.push_back(&r);
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) {
        return std::tie(a->service, a->variantId) < std::tie(b->service, b->variantId);
    });
    return out;
}

} // namespace

json AnalysisReport::variantsJson(const std::vector<VariantSummary>& variants)
{
    json out = json::array();
    for (const VariantSummary* v : sorted(variants)) {
        json latency = {{"p50", v->latencyMs.quantile(0.50)},
                        {"p95", v->latencyMs.quantile(0.95)},
                        {"p99", v->latencyMs.quantile(0.99)}};
        json ttft = v->ttftMs.count() ? json{{"p50", v->ttftMs.quantile(0.50)},
                                             {"p95", v->ttftMs.quantile(0.95)},
                                             {"p99", v->ttftMs.quantile(0.99)}}
                                      : json(nullptr);
        out.push_back({
            {"service", v->service},
            {"variant_id", v->variantId},
            {"variant_name", v->variantName},
            {"variant", v->variantLabel},
            {"model", v->model},
            {"provider", v->provider},
            {"requests", v->requests},
            {"errors", v->errors},
            {"error_rate", v->errorRate()},
            {"input_tokens", v->inputTokens},
            {"output_tokens", v->outputTokens},
            {"cache_read_tokens", v->cacheReadTokens},
            {"latency_ms", latency},
            {"ttft_ms", ttft},
            {"cost_usd", v->costUsd},
            {"cost_per_request_usd", optionalNumber(v->costPerRequest())},
            {"cost_unknown_requests", v->costUnknown},
            {"quality", {{"mean", optionalNumber(v->meanQuality())}, {"n", v->qualityCount}}},
            {"user_feedback", {{"up", v->feedbackUp}, {"down", v->feedbackDown}}},
            {"first_time_unix_nano", v->firstUnixNano},
            {"last_time_unix_nano", v->lastUnixNano},
        });
    }
    return out;
}

std::map<std::string, std::string> AnalysisReport::variantLabels() const
{
    std::map<std::string, std::string> labels;
    for (const VariantSummary& v : variants)
        if (!v.variantName.empty())
            labels.emplace(v.variantId, v.variantName);
    return labels;
}

std::string AnalysisReport::toJson() const
{
    json problemsJson = json::array();
    for (const InputProblem& p : problems)
        problemsJson.push_back({{"file", p.file}, {"line", p.line}, {"reason", p.reason}});
    json doc = {
        {"schema_version", 1},
        {"files", files},
        {"events",
         {{"received", counters.received},
          {"stored", counters.stored},
          {"duplicates", counters.duplicates},
          {"rejected", counters.rejected},
          {"unknown_cost", counters.unknownCost},
          {"spans_skipped_not_llm", spansSkipped}}},
        {"problems", problemsJson},
        {"variants", variantsJson(variants)},
        {"windows",
         {{"grouping", windows.grouping},
          {"kind", windows.kind},
          {"size_seconds", windows.sizeSeconds},
          {"closed", windows.closed},
          {"late_events", windows.lateEvents}}},
        {"findings",
         [&] {
             json list = json::array();
             for (const Finding& f : findings)
                 list.push_back(f.toJson());
             return list;
         }()},
        {"experiments",
         [&] {
             json list = json::array();
             for (const ExperimentResult& x : experiments)
                 list.push_back(x.toJson());
             return list;
         }()},
        {"pareto", DecisionEngine::toJson(pareto, variantLabels())},
        {"recommendations",
         [&] {
             json list = json::array();
             for (const Recommendation& r : recommendations)
                 list.push_back(r.toJson());
             return list;
         }()},
    };
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string AnalysisReport::toText() const
{
    std::string out;
    char line[512];
    std::snprintf(line, sizeof line,
                  "%llu events read: %llu analysed, %llu duplicates, %llu rejected, %llu without a "
                  "known price; %llu spans skipped as not LLM calls\n\n",
                  static_cast<unsigned long long>(counters.received),
                  static_cast<unsigned long long>(counters.stored),
                  static_cast<unsigned long long>(counters.duplicates),
                  static_cast<unsigned long long>(counters.rejected),
                  static_cast<unsigned long long>(counters.unknownCost),
                  static_cast<unsigned long long>(spansSkipped));
    out += line;
    std::snprintf(line, sizeof line, "%-16s %-18s %-22s %9s %7s %9s %9s %11s %10s %8s\n", "service",
                  "variant", "model", "requests", "errors", "p50 ms", "p95 ms", "cost USD",
                  "USD/req", "quality");
    out += line;
    for (const VariantSummary* v : sorted(variants)) {
        const auto quality = v->meanQuality();
        const auto perRequest = v->costPerRequest();
        const std::string& name = v->variantName.empty() ? v->variantId : v->variantName;
        std::snprintf(line, sizeof line,
                      "%-16s %-18s %-22s %9llu %6.2f%% %9.0f %9.0f %11.4f %10.6f %8s\n",
                      v->service.c_str(), name.c_str(), v->model.c_str(),
                      static_cast<unsigned long long>(v->requests), 100.0 * v->errorRate(),
                      v->latencyMs.quantile(0.5), v->latencyMs.quantile(0.95), v->costUsd,
                      perRequest.value_or(0.0),
                      quality ? std::to_string(*quality).substr(0, 5).c_str() : "-");
        out += line;
    }
    if (!experiments.empty())
        out += "\n";
    for (const ExperimentResult& x : experiments)
        out += x.toText();
    const auto labels = variantLabels();
    auto name = [&](const std::string& id) {
        const auto it = labels.find(id);
        return it != labels.end() ? it->second : id;
    };
    for (const DecisionEngine::ServiceView& v : pareto) {
        out += "\nPareto front of " + v.service + " (quality ↑, cost ↓, p95 ↓):";
        for (size_t i : v.front)
            out += " " + name(v.candidates[i].variantId);
        out += "\n  " + v.choice.reason + "\n";
    }
    if (!recommendations.empty())
        out += "\nrecommendations:\n";
    for (const Recommendation& r : recommendations)
        out += "  [" + r.strategy + "] " + r.summary + "\n";
    if (!findings.empty())
        out += "\nfindings:\n";
    for (const Finding& f : findings)
        out += "  [" + std::string(Finding::severityName(f.severity)) + "] " + f.summary + " — "
            + f.method + "\n";
    for (const InputProblem& p : problems) {
        std::snprintf(line, sizeof line, "%s:%zu: %s\n", p.file.c_str(), p.line, p.reason.c_str());
        out += line;
    }
    return out;
}

} // namespace llmopt
