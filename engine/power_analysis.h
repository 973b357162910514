#pragma once

#include <cstdint>
#include <string>

namespace llmopt {

// Power and sample size of the fixed-horizon two-arm tests, two-sided at α,
// for the experiment designer. Conventions follow R's power.t.test and
// power.prop.test (strict = FALSE: the power counts rejections in the
// direction of the effect), so their figures can be checked against R.

// Two means with common SD `sd`, `n` per arm: the noncentral t distribution
// with 2(n − 1) degrees of freedom and noncentrality δ/(sd·√(2/n)).
double powerTwoMeans(double delta, double sd, uint64_t nPerArm, double alpha);
// Two proportions p1 and p2, `n` per arm: the normal approximation
// Φ((|p1 − p2|·√n − z₁₋α/₂·√(2p̄q̄)) / √(p1q1 + p2q2)).
double powerTwoProportions(double p1, double p2, uint64_t nPerArm, double alpha);

// The smallest n per arm that reaches `power` (0 when the effect is zero or
// the inputs make no sense; capped at 10⁹).
uint64_t sampleSizeTwoMeans(double delta, double sd, double alpha, double power);
uint64_t sampleSizeTwoProportions(double p1, double p2, double alpha, double power);

// The smallest difference of means detectable with `n` per arm.
double minimumDetectableDifference(double sd, uint64_t nPerArm, double alpha, double power);

// What the designer asks for: the metric, the smallest effect worth finding
// (absolute: 0.02 is two points of success rate), α, power, arms and traffic.
struct ExperimentDesign {
    enum class Metric { Mean, Proportion };
    Metric metric = Metric::Proportion;
    double baseline = 0.5; // the control's mean or proportion
    double sd = 1.0; // means: the metric's standard deviation
    double minimumEffect = 0.05;
    double alpha = 0.05;
    double power = 0.8;
    int arms = 2; // the control included; each other arm is compared with it
    double costPerRequestUsd = 0.0;
    double requestsPerSecond = 0.0; // traffic routed into the experiment
};

// What the experiment will take before it runs: samples, money and time.
// With more than two arms the plan splits α Bonferroni-style over the
// comparisons (the analysis uses Holm, which is at least as powerful).
struct ExperimentPlan {
    std::string method;
    uint64_t perArm = 0; // 0: no plan (the message says why)
    uint64_t total = 0;
    double costUsd = 0.0;
    double durationSeconds = 0.0; // 0 when the traffic is unknown
    std::string problem;
};
ExperimentPlan planExperiment(const ExperimentDesign& design);

} // namespace llmopt
