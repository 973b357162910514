#pragma once

#include <Eigen/Dense>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace llmopt {

// The context a contextual bandit sees for one request, as a feature vector:
//     [1, service one-hot…, task type one-hot…, tokens, sin(2πh/24), cos(2πh/24),
//      tokens × task type one-hot…]
// The last block gives each task its own slope in prompt length: how much
// longer means harder differs by task, and a linear model per arm cannot
// learn that from a shared slope.
// The vocabularies are fixed at construction, each with a final "other" slot
// for values outside it, so the dimension never changes under a live model.
// (The intercept and the full one-hots are collinear; the bandits' ridge
// penalty makes that harmless.) Input tokens enter as
// log(1 + tokens) / log(1 + referenceTokens): a prompt of referenceTokens
// gives 1, so the feature has the one-hots' scale, and the ridge penalty and
// the UCB width treat it alike; unreported counts (negative) count as 0. The
// hour of day, UTC, is on the circle so 23:00 and 01:00 are neighbours; a
// non-finite hour gives (0, 0), "no information".
class ContextFeatures {
public:
    ContextFeatures(std::vector<std::string> services, std::vector<std::string> taskTypes,
                    double referenceTokens = 100000);

    size_t dimension() const { return m_dimension; }
    // One name per feature, in order ("service=chat-api", "task=other", …).
    std::vector<std::string> names() const;

    // Writes the features into `out`, resizing it only when its size differs
    // from dimension(): with a reused vector, no allocation.
    void encode(std::string_view service, std::string_view taskType, int64_t inputTokens,
                double hourUtc, Eigen::VectorXd& out) const;

    // The one-hot positions of a service and a task type ("other" included):
    // with them a request's context is a few numbers, kept compactly until
    // its feedback arrives and encoded again then.
    struct Slots {
        uint32_t service = 0;
        uint32_t task = 0;
    };
    Slots slotsOf(std::string_view service, std::string_view taskType) const;
    void encode(Slots where, int64_t inputTokens, double hourUtc, Eigen::VectorXd& out) const;

private:
    std::vector<std::string> m_services;
    std::vector<std::string> m_taskTypes;
    std::map<std::string, size_t, std::less<>> m_serviceSlot;
    std::map<std::string, size_t, std::less<>> m_taskSlot;
    double m_tokenScale;
    size_t m_dimension;
};

} // namespace llmopt
