#pragma once

#include "prompt_template.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace llmopt {
struct LlmEvent;
}

namespace llmopt::offline {

enum class MetricKind {
    ExactMatch, // 1 when the trimmed answer equals the trimmed reference
    Contains, // 1 when the answer contains `text` (empty: the reference)
    Regex, // 1 when `pattern` (ECMAScript) matches somewhere in the answer
    ValidJson, // 1 when the whole answer (trimmed) is one JSON document
    JsonSchema, // 1 when the answer is JSON that satisfies `schema`
    LengthChars, // the answer's length in Unicode code points
    LengthTokens, // its estimated tokens (characters / 4, rounded up)
    LatencyMs, // of the call, from its LlmEvent
    CostUsd, // of the call, from its LlmEvent; null when the price is unknown
    Judge, // 0–1 from a judge model's answer to `rubric` (asked by the runner)
};
std::string_view metricKindName(MetricKind kind);
std::optional<MetricKind> metricKindFromName(std::string_view name);

// One metric of an experiment definition: its kind and options.
struct MetricSpec {
    MetricKind kind = MetricKind::ExactMatch;
    std::string name; // unique within a definition; the kind's name by default
    bool caseSensitive = true; // exact_match, contains, regex
    std::string text; // contains: what to find; empty: the item's reference
    std::string pattern; // regex
    nlohmann::json schema; // json_schema (see AnswerMetrics::checkSchema)
    // judge: the model that grades, and the rubric it is asked, with
    // {{input}} (the prompt the arm was sent), {{answer}} and {{reference}}.
    std::string judgeProvider;
    std::string judgeModel;
    PromptTemplate rubric;

    // Throws ConfigError naming `path` ("metrics[2].pattern") for a wrong
    // field, an invalid regex or an unsupported schema keyword.
    static MetricSpec fromJson(const nlohmann::json& json, const std::string& path);
    nlohmann::json toJson() const;

    // Pass/fail metrics score 0 or 1 (planned as proportions); the others are continuous.
    bool isProportion() const;
    bool needsReference() const;
    // The judge's prompt for one answer; throws ConfigError naming `item`.
    std::string judgePrompt(std::string_view input, std::string_view answer,
                            std::string_view reference, std::string_view item) const;
};

// Scores answers on an experiment's metrics, each item's answer on its own.
class AnswerMetrics {
public:
    // Compiles the regexes and checks the schemas; throws ConfigError.
    explicit AnswerMetrics(std::vector<MetricSpec> specs);

    const std::vector<MetricSpec>& specs() const { return m_specs; }

    // Every metric but the judges' (the runner asks the judge and adds its
    // score under the metric's name), as {name: score}; null where a metric
    // does not apply: no reference to compare with, an unknown cost.
    nlohmann::json score(std::string_view answer, const std::optional<std::string>& reference,
                         const LlmEvent& call) const;

    static bool exactMatch(std::string_view answer, std::string_view reference, bool caseSensitive);
    static bool contains(std::string_view answer, std::string_view text, bool caseSensitive);
    static bool validJson(std::string_view answer);
    // Compiles an ECMAScript regex; an invalid one is a ConfigError naming `path`.
    static std::regex compileRegex(const std::string& pattern, bool caseSensitive,
                                   const std::string& path);
    // JSON Schema, a documented subset: type (a name or a list of names;
    // "integer" accepts 1.0), required, properties, additionalProperties
    // (false or a schema), items (one schema for every element), enum,
    // minimum, maximum, minLength, maxLength (code points), pattern
    // (ECMAScript, matched anywhere, as the standard says). The annotations
    // $schema, $id, $comment, title, description, default and examples are
    // ignored; any other keyword ($ref, oneOf, format, …) is refused by
    // checkSchema rather than silently skipped.
    static void checkSchema(const nlohmann::json& schema, const std::string& path);
    // The first place where `value` breaks `schema` ("$.items[1].name: …"), or nullopt.
    static std::optional<std::string> schemaViolation(const nlohmann::json& value,
                                                      const nlohmann::json& schema);
    static size_t lengthChars(std::string_view text); // UTF-8 code points
    static size_t estimateTokens(std::string_view text); // code points / 4, rounded up

    // A judge's grade as 0–1, robust to the usual ways of writing it:
    // "7/10", "Score: 8", "**8**", "0.8", "85%", {"score": 0.9} — the last
    // fraction or "score/rating/grade" figure wins, else the last line when it
    // is a bare number. Numbers up to 1 are read as 0–1, up to 10 as 1–10
    // (scaled by 1/10). Anything else — no figure, a figure out of range — is nullopt.
    static std::optional<double> parseJudgeScore(std::string_view text);

private:
    std::vector<MetricSpec> m_specs;
    std::vector<std::optional<std::regex>> m_regexes; // per spec: Regex metrics only
};

} // namespace llmopt::offline
