#pragma once

#include <string>

namespace llmopt {

struct PolicyDocument;

// Where the actuator publishes a routing policy (DESIGN.md, PolicySink). A
// rollout step advances only after every sink acknowledged the document.
class PolicySink {
public:
    struct Result {
        bool acknowledged = false;
        std::string message; // what happened, or what went wrong and how to fix it
    };

    virtual ~PolicySink() = default;
    virtual std::string name() const = 0;
    virtual Result publish(const PolicyDocument& document) = 0;
};

} // namespace llmopt
