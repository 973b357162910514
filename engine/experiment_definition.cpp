#include "experiment_definition.h"

#include "price_table.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace llmopt::offline {

nlohmann::json ArmParams::toJson() const
{
    nlohmann::json params = nlohmann::json::object();
    if (temperature)
        params["temperature"] = *temperature;
    if (topP)
        params["top_p"] = *topP;
    if (maxTokens)
        params["max_tokens"] = *maxTokens;
    return params;
}

namespace {

using nlohmann::json;

// Typed access to the fields of one JSON object, with errors naming the
// field's path; fields it does not know are refused (a typo is not ignored).
class Fields {
public:
    Fields(const json& j, std::string path, std::string_view origin,
           std::initializer_list<std::string_view> known)
        : m_json(j)
        , m_path(std::move(path))
        , m_origin(origin)
    {
        if (!j.is_object())
            throw ConfigError(m_origin + ": " + (m_path.empty() ? "the definition" : m_path)
                              + " must be a JSON object");
        for (const auto& [key, value] : j.items())
            if (std::find(known.begin(), known.end(), key) == known.end())
                fail(key, "is not a known field; known are " + list(known));
    }

    std::string at(std::string_view key) const
    {
        return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
    }
    [[noreturn]] void fail(std::string_view key, const std::string& message) const
    {
        throw ConfigError(m_origin + ": " + at(key) + " " + message);
    }
    const json* find(std::string_view key) const
    {
        const auto it = m_json.find(key);
        return it == m_json.end() || it->is_null() ? nullptr : &*it;
    }
    std::string text(std::string_view key, bool required) const
    {
        const json* v = find(key);
        if (!v) {
            if (required)
                fail(key, "is missing");
            return {};
        }
        if (!v->is_string())
            fail(key, "must be a string");
        return v->get<std::string>();
    }
    std::optional<double> number(std::string_view key) const
    {
        const json* v = find(key);
        if (!v)
            return std::nullopt;
        if (!v->is_number())
            fail(key, "must be a number");
        return v->get<double>();
    }
    std::optional<int64_t> integer(std::string_view key) const
    {
        const json* v = find(key);
        if (!v)
            return std::nullopt;
        if (!v->is_number_integer())
            fail(key, "must be a whole number");
        return v->get<int64_t>();
    }
    const std::string& origin() const { return m_origin; }

private:
    static std::string list(std::initializer_list<std::string_view> names)
    {
        std::string out;
        for (std::string_view n : names)
            out += (out.empty() ? "" : ", ") + std::string(n);
        return out;
    }

    const json& m_json;
    std::string m_path;
    std::string m_origin;
};

ExperimentArm armFrom(const json& j, const std::string& path, std::string_view origin)
{
    const Fields f(j, path, origin, {"name", "provider", "model", "prompt", "system", "params"});
    ExperimentArm arm;
    arm.name = f.text("name", true);
    arm.provider = f.text("provider", false);
    arm.model = f.text("model", true);
    const std::string where = std::string(origin) + ": " + path;
    arm.prompt = PromptTemplate(f.text("prompt", true), where + ".prompt");
    arm.system = PromptTemplate(f.text("system", false), where + ".system");
    if (const json* params = f.find("params")) {
        const Fields p(*params, f.at("params"), origin, {"temperature", "top_p", "max_tokens"});
        arm.params.temperature = p.number("temperature");
        arm.params.topP = p.number("top_p");
        arm.params.maxTokens = p.integer("max_tokens");
    }
    return arm;
}

json armToJson(const ExperimentArm& arm)
{
    json j = {{"name", arm.name}, {"model", arm.model}, {"prompt", arm.prompt.text()}};
    if (!arm.provider.empty())
        j["provider"] = arm.provider;
    if (!arm.system.empty())
        j["system"] = arm.system.text();
    json params = arm.params.toJson();
    if (!params.empty())
        j["params"] = std::move(params);
    return j;
}

std::string columnList(const ExperimentDataset& dataset)
{
    std::string out;
    for (const std::string& c : dataset.columns())
        out += (out.empty() ? "" : ", ") + c;
    return out;
}

} // namespace

