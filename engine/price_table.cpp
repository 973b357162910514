#include "price_table.h"

#include "llm_event.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace llmopt {

namespace {

using nlohmann::json;

double requirePrice(const json& entry, const char* key, const std::string& where)
{
    auto it = entry.find(key);
    if (it == entry.end() || !it->is_number())
        throw ConfigError(where + ": \"" + key + "\" must be a number (USD per 1M tokens)");
    double v = it->get<double>();
    if (!std::isfinite(v) || v < 0)
        throw ConfigError(where + ": \"" + key + "\" must be zero or positive, got " + it->dump());
    return v;
}

std::optional<double> optionalPrice(const json& entry, const char* key, const std::string& where)
{
    auto it = entry.find(key);
    if (it == entry.end() || it->is_null())
        return std::nullopt;
    return requirePrice(entry, key, where);
}

std::string optionalString(const json& entry, const char* key)
{
    auto it = entry.find(key);
    return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool isDatedSnapshotOf(std::string_view candidate, std::string_view model)
{
    // "<model>-<digit>…" such as gpt-4o-2024-08-06 or claude-3-haiku-20240307.
    return candidate.size() > model.size() + 1 && candidate.substr(0, model.size()) == model
        && candidate[model.size()] == '-'
        && std::isdigit(static_cast<unsigned char>(candidate[model.size() + 1]));
}

} // namespace

PriceTable PriceTable::fromJson(std::string_view text, std::string_view origin)
{
    const std::string where(origin);
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded())
        throw ConfigError(where + ": not valid JSON");
    if (!doc.is_object() || !doc.contains("models") || !doc["models"].is_array())
        throw ConfigError(where + ": expected an object with a \"models\" array");
    if (doc.contains("schema") && doc["schema"] != 1)
        throw ConfigError(where + ": unsupported price table schema " + doc["schema"].dump()
                          + " (this build reads schema 1)");

    PriceTable table;
    size_t index = 0;
    for (const json& entry : doc["models"]) {
        const std::string at = where + ": models[" + std::to_string(index++) + "]";
        if (!entry.is_object())
            throw ConfigError(at + " must be an object");
        ModelPrice p;
        p.model = optionalString(entry, "model");
        if (p.model.empty())
            throw ConfigError(at + ": \"model\" is missing");
        const std::string named = at + " (" + p.model + ")";
        p.provider = optionalString(entry, "provider");
        p.inputPerMTok = requirePrice(entry, "input", named);
        p.outputPerMTok = requirePrice(entry, "output", named);
        p.cacheReadPerMTok = optionalPrice(entry, "cache_read", named);
        p.cacheWritePerMTok = optionalPrice(entry, "cache_write", named);
        p.asOf = optionalString(entry, "as_of");
        p.source = optionalString(entry, "source");
        if (table.find(p.model) && table.find(p.model)->model == p.model)
            throw ConfigError(named + ": model listed twice");
        table.m_entries.push_back(std::move(p));
    }
    if (auto aliases = doc.find("aliases"); aliases != doc.end()) {
        if (!aliases->is_object())
            throw ConfigError(where + ": \"aliases\" must map alias names to model ids");
        for (const auto& [alias, target] : aliases->items()) {
            if (!target.is_string())
                throw ConfigError(where + ": alias \"" + alias + "\" must name a model id");
            table.setAlias(alias, target.get<std::string>());
        }
    }
    return table;
}

PriceTable PriceTable::fromFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ConfigError(path + ": cannot open the price table file");
    std::ostringstream text;
    text << in.rdbuf();
    return fromJson(text.str(), path);
}

void PriceTable::setPrice(ModelPrice price)
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(),
                           [&](const ModelPrice& p) { return p.model == price.model; });
    if (it != m_entries.end())
        *it = std::move(price);
    else
        m_entries.push_back(std::move(price));
}

void PriceTable::setAlias(const std::string& alias, const std::string& model)
{
    auto it = std::find_if(m_aliases.begin(), m_aliases.end(),
                           [&](const auto& a) { return a.first == alias; });
    if (it != m_aliases.end())
        it->second = model;
    else
        m_aliases.emplace_back(alias, model);
}

void PriceTable::merge(const PriceTable& overrides)
{
    for (const ModelPrice& p : overrides.m_entries)
        setPrice(p);
    for (const auto& [alias, model] : overrides.m_aliases)
        setAlias(alias, model);
}

const ModelPrice* PriceTable::find(std::string_view model) const
{
    for (const ModelPrice& p : m_entries)
        if (p.model == model)
            return &p;
    for (const auto& [alias, target] : m_aliases) // one step: an alias names a model, not an alias
        if (alias == model)
            for (const ModelPrice& p : m_entries)
                if (p.model == target)
                    return &p;
    const ModelPrice* best = nullptr;
    for (const ModelPrice& p : m_entries)
        if (isDatedSnapshotOf(model, p.model) && (!best || p.model.size() > best->model.size()))
            best = &p;
    return best;
}

double PriceTable::cost(const ModelPrice& price, int64_t inputTokens, int64_t outputTokens,
                        int64_t cacheReadTokens, int64_t cacheWriteTokens)
{
    const int64_t uncached = std::max<int64_t>(0, inputTokens - cacheReadTokens - cacheWriteTokens);
    const double perToken = 1e-6;
    return perToken
        * (static_cast<double>(uncached) * price.inputPerMTok
           + static_cast<double>(cacheReadTokens)
               * price.cacheReadPerMTok.value_or(price.inputPerMTok)
           + static_cast<double>(cacheWriteTokens)
               * price.cacheWritePerMTok.value_or(price.inputPerMTok)
           + static_cast<double>(outputTokens) * price.outputPerMTok);
}

std::optional<double> PriceTable::cost(const LlmEvent& event) const
{
    if (event.inputTokens < 0 || event.outputTokens < 0)
        return std::nullopt;
    const std::string& model
        = event.responseModel.empty() ? event.requestModel : event.responseModel;
    const ModelPrice* price = find(model);
    if (!price && model != event.requestModel)
        price = find(event.requestModel);
    if (!price)
        return std::nullopt;
    return cost(*price, event.inputTokens, event.outputTokens,
                std::max<int64_t>(0, event.cacheReadTokens),
                std::max<int64_t>(0, event.cacheWriteTokens));
}

} // namespace llmopt
