#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace llmopt {

struct LlmEvent;

// A configuration file the user supplied is wrong; the message says where and how to fix it.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Published list prices of one model, USD per million tokens.
struct ModelPrice {
    std::string model;
    std::string provider;
    double inputPerMTok = 0.0;
    double outputPerMTok = 0.0;
    std::optional<double> cacheReadPerMTok; // absent: cached input billed as input
    std::optional<double> cacheWritePerMTok; // absent: cache writes billed as input
    std::string asOf;
    std::string source;
};

// The price table: which model costs what, with the date and source of every figure.
//
// Token accounting follows the OpenTelemetry GenAI conventions:
// gen_ai.usage.input_tokens includes cache-read and cache-write tokens, so the
// uncached part is input - cache_read - cache_write.
class PriceTable {
public:
    // Parses and validates a price table document; throws ConfigError naming
    // the offending entry. `origin` names the file in messages.
    static PriceTable fromJson(std::string_view text, std::string_view origin);
    static PriceTable fromFile(const std::string& path);

    // Entries of `overrides` replace same-named models and add new ones.
    void merge(const PriceTable& overrides);
    void setPrice(ModelPrice price);
    // Replaces an alias of the same name.
    void setAlias(const std::string& alias, const std::string& model);

    // Exact id first, then an alias, then a dated snapshot of a known model
    // ("gpt-4o-mini-2024-07-18" → "gpt-4o-mini").
    const ModelPrice* find(std::string_view model) const;

    // Cost of one call in USD, or nullopt when the model or its token counts are unknown.
    std::optional<double> cost(const LlmEvent& event) const;
    static double cost(const ModelPrice& price, int64_t inputTokens, int64_t outputTokens,
                       int64_t cacheReadTokens, int64_t cacheWriteTokens);

    const std::vector<ModelPrice>& entries() const { return m_entries; }

private:
    std::vector<ModelPrice> m_entries;
    std::vector<std::pair<std::string, std::string>> m_aliases; // alias → model
};

} // namespace llmopt