ExperimentDefinition ExperimentDefinition::fromJson(const json& j, std::string_view origin)
{
    const Fields f(j, "", origin,
                   {"schema_version", "name", "description", "arms", "dataset", "metrics",
                    "primary_metric", "alpha", "power", "minimum_effect", "baseline_rate",
                    "standard_deviation", "spend_cap_usd", "concurrency"});
    const std::optional<int64_t> version = f.integer("schema_version");
    if (!version)
        f.fail("schema_version",
               "is missing; this build reads \"schema_version\": "
                   + std::to_string(kSchemaVersion));
    if (*version != kSchemaVersion)
        f.fail("schema_version",
               std::to_string(*version) + " is not supported; this build reads "
                   + std::to_string(kSchemaVersion) + " (a newer llm-optimizer wrote it?)");
    ExperimentDefinition d;
    d.name = f.text("name", true);
    d.description = f.text("description", false);

    const json* arms = f.find("arms");
    if (!arms || !arms->is_array())
        f.fail("arms", "must be a list of arms, each {\"name\", \"model\", \"prompt\", …}");
    for (size_t i = 0; i < arms->size(); ++i)
        d.arms.push_back(armFrom((*arms)[i], "arms[" + std::to_string(i) + "]", origin));

    const json* dataset = f.find("dataset");
    if (!dataset)
        f.fail("dataset", "is missing; give at least {\"path\": \"items.csv\"}");
    const Fields ds(*dataset, "dataset", origin, {"path", "format", "reference_column"});
    d.dataset.path = ds.text("path", true);
    if (const std::string format = ds.text("format", false); !format.empty()) {
        const auto known = ExperimentDataset::formatFromName(format);
        if (!known)
            ds.fail("format", "\"" + format + "\" is unknown; use \"csv\" or \"jsonl\"");
        d.dataset.format = *known;
    } else if (const auto guessed = ExperimentDataset::formatForPath(d.dataset.path)) {
        d.dataset.format = *guessed;
    } else {
        ds.fail("format",
                "is missing and the path ends in neither .csv nor .jsonl; set "
                "\"format\": \"csv\" or \"jsonl\"");
    }
    if (const std::string column = ds.text("reference_column", false); !column.empty())
        d.dataset.referenceColumn = column;

    const json* metrics = f.find("metrics");
    if (!metrics || !metrics->is_array())
        f.fail("metrics", "must be a list of metrics, each {\"kind\": …}");
    for (size_t i = 0; i < metrics->size(); ++i) {
        const std::string path = "metrics[" + std::to_string(i) + "]";
        try {
            d.metrics.push_back(MetricSpec::fromJson((*metrics)[i], path));
        } catch (const ConfigError& e) {
            throw ConfigError(std::string(origin) + ": " + e.what());
        }
    }
    d.primaryMetric = f.text("primary_metric", false);
    if (d.primaryMetric.empty() && !d.metrics.empty())
        d.primaryMetric = d.metrics.front().name;
    d.alpha = f.number("alpha").value_or(d.alpha);
    d.power = f.number("power").value_or(d.power);
    d.minimumEffect = f.number("minimum_effect").value_or(d.minimumEffect);
    d.baselineRate = f.number("baseline_rate");
    d.standardDeviation = f.number("standard_deviation");
    d.spendCapUsd = f.number("spend_cap_usd");
    const int64_t concurrency = f.integer("concurrency").value_or(d.concurrency);
    if (concurrency < 1 || concurrency > kMaxConcurrency)
        f.fail("concurrency", "must lie between 1 and " + std::to_string(kMaxConcurrency));
    d.concurrency = int(concurrency);
    return d;
}

ExperimentDefinition ExperimentDefinition::parse(std::string_view text, std::string_view origin)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        throw ConfigError(std::string(origin) + ": not valid JSON (" + e.what() + ")");
    }
    return fromJson(j, origin);
}

json ExperimentDefinition::toJson() const
{
    json arms = json::array();
    for (const ExperimentArm& arm : this->arms)
        arms.push_back(armToJson(arm));
    json metrics = json::array();
    for (const MetricSpec& m : this->metrics)
        metrics.push_back(m.toJson());
    json j = {{"schema_version", kSchemaVersion},
              {"name", name},
              {"arms", std::move(arms)},
              {"dataset",
               {{"path", dataset.path},
                {"format", ExperimentDataset::formatName(dataset.format)},
                {"reference_column", dataset.referenceColumn}}},
              {"metrics", std::move(metrics)},
              {"primary_metric", primaryMetric},
              {"alpha", alpha},
              {"power", power},
              {"minimum_effect", minimumEffect},
              {"concurrency", concurrency}};
    if (!description.empty())
        j["description"] = description;
    if (baselineRate)
        j["baseline_rate"] = *baselineRate;
    if (standardDeviation)
        j["standard_deviation"] = *standardDeviation;
    if (spendCapUsd)
        j["spend_cap_usd"] = *spendCapUsd;
    return j;
}

const MetricSpec* ExperimentDefinition::metric(std::string_view name) const
{
    const auto it = std::find_if(metrics.begin(), metrics.end(),
                                 [&](const MetricSpec& m) { return m.name == name; });
    return it == metrics.end() ? nullptr : &*it;
}

