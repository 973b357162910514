#pragma once

#include "hypothesis_tests.h"

#include <Eigen/Dense>

#include <span>
#include <string>
#include <vector>

namespace llmopt {

// One decision as the logging policy (a bandit on live traffic) made it.
struct LoggedDecision {
    Eigen::VectorXd context;
    size_t action = 0;
    double reward = 0.0;
    double propensity = 0.0; // the logging policy's P(action | context)
};

struct PolicyValueEstimate {
    std::string method; // "IPS", "SNIPS", "DR"
    double value = 0.0; // the target policy's expected reward per decision
    double standardError = 0.0;
    Interval interval; // at 1 − α, normal approximation
    // Kish's (Σw)² / Σw² of the importance weights w = π(a|x) / p: how many
    // on-policy records the log is worth for this target.
    double effectiveSampleSize = 0.0;
};

struct OffPolicyOptions {
    double ridge = 1.0; // of the reward model, per arm: (λI + Σ x xᵀ)⁻¹ Σ r x
    size_t folds = 5; // cross-fitting folds of the reward model; 1 fits on the whole log
    double alpha = 0.05;
};

// The value a new (target) policy π would have had on logged traffic,
// estimated before it is deployed:
//   IPS    inverse propensity scoring (Horvitz & Thompson 1952):
//          mean of w·r;
//   SNIPS  self-normalised IPS (Swaminathan & Joachims 2015): Σ w r / Σ w,
//          biased but bounded by the rewards; standard error by the delta
//          method, from the terms w (r − V̂) / w̄;
//   DR     doubly robust (Dudík, Langford & Li 2011): mean of
//          Σ_a π(a|x) q̂(x, a) + w (r − q̂(x, action)), unbiased when either
//          the propensities or the reward model q̂ are right, and with a
//          smaller variance than IPS when q̂ is good.
// Standard errors of IPS and DR are the per-record terms' sd / √n. The log
// must carry the propensities the logging policy really used: every arm a
// target may pick needs propensity > 0 there (LinearBandit's ε floor).
//
// The built-in reward model is a ridge regression of r on x per action,
// cross-fitted (Chernozhukov et al. 2018): record i's q̂ comes from the fit on
// the other folds (fold = index mod folds), so it is not fitted to its own
// noise, which would bias DR toward the logged rewards and understate its
// standard error. Contexts should carry an intercept (ContextFeatures does).
class OffPolicyEvaluation {
public:
    // Validates every record: a propensity outside (0, 1], an action ≥
    // `actions`, a context of another dimension or non-finite values throw
    // std::invalid_argument naming the record's index.
    OffPolicyEvaluation(std::span<const LoggedDecision> log, size_t actions,
                        OffPolicyOptions options = {});

    // `target` is records() × actions(): row i holds π(· | xᵢ), entries in
    // [0, 1] summing to 1 (within 1e-6); otherwise std::invalid_argument
    // naming the row.
    PolicyValueEstimate ips(const Eigen::MatrixXd& target) const;
    PolicyValueEstimate selfNormalizedIps(const Eigen::MatrixXd& target) const;
    PolicyValueEstimate doublyRobust(const Eigen::MatrixXd& target) const;
    // DR with the caller's reward model: predictions(i, a) = q̂(xᵢ, a).
    PolicyValueEstimate doublyRobust(const Eigen::MatrixXd& target,
                                     const Eigen::MatrixXd& predictions) const;

    // The cross-fitted ridge predictions q̂(xᵢ, a), records() × actions().
    const Eigen::MatrixXd& rewardModel() const { return m_predictions; }
    size_t records() const { return size_t(m_rewards.size()); }
    size_t actions() const { return m_actions; }

private:
    // The importance weights w = π(action | x) / propensity, after checking `target`.
    Eigen::VectorXd weights(const Eigen::MatrixXd& target) const;
    PolicyValueEstimate estimate(std::string method, double value, const Eigen::VectorXd& terms,
                                 const Eigen::VectorXd& w) const;

    size_t m_actions;
    OffPolicyOptions m_options;
    std::vector<size_t> m_logged;
    Eigen::VectorXd m_rewards;
    Eigen::VectorXd m_propensities;
    Eigen::MatrixXd m_predictions;
};

} // namespace llmopt
