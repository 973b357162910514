#pragma once

#include "policy_sink.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>
#include <vector>

namespace llmopt {

// Publishes the policy as an OpenFeature flagd flag definition file, so that
// any OpenFeature SDK with the flagd provider follows the rollout: one flag per
// service (its flag key), the variants' definitions as object values, the
// stable variant as defaultVariant, and the weights as a `fractional` split
// (sticky per targetingKey). The file is replaced atomically — written to a
// temporary file in the same folder, flushed to disk, then renamed over the
// old one — so flagd's file watcher never reads half a document.
class FlagdFileSink : public PolicySink {
public:
    explicit FlagdFileSink(std::string path);

    std::string name() const override { return "flagd file " + m_path; }
    Result publish(const PolicyDocument& document) override;

    // The flag definition document for `document` ($schema flagd v0).
    static nlohmann::json flagDefinitions(const PolicyDocument& document);
    // How a flag of such a document splits its traffic, as an application
    // evaluating it would: the `fractional` weights, or everything on the
    // default variant. Empty when the flag is missing or malformed.
    static std::vector<std::pair<std::string, double>>
    fractionalWeights(const nlohmann::json& definitions, const std::string& flagKey);

private:
    std::string m_path;
};

} // namespace llmopt