std::optional<double> ExperimentDefinition::standardDeviationOrDefault() const
{
    if (standardDeviation)
        return standardDeviation;
    const MetricSpec* m = primary();
    if (m && m->kind == MetricKind::Judge)
        return kDefaultJudgeStandardDeviation;
    return std::nullopt;
}

std::vector<std::string> ExperimentDefinition::validate(const ExperimentDataset* data) const
{
    std::vector<std::string> problems;
    auto within = [](double x, double low, double high) { return x >= low && x <= high; };
    if (name.empty())
        problems.push_back("name: give the experiment a name");
    if (arms.size() < 2)
        problems.push_back("arms: an experiment compares at least two arms (the first is the "
                           "control); it has "
                           + std::to_string(arms.size()));
    std::set<std::string> armNames;
    for (size_t i = 0; i < arms.size(); ++i) {
        const ExperimentArm& a = arms[i];
        const std::string at = "arms[" + std::to_string(i) + "]";
        if (a.name.empty())
            problems.push_back(at + ".name: give the arm a name");
        else if (!armNames.insert(a.name).second)
            problems.push_back(at + ".name: \"" + a.name + "\" is used by another arm");
        if (a.model.empty())
            problems.push_back(at + ".model: name the model to call");
        if (a.prompt.empty())
            problems.push_back(at + ".prompt: the prompt is empty");
        if (a.params.temperature && !within(*a.params.temperature, 0, 2))
            problems.push_back(at + ".params.temperature: must lie between 0 and 2");
        if (a.params.topP && !(*a.params.topP > 0 && *a.params.topP <= 1))
            problems.push_back(at + ".params.top_p: must lie in (0, 1]");
        if (a.params.maxTokens && *a.params.maxTokens < 1)
            problems.push_back(at + ".params.max_tokens: must be at least 1");
        if (!data)
            continue;
        for (const auto& [field, t] :
             {std::pair<const char*, const PromptTemplate*>{"prompt", &a.prompt},
              {"system", &a.system}})
            for (const std::string& v : t->variables())
                if (!data->hasColumn(v))
                    problems.push_back(at + "." + field + ": uses {{" + v
                                       + "}}, which is not a dataset column (the columns are "
                                       + columnList(*data) + ")");
    }
    if (dataset.path.empty())
        problems.push_back("dataset.path: name the dataset file");
    if (metrics.empty())
        problems.push_back("metrics: declare at least one metric");
    std::set<std::string> metricNames;
    for (size_t i = 0; i < metrics.size(); ++i) {
        const MetricSpec& m = metrics[i];
        const std::string at = "metrics[" + std::to_string(i) + "]";
        if (!metricNames.insert(m.name).second)
            problems.push_back(at + ".name: \"" + m.name
                               + "\" is used by another metric; give one of them a \"name\"");
        if (data && m.needsReference() && !data->hasReference())
            problems.push_back(at + " (" + m.name
                               + "): compares with the reference answer, but no item has a \""
                               + dataset.referenceColumn + "\" value");
    }
    const MetricSpec* primaryMetricSpec = primary();
    if (!primaryMetricSpec)
        problems.push_back("primary_metric: \"" + primaryMetric
                           + "\" is not among the metrics' names");
    if (!(alpha > 0 && alpha <= 0.5))
        problems.push_back("alpha: must lie in (0, 0.5]; 0.05 is usual");
    if (!(power > 0 && power < 1))
        problems.push_back("power: must lie in (0, 1); 0.8 is usual");
    if (!(minimumEffect > 0) || !std::isfinite(minimumEffect))
        problems.push_back("minimum_effect: must be above 0, in the primary metric's unit");
    if (baselineRate && !(*baselineRate > 0 && *baselineRate < 1))
        problems.push_back("baseline_rate: must lie strictly between 0 and 1");
    if (standardDeviation && !(*standardDeviation > 0))
        problems.push_back("standard_deviation: must be above 0");
    if (primaryMetricSpec && primaryMetricSpec->isProportion()) {
        if (minimumEffect > 0 && baselineRateOrDefault() + minimumEffect >= 1)
            problems.push_back("minimum_effect: the baseline rate "
                               + json(baselineRateOrDefault()).dump()
                               + " plus the effect must stay below 1; lower the effect or set "
                                 "baseline_rate");
    } else if (primaryMetricSpec && !standardDeviationOrDefault()) {
        problems.push_back("standard_deviation: set the per-item SD of " + primaryMetric
                           + " (in its unit) so that the sample size can be planned");
    }
    if (spendCapUsd && !(*spendCapUsd > 0))
        problems.push_back("spend_cap_usd: must be above 0 (leave it out for no cap)");
    if (concurrency < 1 || concurrency > kMaxConcurrency)
        problems.push_back("concurrency: must lie between 1 and "
                           + std::to_string(kMaxConcurrency));
    return problems;
}

} // namespace llmopt::offline
