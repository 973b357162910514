#pragma once

#include "policy_sink.h"

#include <nlohmann/json_fwd.hpp>
#include <string>

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

private:
    std::string m_path;
};

} // namespace llmopt
