#include "answer_metrics.h"

#include "json_text.h"
#include "llm_event.h"
#include "price_table.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

namespace llmopt::offline {

namespace {

using nlohmann::json;

constexpr std::array kKindNames = {
    std::pair{MetricKind::ExactMatch, "exact_match"},
    std::pair{MetricKind::Contains, "contains"},
    std::pair{MetricKind::Regex, "regex"},
    std::pair{MetricKind::ValidJson, "valid_json"},
    std::pair{MetricKind::JsonSchema, "json_schema"},
    std::pair{MetricKind::LengthChars, "length_chars"},
    std::pair{MetricKind::LengthTokens, "length_tokens"},
    std::pair{MetricKind::LatencyMs, "latency_ms"},
    std::pair{MetricKind::CostUsd, "cost_usd"},
    std::pair{MetricKind::Judge, "judge"},
};

std::string_view trimmed(std::string_view s)
{
    const size_t first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string lowered(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

std::string kindNames()
{
    std::string out;
    for (const auto& [kind, name] : kKindNames)
        out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

// The fields a metric of `kind` may have besides "kind" and "name".
std::vector<std::string_view> optionsOf(MetricKind kind)
{
    switch (kind) {
    case MetricKind::ExactMatch:
        return {"case_sensitive"};
    case MetricKind::Contains:
        return {"text", "case_sensitive"};
    case MetricKind::Regex:
        return {"pattern", "case_sensitive"};
    case MetricKind::JsonSchema:
        return {"schema"};
    case MetricKind::Judge:
        return {"provider", "model", "rubric"};
    default:
        return {};
    }
}

std::string typeName(const json& v)
{
    if (v.is_number_integer() || v.is_number_unsigned())
        return "integer";
    return v.type_name();
}

bool hasType(const json& v, std::string_view type)
{
    if (type == "integer")
        return v.is_number_integer() || v.is_number_unsigned()
            || (v.is_number_float() && std::trunc(v.get<double>()) == v.get<double>());
    if (type == "number")
        return v.is_number();
    if (type == "string")
        return v.is_string();
    if (type == "boolean")
        return v.is_boolean();
    if (type == "object")
        return v.is_object();
    if (type == "array")
        return v.is_array();
    return type == "null" && v.is_null();
}

constexpr std::array<std::string_view, 7> kTypeNames
    = {"string", "number", "integer", "boolean", "object", "array", "null"};
constexpr std::array<std::string_view, 11> kSchemaKeywords
    = {"type",      "required",  "properties", "additionalProperties",
       "items",     "enum",      "minimum",    "maximum",
       "minLength", "maxLength", "pattern"};
constexpr std::array<std::string_view, 7> kAnnotations
    = {"$schema", "$id", "$comment", "title", "description", "default", "examples"};

template <size_t N> bool among(const std::array<std::string_view, N>& list, std::string_view s)
{
    return std::find(list.begin(), list.end(), s) != list.end();
}

std::optional<std::string> violation(const json& v, const json& schema, const std::string& where)
{
    if (const auto t = schema.find("type"); t != schema.end()) {
        const bool ok = t->is_string() ? hasType(v, t->get<std::string>())
                                       : std::any_of(t->begin(), t->end(), [&](const json& name) {
                                             return hasType(v, name.get<std::string>());
                                         });
        if (!ok)
            return where + ": expected " + (t->is_string() ? t->get<std::string>() : t->dump())
                + ", got " + typeName(v);
    }
    if (const auto e = schema.find("enum"); e != schema.end())
        if (std::find(e->begin(), e->end(), v) == e->end())
            return where + ": " + v.dump() + " is not one of " + e->dump();
    if (v.is_number()) {
        const double x = v.get<double>();
        if (const auto m = schema.find("minimum"); m != schema.end() && x < m->get<double>())
            return where + ": " + v.dump() + " is below the minimum " + m->dump();
        if (const auto m = schema.find("maximum"); m != schema.end() && x > m->get<double>())
            return where + ": " + v.dump() + " is above the maximum " + m->dump();
    }
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        const size_t length = AnswerMetrics::lengthChars(s);
        if (const auto m = schema.find("minLength"); m != schema.end() && length < m->get<size_t>())
            return where + ": shorter than " + m->dump() + " characters";
        if (const auto m = schema.find("maxLength"); m != schema.end() && length > m->get<size_t>())
            return where + ": longer than " + m->dump() + " characters";
        if (const auto p = schema.find("pattern"); p != schema.end())
            if (!std::regex_search(s, std::regex(p->get<std::string>(), std::regex::ECMAScript)))
                return where + ": does not match the pattern " + p->dump();
    }
    if (v.is_object()) {
        if (const auto r = schema.find("required"); r != schema.end())
            for (const json& name : *r)
                if (!v.contains(name.get<std::string>()))
                    return where + ": the property " + name.dump() + " is missing";
        const auto properties = schema.find("properties");
        const auto additional = schema.find("additionalProperties");
        for (const auto& [name, value] : v.items()) {
            const std::string inner = where + "." + name;
            if (properties != schema.end() && properties->contains(name)) {
                if (auto problem = violation(value, (*properties)[name], inner))
                    return problem;
            } else if (additional != schema.end()) {
                if (additional->is_boolean() && !additional->get<bool>())
                    return inner + ": no such property is allowed";
                if (additional->is_object())
                    if (auto problem = violation(value, *additional, inner))
                        return problem;
            }
        }
    }
    if (v.is_array())
        if (const auto items = schema.find("items"); items != schema.end())
            for (size_t i = 0; i < v.size(); ++i)
                if (auto problem = violation(v[i], *items, where + "[" + std::to_string(i) + "]"))
                    return problem;
    return std::nullopt;
}

// A figure as a 0–1 score: a percentage, 0–1 or 1–10.
std::optional<double> scaled(double value, bool percent)
{
    if (!std::isfinite(value) || value < 0)
        return std::nullopt;
    if (percent)
        return value <= 100 ? std::optional(value / 100) : std::nullopt;
    if (value <= 1)
        return value;
    return value <= 10 ? std::optional(value / 10) : std::nullopt;
}

std::optional<double> fraction(double numerator, double denominator)
{
    if (!(denominator > 0) || numerator < 0 || numerator > denominator)
        return std::nullopt;
    return numerator / denominator;
}

} // namespace

std::string_view metricKindName(MetricKind kind)
{
    for (const auto& [k, name] : kKindNames)
        if (k == kind)
            return name;
    return "exact_match";
}

std::optional<MetricKind> metricKindFromName(std::string_view name)
{
    for (const auto& [kind, n] : kKindNames)
        if (n == name)
            return kind;
    return std::nullopt;
}

MetricSpec MetricSpec::fromJson(const json& j, const std::string& path)
{
    if (!j.is_object())
        throw ConfigError(path + " must be an object like {\"kind\": \"exact_match\"}");
    const auto kindField = j.find("kind");
    if (kindField == j.end() || !kindField->is_string())
        throw ConfigError(path + ".kind is missing; one of: " + kindNames());
    const auto kind = metricKindFromName(kindField->get<std::string>());
    if (!kind)
        throw ConfigError(path + ".kind " + kindField->dump()
                          + " is unknown; one of: " + kindNames());
    MetricSpec spec;
    spec.kind = *kind;
    const std::vector<std::string_view> options = optionsOf(*kind);
    for (const auto& [key, value] : j.items())
        if (key != "kind" && key != "name"
            && std::find(options.begin(), options.end(), key) == options.end())
            throw ConfigError(path + "." + key + ": " + kindField->get<std::string>()
                              + " metrics have no such option");
    auto text = [&](const char* key, bool required) -> std::string {
        const auto it = j.find(key);
        if (it == j.end()) {
            if (required)
                throw ConfigError(path + "." + key + " is missing");
            return {};
        }
        if (!it->is_string() || (required && it->get_ref<const std::string&>().empty()))
            throw ConfigError(path + "." + key + " must be a non-empty string");
        return it->get<std::string>();
    };
    spec.name = text("name", false);
    if (spec.name.empty())
        spec.name = metricKindName(*kind);
    if (const auto it = j.find("case_sensitive"); it != j.end()) {
        if (!it->is_boolean())
            throw ConfigError(path + ".case_sensitive must be true or false");
        spec.caseSensitive = it->get<bool>();
    }
    switch (*kind) {
    case MetricKind::Contains:
        spec.text = text("text", false);
        break;
    case MetricKind::Regex:
        spec.pattern = text("pattern", true);
        AnswerMetrics::compileRegex(spec.pattern, spec.caseSensitive, path + ".pattern");
        break;
    case MetricKind::JsonSchema:
        if (!j.contains("schema"))
            throw ConfigError(path + ".schema is missing");
        spec.schema = j["schema"];
        AnswerMetrics::checkSchema(spec.schema, path + ".schema");
        break;
    case MetricKind::Judge: {
        spec.judgeProvider = text("provider", false);
        spec.judgeModel = text("model", true);
        spec.rubric = PromptTemplate(text("rubric", true), path + ".rubric");
        const auto& used = spec.rubric.variables();
        for (const std::string& name : used)
            if (name != "input" && name != "answer" && name != "reference")
                throw ConfigError(path + ".rubric uses {{" + name
                                  + "}}; a rubric knows only {{input}}, {{answer}} and "
                                    "{{reference}}");
        if (std::find(used.begin(), used.end(), "answer") == used.end())
            throw ConfigError(path
                              + ".rubric never shows the judge the answer; put {{answer}} "
                                "in it");
        break;
    }
    default:
        break;
    }
    return spec;
}

json MetricSpec::toJson() const
{
    json j = {{"kind", metricKindName(kind)}, {"name", name}};
    const std::vector<std::string_view> options = optionsOf(kind);
    if (std::find(options.begin(), options.end(), "case_sensitive") != options.end())
        j["case_sensitive"] = caseSensitive;
    if (kind == MetricKind::Contains && !text.empty())
        j["text"] = text;
    if (kind == MetricKind::Regex)
        j["pattern"] = pattern;
    if (kind == MetricKind::JsonSchema)
        j["schema"] = schema;
    if (kind == MetricKind::Judge) {
        if (!judgeProvider.empty())
            j["provider"] = judgeProvider;
        j["model"] = judgeModel;
        j["rubric"] = rubric.text();
    }
    return j;
}

bool MetricSpec::isProportion() const
{
    return kind == MetricKind::ExactMatch || kind == MetricKind::Contains
        || kind == MetricKind::Regex || kind == MetricKind::ValidJson
        || kind == MetricKind::JsonSchema;
}

bool MetricSpec::needsReference() const
{
    if (kind == MetricKind::ExactMatch || (kind == MetricKind::Contains && text.empty()))
        return true;
    const auto& used = rubric.variables();
    return kind == MetricKind::Judge
        && std::find(used.begin(), used.end(), "reference") != used.end();
}

std::string MetricSpec::judgePrompt(std::string_view input, std::string_view answer,
                                    std::string_view reference, std::string_view item) const
{
    return rubric.render({{"input", std::string(input)},
                          {"answer", std::string(answer)},
                          {"reference", std::string(reference)}},
                         item);
}

AnswerMetrics::AnswerMetrics(std::vector<MetricSpec> specs)
    : m_specs(std::move(specs))
{
    for (const MetricSpec& spec : m_specs) {
        const std::string path = "metric \"" + spec.name + "\"";
        if (spec.kind == MetricKind::JsonSchema)
            checkSchema(spec.schema, path + " schema");
        m_regexes.push_back(spec.kind == MetricKind::Regex ? std::optional(
                                compileRegex(spec.pattern, spec.caseSensitive, path + " pattern"))
                                                           : std::nullopt);
    }
}

json AnswerMetrics::score(std::string_view answer, const std::optional<std::string>& reference,
                          const LlmEvent& call) const
{
    json scores = json::object();
    auto pass = [](bool b) { return b ? 1.0 : 0.0; };
    for (size_t i = 0; i < m_specs.size(); ++i) {
        const MetricSpec& spec = m_specs[i];
        json& out = scores[spec.name];
        switch (spec.kind) {
        case MetricKind::ExactMatch:
            if (reference)
                out = pass(exactMatch(answer, *reference, spec.caseSensitive));
            break;
        case MetricKind::Contains:
            if (!spec.text.empty())
                out = pass(contains(answer, spec.text, spec.caseSensitive));
            else if (reference)
                out = pass(contains(answer, trimmed(*reference), spec.caseSensitive));
            break;
        case MetricKind::Regex:
            try {
                out = pass(std::regex_search(answer.begin(), answer.end(), *m_regexes[i]));
            } catch (const std::regex_error&) {
                // error_complexity / error_stack on a pathological answer: no score, not a fail.
            }
            break;
        case MetricKind::ValidJson:
            out = pass(validJson(answer));
            break;
        case MetricKind::JsonSchema: {
            // Checking recurses along the answer's nesting: a deeper one fails unread.
            const json value = jsonDepthWithin(answer)
                ? json::parse(trimmed(answer), nullptr, false)
                : json(json::value_t::discarded);
            out = pass(!value.is_discarded() && !schemaViolation(value, spec.schema));
            break;
        }
        case MetricKind::LengthChars:
            out = double(lengthChars(answer));
            break;
        case MetricKind::LengthTokens:
            out = double(estimateTokens(answer));
            break;
        case MetricKind::LatencyMs:
            out = call.latencyMs;
            break;
        case MetricKind::CostUsd:
            if (const auto cost = call.costUsd ? call.costUsd : call.reportedCostUsd)
                out = *cost;
            break;
        case MetricKind::Judge:
            scores.erase(spec.name);
            break;
        }
    }
    return scores;
}

bool AnswerMetrics::exactMatch(std::string_view answer, std::string_view reference,
                               bool caseSensitive)
{
    answer = trimmed(answer);
    reference = trimmed(reference);
    return caseSensitive ? answer == reference : lowered(answer) == lowered(reference);
}

bool AnswerMetrics::contains(std::string_view answer, std::string_view text, bool caseSensitive)
{
    return caseSensitive ? answer.find(text) != std::string_view::npos
                         : lowered(answer).find(lowered(text)) != std::string::npos;
}

bool AnswerMetrics::validJson(std::string_view answer)
{
    return json::accept(trimmed(answer));
}

std::regex AnswerMetrics::compileRegex(const std::string& pattern, bool caseSensitive,
                                       const std::string& path)
{
    try {
        return std::regex(pattern,
                          caseSensitive ? std::regex::ECMAScript
                                        : std::regex::ECMAScript | std::regex::icase);
    } catch (const std::regex_error& e) {
        throw ConfigError(path + ": \"" + pattern + "\" is not a valid regular expression ("
                          + e.what() + "); ECMAScript syntax, as in JavaScript");
    }
}

void AnswerMetrics::checkSchema(const json& schema, const std::string& path)
{
    if (!schema.is_object())
        throw ConfigError(path + " must be a JSON Schema object");
    for (const auto& [key, value] : schema.items()) {
        const std::string at = path + "." + key;
        if (among(kAnnotations, key))
            continue;
        if (!among(kSchemaKeywords, key))
            throw ConfigError(at + ": the keyword \"" + key
                              + "\" is not supported; supported are type, required, properties, "
                                "additionalProperties, items, enum, minimum, maximum, minLength, "
                                "maxLength and pattern");
        if (key == "type") {
            auto known = [](const json& t) {
                return t.is_string() && among(kTypeNames, t.get<std::string>());
            };
            if (!(known(value)
                  || (value.is_array() && !value.empty()
                      && std::all_of(value.begin(), value.end(), known))))
                throw ConfigError(at
                                  + " must be one of string, number, integer, boolean, "
                                    "object, array, null, or a list of them");
        } else if (key == "required") {
            if (!value.is_array() || !std::all_of(value.begin(), value.end(), [](const json& n) {
                    return n.is_string();
                }))
                throw ConfigError(at + " must be a list of property names");
        } else if (key == "properties") {
            if (!value.is_object())
                throw ConfigError(at + " must map property names to schemas");
            for (const auto& [name, inner] : value.items())
                checkSchema(inner, at + "." + name);
        } else if (key == "additionalProperties") {
            if (!value.is_boolean())
                checkSchema(value, at);
        } else if (key == "items") {
            checkSchema(value, at);
        } else if (key == "enum") {
            if (!value.is_array() || value.empty())
                throw ConfigError(at + " must be a non-empty list of allowed values");
        } else if (key == "minimum" || key == "maximum") {
            if (!value.is_number())
                throw ConfigError(at + " must be a number");
        } else if (key == "minLength" || key == "maxLength") {
            if (!value.is_number_unsigned())
                throw ConfigError(at + " must be a whole number ≥ 0");
        } else if (key == "pattern") {
            if (!value.is_string())
                throw ConfigError(at + " must be a regular expression string");
            compileRegex(value.get<std::string>(), true, at);
        }
    }
}

std::optional<std::string> AnswerMetrics::schemaViolation(const json& value, const json& schema)
{
    return violation(value, schema, "$");
}

size_t AnswerMetrics::lengthChars(std::string_view text)
{
    // Continuation bytes (10xxxxxx) do not start a code point.
    return size_t(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

size_t AnswerMetrics::estimateTokens(std::string_view text)
{
    return (lengthChars(text) + 3) / 4;
}

std::optional<double> AnswerMetrics::parseJudgeScore(std::string_view text)
{
    const std::string s(text);
    static const std::regex keyword(
        R"((?:scores?|rating|grade)[^0-9a-z\n]{0,6}(\d+(?:\.\d+)?)(?:\s*(?:/|out of)\s*(\d+(?:\.\d+)?)|\s*(%))?)",
        std::regex::ECMAScript | std::regex::icase);
    static const std::regex ratio(R"((\d+(?:\.\d+)?)\s*(?:/|out of)\s*(\d+(?:\.\d+)?))",
                                  std::regex::ECMAScript | std::regex::icase);
    static const std::regex bare(R"((\d+(?:\.\d+)?)\s*(%)?)", std::regex::ECMAScript);

    auto last = [&](const std::regex& re) -> std::optional<std::smatch> {
        std::optional<std::smatch> found;
        for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator();
             ++it)
            found = *it;
        return found;
    };
    if (const auto m = last(keyword)) {
        const double value = std::stod((*m)[1].str());
        return (*m)[2].matched ? fraction(value, std::stod((*m)[2].str()))
                               : scaled(value, (*m)[3].matched);
    }
    if (const auto m = last(ratio))
        return fraction(std::stod((*m)[1].str()), std::stod((*m)[2].str()));
    // The last non-empty line, when it is a bare figure once markdown is stripped.
    std::string_view lastLine = trimmed(text);
    if (const size_t nl = lastLine.find_last_of('\n'); nl != std::string_view::npos)
        lastLine = lastLine.substr(nl + 1);
    const std::string_view decoration = " \t\r*_`\"'#.:";
    const size_t first = lastLine.find_first_not_of(decoration);
    if (first == std::string_view::npos)
        return std::nullopt;
    const std::string figure(
        lastLine.substr(first, lastLine.find_last_not_of(decoration) - first + 1));
    std::smatch m;
    if (!std::regex_match(figure, m, bare))
        return std::nullopt;
    return scaled(std::stod(m[1].str()), m[2].matched);
}

} // namespace llmopt::offline
