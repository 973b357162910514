#include "parameter_tuner.h"

#include "finding.h"
#include "gaussian_process.h"
#include "hypothesis_tests.h"
#include "price_table.h"
#include "xoshiro256.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <random>
#include <stdexcept>
#include <string_view>

namespace llmopt {

namespace {

constexpr double kZ95 = 1.959963984540054; // two-sided 95 %
constexpr double kZ95OneSided = 1.6448536269514722;
constexpr double kPseudoObservations = 5.0; // shrinkage of a setting's variance to the pooled
constexpr double kMaxTemperature = 2.0; // the largest any provider accepts
constexpr uint64_t kMinCompletedCalls = 30;
constexpr int kDraws = 1000; // of (μ̂, σ̂), for the intervals of the max_tokens figures
constexpr uint64_t kDrawSeed = 0x5eed;

double roundTo(double value, double step)
{
    return std::round(value / step) * step;
}

// OpenAI's "length"; Anthropic's and Gemini's "max_tokens" / "MAX_TOKENS".
bool isTruncation(std::string_view finishReason)
{
    const auto same = [&](std::string_view name) {
        return std::ranges::equal(finishReason, name, [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == b;
        });
    };
    return same("length") || same("max_tokens");
}

double normalPdf(double z)
{
    return std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
}
double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}
double upperTail(double z)
{
    return 0.5 * std::erfc(z / std::numbers::sqrt2);
}

// log Q(z) and φ(z)/Q(z); past z = 30, where Q underflows, from the
// asymptotic expansion Q(z) ≈ φ(z)/z · (1 − 1/z²).
double logUpperTail(double z)
{
    return z < 30.0 ? std::log(upperTail(z))
                    : -0.5 * z * z - std::log(z * std::sqrt(2.0 * std::numbers::pi));
}
double inverseMills(double z)
{
    return z < 30.0 ? normalPdf(z) / upperTail(z) : z + 1.0 / z;
}

// Log-normal fit of output lengths L with right-censoring: ln L ~ N(μ, σ²).
struct LengthModel {
    double mu = 0.0;
    double sigma = 1.0;
    Eigen::Matrix2d covariance; // of (μ̂, σ̂), the inverse observed information
    uint64_t completed = 0;
    uint64_t truncated = 0;

    // P(L > m), the truncation rate at max_tokens m.
    double truncationRate(double m) const { return upperTail((std::log(m) - mu) / sigma); }
};

// E[min(L, m)] for ln L ~ N(μ, σ²): e^(μ+σ²/2) Φ((ln m − μ − σ²)/σ) + m Q((ln m − μ)/σ).
double expectedCappedLength(double mu, double sigma, double m)
{
    const double a = (std::log(m) - mu) / sigma;
    return std::exp(mu + 0.5 * sigma * sigma) * normalCdf(a - sigma) + m * upperTail(a);
}

struct CensoredData {
    double n = 0.0; // uncensored: count, Σ y, Σ y² of y = ln L
    double sum = 0.0;
    double sumSquares = 0.0;
    std::vector<std::pair<double, double>> censored; // (ln c, count): L > c

    double total() const
    {
        double t = n;
        for (const auto& [c, m] : censored)
            t += m;
        return t;
    }

    // Log-likelihood up to a constant.
    double logLikelihood(double mu, double sigma) const
    {
        double l = -n * std::log(sigma)
            - (sumSquares - 2.0 * mu * sum + n * mu * mu) / (2.0 * sigma * sigma);
        for (const auto& [c, m] : censored)
            l += m * logUpperTail((c - mu) / sigma);
        return l;
    }
};

std::optional<LengthModel> fitLengths(const QuantileSketch& completed,
                                      const QuantileSketch& truncated)
{
    CensoredData data;
    for (const auto& [value, count] : completed.histogram()) {
        const double y = std::log(std::max(value, 1.0)), w = static_cast<double>(count);
        data.n += w;
        data.sum += w * y;
        data.sumSquares += w * y * y;
    }
    for (const auto& [value, count] : truncated.histogram())
        data.censored.emplace_back(std::log(std::max(value, 1.0)), static_cast<double>(count));
    if (completed.count() < kMinCompletedCalls)
        return std::nullopt;

    // EM: the E-step replaces each censored y by its conditional moments
    // given y > c, E[y] = μ + σλ and E[y²] = μ² + σ² + σ(c + μ)λ with λ the
    // inverse Mills ratio at (c − μ)/σ; the M-step is the normal's ML fit.
    const double total = data.total();
    double mu = data.sum / data.n;
    double sigma = std::sqrt(std::max(data.sumSquares / data.n - mu * mu, 1e-4));
    for (int iteration = 0; iteration < 10000; ++iteration) {
        double s1 = data.sum, s2 = data.sumSquares;
        for (const auto& [c, m] : data.censored) {
            const double lambda = inverseMills((c - mu) / sigma);
            s1 += m * (mu + sigma * lambda);
            s2 += m * (mu * mu + sigma * sigma + sigma * (c + mu) * lambda);
        }
        const double nextMu = s1 / total;
        const double nextSigma = std::sqrt(std::max(s2 / total - nextMu * nextMu, 1e-8));
        const bool converged = std::abs(nextMu - mu) < 1e-10 && std::abs(nextSigma - sigma) < 1e-10;
        mu = nextMu;
        sigma = nextSigma;
        if (converged)
            break;
    }

    // Observed information: minus the Hessian of the log-likelihood at the
    // MLE, by central differences.
    const double h = 1e-4 * sigma;
    const auto ll = [&](double dm, double ds) { return data.logLikelihood(mu + dm, sigma + ds); };
    const double center = ll(0, 0);
    Eigen::Matrix2d information;
    information(0, 0) = -(ll(h, 0) - 2 * center + ll(-h, 0)) / (h * h);
    information(1, 1) = -(ll(0, h) - 2 * center + ll(0, -h)) / (h * h);
    information(0, 1) = information(1, 0)
        = -(ll(h, h) - ll(h, -h) - ll(-h, h) + ll(-h, -h)) / (4 * h * h);
    if (!(information(0, 0) > 0) || !(information.determinant() > 0))
        return std::nullopt;
    LengthModel model;
    model.mu = mu;
    model.sigma = sigma;
    model.covariance = information.inverse();
    model.completed = completed.count();
    model.truncated = truncated.count();
    return model;
}

// The 2.5 % and 97.5 % points of a sample.
nlohmann::json withInterval(double value, std::vector<double> draws)
{
    const auto at = [&](double q) {
        const auto k = static_cast<size_t>(q * static_cast<double>(draws.size() - 1));
        std::nth_element(draws.begin(), draws.begin() + static_cast<std::ptrdiff_t>(k),
                         draws.end());
        return draws[k];
    };
    return {{"value", value}, {"low", at(0.025)}, {"high", at(0.975)}};
}

nlohmann::json interval(double value, double low, double high)
{
    return {{"value", value}, {"low", low}, {"high", high}};
}

std::string label(const std::string& service, const std::string& taskType, const std::string& model)
{
    return service + (taskType.empty() ? "" : "/" + taskType)
        + (model.empty() ? "" : " on " + model);
}

} // namespace

ParameterTuner::ParameterTuner(ParameterTunerOptions options)
    : m_options(options)
{
    const auto& o = m_options;
    if (!(o.temperatureLow >= 0.0 && o.temperatureLow < o.temperatureHigh
          && o.temperatureHigh <= kMaxTemperature && o.topPLow > 0.0 && o.topPLow < o.topPHigh
          && o.topPHigh <= 1.0 && o.step > 0.0 && o.truncationTarget > 0.0
          && o.truncationTarget < 0.5 && std::isfinite(o.minQualityGain) && o.explorationXi >= 0.0
          && o.lowerFactor > 1.0 && o.maxSettingsPerKey > 0 && o.maxLimitsPerKey > 0))
        throw std::invalid_argument("ParameterTuner: the box must be 0 ≤ temperature ≤ 2 and "
                                    "0 < top_p ≤ 1 with low < high, step > 0, the truncation "
                                    "target in (0, 0.5), lowerFactor > 1 and the caps ≥ 1");
}

size_t ParameterTuner::trackedSettings() const
{
    size_t n = 0;
    for (const auto& [name, key] : m_keys)
        n += key.settings.size() + key.limits.size();
    return n;
}

void ParameterTuner::observe(const LlmEvent& event)
{
    const Variant& v = event.variant;
    const std::optional<double> quality = event.quality();
    const bool valid = !event.isError() && !event.service.empty()
        && (!v.temperature || (*v.temperature >= 0.0 && *v.temperature <= kMaxTemperature))
        && (!v.topP || (*v.topP > 0.0 && *v.topP <= 1.0)) && (!v.maxTokens || *v.maxTokens > 0)
        && event.outputTokens >= -1 && (!quality || std::isfinite(*quality));
    if (!valid) {
        ++m_ignored;
        return;
    }
    m_keyScratch.clear();
    for (const std::string* part : {&event.service, &event.taskType, &v.model, &v.promptVersion}) {
        m_keyScratch += *part;
        m_keyScratch += '\x1f';
    }
    auto it = m_keys.find(m_keyScratch);
    if (it == m_keys.end()) {
        if (m_keys.size() >= m_options.maxKeys) {
            ++m_ignored;
            return;
        }
        it = m_keys.try_emplace(m_keyScratch).first;
        it->second.service = event.service;
        it->second.taskType = event.taskType;
        it->second.model = v.model;
        it->second.promptVersion = v.promptVersion;
    }
    ++m_observed;
    Key& key = it->second;
    key.lastUnixNano = std::max(key.lastUnixNano, event.timeUnixNano);
    if (quality && v.temperature)
        observeSetting(key, event, *quality);
    observeLength(key, event);
}

void ParameterTuner::observeSetting(Key& key, const LlmEvent& event, double quality)
{
    const double temperature = roundTo(*event.variant.temperature, 0.01);
    const double topP = roundTo(event.variant.topP.value_or(1.0), 0.01);
    auto it = std::find_if(key.settings.begin(), key.settings.end(), [&](const Setting& s) {
        return std::abs(s.temperature - temperature) < 1e-9 && std::abs(s.topP - topP) < 1e-9;
    });
    if (it == key.settings.end()) {
        if (key.settings.size() < m_options.maxSettingsPerKey) {
            it = key.settings.emplace(key.settings.end());
        } else {
            it = std::min_element(key.settings.begin(), key.settings.end(),
                                  [](const Setting& a, const Setting& b) {
                                      return a.quality.count() < b.quality.count();
                                  });
            *it = Setting{};
            ++key.evictedSettings;
        }
        it->temperature = temperature;
        it->topP = topP;
    }
    it->quality.add(quality);
    it->variant = event.variant;
}

void ParameterTuner::observeLength(Key& key, const LlmEvent& event)
{
    const std::optional<int64_t>& maxTokens = event.variant.maxTokens;
    // Without a finish reason, a call that reached its limit counts as cut off.
    const bool truncated = isTruncation(event.finishReason)
        || (event.finishReason.empty() && maxTokens && event.outputTokens >= *maxTokens);
    if (maxTokens) {
        auto it = std::find_if(key.limits.begin(), key.limits.end(),
                               [&](const Limit& l) { return l.maxTokens == *maxTokens; });
        if (it == key.limits.end()) {
            if (key.limits.size() < m_options.maxLimitsPerKey)
                it = key.limits.emplace(key.limits.end());
            else
                it = std::min_element(
                    key.limits.begin(), key.limits.end(),
                    [](const Limit& a, const Limit& b) { return a.calls < b.calls; });
            *it = Limit{*maxTokens, 0, 0, {}};
        }
        ++it->calls;
        it->truncated += truncated;
        it->variant = event.variant;
    }
    // A cut-off call's length is only known to exceed what it produced.
    const int64_t length = event.outputTokens >= 1 ? event.outputTokens
        : truncated && maxTokens                   ? *maxTokens
                                                   : 0;
    if (length >= 1)
        (truncated ? key.truncatedTokens : key.completedTokens).add(static_cast<double>(length));
}

std::vector<Recommendation> ParameterTuner::recommend(const PriceTable* prices) const
{
    std::vector<Recommendation> out;
    for (const auto& [name, key] : m_keys) {
        Recommendation r;
        if (tuneSampling(key, r))
            out.push_back(std::move(r));
        Recommendation m;
        if (tuneMaxTokens(key, prices, m))
            out.push_back(std::move(m));
    }
    return out;
}

bool ParameterTuner::tuneSampling(const Key& key, Recommendation& out) const
{
    const auto& settings = key.settings;
    if (settings.size() < std::max<size_t>(m_options.minSettings, 2))
        return false;
    const auto n = static_cast<Eigen::Index>(settings.size());

    double sumSquares = 0.0, dof = 0.0;
    uint64_t calls = 0;
    for (const Setting& s : settings) {
        const double m = static_cast<double>(s.quality.count());
        sumSquares += s.quality.variance() * (m - 1.0);
        dof += m - 1.0;
        calls += s.quality.count();
    }
    double pooled = dof > 0 ? sumSquares / dof : 0.0;
    if (dof <= 0) { // one score per setting: their spread is all there is
        RunningStats means;
        for (const Setting& s : settings)
            means.add(s.quality.mean());
        pooled = means.variance();
    }

    const bool twoD = std::any_of(settings.begin(), settings.end(), [&](const Setting& s) {
        return std::abs(s.topP - settings.front().topP) > 1e-9;
    });
    const Eigen::Index d = twoD ? 2 : 1;
    Eigen::MatrixXd x(n, d);
    Eigen::VectorXd y(n), noise(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const Setting& s = settings[static_cast<size_t>(i)];
        const double m = static_cast<double>(s.quality.count());
        x(i, 0) = s.temperature;
        if (twoD)
            x(i, 1) = s.topP;
        y[i] = s.quality.mean();
        const double variance = (s.quality.variance() * (m - 1.0) + kPseudoObservations * pooled)
            / (m - 1.0 + kPseudoObservations);
        noise[i] = variance / m;
    }
    if (!y.allFinite() || !noise.allFinite())
        return false; // scores so large that their moments overflow
    Eigen::VectorXd lower(d), upper(d);
    lower[0] = m_options.temperatureLow;
    upper[0] = m_options.temperatureHigh;
    if (twoD) {
        lower[1] = m_options.topPLow;
        upper[1] = m_options.topPHigh;
    }
    GaussianProcess gp(lower, upper);
    gp.fit(x, y, noise);

    const auto baseline = std::max_element(
        settings.begin(), settings.end(),
        [](const Setting& a, const Setting& b) { return a.quality.count() < b.quality.count(); });
    Eigen::VectorXd current(d);
    current[0] = baseline->temperature;
    if (twoD)
        current[1] = baseline->topP;

    // The candidate: the grid point of multiples of `step` with the largest posterior mean.
    const double step = m_options.step;
    const auto gridOf = [&](double low, double high) {
        std::vector<double> values;
        for (double v = std::ceil(low / step - 1e-9); v * step <= high + 1e-9; v += 1.0)
            values.push_back(roundTo(v * step, 0.01));
        return values;
    };
    const std::vector<double> temperatures
        = gridOf(m_options.temperatureLow, m_options.temperatureHigh);
    const std::vector<double> topPs = twoD ? gridOf(m_options.topPLow, m_options.topPHigh)
                                           : std::vector<double>{baseline->topP};
    Eigen::VectorXd best = current, candidate(d);
    double bestMean = -std::numeric_limits<double>::infinity();
    for (double p : topPs)
        for (double t : temperatures) {
            candidate[0] = t;
            if (twoD)
                candidate[1] = p;
            const double mean = gp.predict(candidate).mean;
            if (mean > bestMean) {
                bestMean = mean;
                best = candidate;
            }
        }
    if ((best - current).norm() < 1e-9)
        return false;
    // The candidate is chosen by the data that then test it. The GP's
    // predictions are combinations of the k settings' means, so there are at
    // most k − 1 independent alternatives to the baseline to pick from:
    // Bonferroni over them keeps the chance of a false recommendation ≤ 5 %.
    const double alternatives = static_cast<double>(settings.size() - 1);
    const double zGain = boost::math::quantile(boost::math::normal(), 1.0 - 0.025 / alternatives);
    const GaussianProcess::Prediction gain = gp.predictDifference(best, current);
    const double low = gain.mean - zGain * gain.sd(), high = gain.mean + zGain * gain.sd();
    if (!(low > m_options.minQualityGain))
        return false;

    const GaussianProcess::Prediction atBest = gp.predict(best), atCurrent = gp.predict(current);
    const GaussianProcess::Suggestion next
        = gp.suggest(m_options.explorationXi, twoD ? size_t(61) : size_t(151));
    const auto point = [&](const Eigen::VectorXd& p, const GaussianProcess::Prediction& f) {
        return nlohmann::json{
            {"temperature", p[0]},
            {"top_p", twoD ? p[1] : baseline->topP},
            {"quality", interval(f.mean, f.mean - kZ95 * f.sd(), f.mean + kZ95 * f.sd())}};
    };
    nlohmann::json observedSettings = nlohmann::json::array();
    for (const Setting& s : settings)
        observedSettings.push_back({{"temperature", s.temperature},
                                    {"top_p", s.topP},
                                    {"calls", s.quality.count()},
                                    {"mean_quality", s.quality.mean()},
                                    {"sd_quality", s.quality.standardDeviation()}});

    Variant target = baseline->variant;
    target.temperature = best[0];
    if (twoD)
        target.topP = best[1];
    out.strategy = "parameter_tuning";
    out.topic = key.taskType + "/" + key.model + "/" + key.promptVersion + ": sampling";
    out.action = "set_parameter";
    out.service = key.service;
    out.createdUnixNano = key.lastUnixNano;
    out.fromVariant = baseline->variant.id();
    out.toVariant = target.id();
    std::string change
        = "temperature " + formatted("%.2f", current[0]) + " → " + formatted("%.2f", best[0]);
    if (twoD)
        change += ", top_p " + formatted("%.2f", current[1]) + " → " + formatted("%.2f", best[1]);
    out.summary = label(key.service, key.taskType, key.model) + ": set " + change
        + "; predicted quality " + formatted("%+.3f", gain.mean) + " (95 % "
        + formatted("%+.3f", low) + " to " + formatted("%+.3f", high) + ") from "
        + std::to_string(calls) + " scored calls at " + std::to_string(settings.size())
        + " settings";
    out.impact = {{"quality", interval(gain.mean, low, high)}};
    out.evidence = {
        {"method",
         "Gaussian process (Matérn 5/2, hyperparameters by marginal likelihood on a "
         "grid) over the mean quality of each setting; expected improvement (Jones, "
         "Schonlau & Welch 1998)"},
        {"task_type", key.taskType},
        {"model", key.model},
        {"prompt_version", key.promptVersion},
        {"parameter", twoD ? "temperature, top_p" : "temperature"},
        {"scored_calls", calls},
        {"interval",
         "95 %, Bonferroni over the " + std::to_string(settings.size() - 1)
             + " alternatives to the baseline (z = " + formatted("%.3f", zGain) + ")"},
        {"settings", observedSettings},
        {"evicted_settings", key.evictedSettings},
        {"current", point(current, atCurrent)},
        {"recommended", point(best, atBest)},
        {"expected_improvement",
         GaussianProcess::expectedImprovement(atBest, gp.incumbent(), m_options.explorationXi)},
        {"next_to_try",
         {{"temperature", next.x[0]},
          {"top_p", twoD ? next.x[1] : baseline->topP},
          {"expected_improvement", next.expectedImprovement}}},
        {"hyperparameters",
         {{"length_scale", gp.hyperparameters().lengthScale},
          {"signal_variance", gp.hyperparameters().signalVariance},
          {"noise_variance", gp.hyperparameters().noiseVariance}}},
    };
    return true;
}

bool ParameterTuner::tuneMaxTokens(const Key& key, const PriceTable* prices,
                                   Recommendation& out) const
{
    if (key.limits.empty()
        || key.completedTokens.count() + key.truncatedTokens.count() < m_options.minLengthCalls)
        return false;
    const auto fit = fitLengths(key.completedTokens, key.truncatedTokens);
    if (!fit)
        return false;
    const LengthModel& model = *fit;
    const Limit& current
        = *std::max_element(key.limits.begin(), key.limits.end(),
                            [](const Limit& a, const Limit& b) { return a.calls < b.calls; });
    const auto limit = static_cast<double>(current.maxTokens);

    // The (1 − target) quantile of ln L, μ + z σ, and its one-sided upper 95 % bound.
    const boost::math::normal standard;
    const double z = boost::math::quantile(standard, 1.0 - m_options.truncationTarget);
    const Eigen::Vector2d gradient(1.0, z);
    const double quantileSd = std::sqrt(gradient.dot(model.covariance * gradient));
    const double recommended
        = std::ceil(std::exp(model.mu + z * model.sigma + kZ95OneSided * quantileSd));

    const Interval observed = wilsonInterval(current.truncated, current.calls);
    const double observedRate
        = static_cast<double>(current.truncated) / static_cast<double>(current.calls);
    const bool raise = recommended > limit && observed.low > m_options.truncationTarget;
    const bool lower = limit >= m_options.lowerFactor * recommended;
    if (!raise && !lower)
        return false;

    // Every figure at the estimate, with its interval from draws of (μ̂, σ̂).
    const Eigen::Matrix2d root = model.covariance.llt().matrixL();
    Xoshiro256 rng(kDrawSeed);
    std::normal_distribution<double> normal;
    std::vector<double> extraDraws, newRateDraws, oldRateDraws;
    const auto extraTokens = [&](double mu, double sigma) {
        return expectedCappedLength(mu, sigma, recommended)
            - expectedCappedLength(mu, sigma, limit);
    };
    for (int i = 0; i < kDraws; ++i) {
        const Eigen::Vector2d e(normal(rng), normal(rng));
        const Eigen::Vector2d theta = Eigen::Vector2d(model.mu, model.sigma) + root * e;
        const double sigma = std::max(theta[1], 1e-6);
        extraDraws.push_back(extraTokens(theta[0], sigma));
        newRateDraws.push_back(upperTail((std::log(recommended) - theta[0]) / sigma));
        oldRateDraws.push_back(upperTail((std::log(limit) - theta[0]) / sigma));
    }
    const double extra = extraTokens(model.mu, model.sigma);
    const double newRate = model.truncationRate(recommended);
    const double oldRate = model.truncationRate(limit);

    const ModelPrice* price = prices ? prices->find(key.model) : nullptr;
    const std::optional<double> perToken
        = price ? std::optional<double>(price->outputPerMTok / 1e6) : std::nullopt;
    Variant target = current.variant;
    target.maxTokens = static_cast<int64_t>(recommended);
    out.strategy = "parameter_tuning";
    out.topic = key.taskType + "/" + key.model + "/" + key.promptVersion + ": max_tokens";
    out.action = "set_parameter";
    out.service = key.service;
    out.createdUnixNano = key.lastUnixNano;
    out.fromVariant = current.variant.id();
    out.toVariant = target.id();

    const std::string name = label(key.service, key.taskType, key.model);
    const std::string change = formatted("%.0f", limit) + " → " + formatted("%.0f", recommended);
    const std::string target100 = formatted("%.3g", 100.0 * m_options.truncationTarget) + " %";
    const auto usdPer1k = [&](double tokens) {
        return "$" + formatted("%.4g", 1000.0 * tokens * *perToken) + " per 1k calls";
    };
    if (raise) {
        out.summary = name + ": raise max_tokens " + change + ": "
            + formatted("%.1f", 100 * observedRate) + " % of calls are cut off, ≤ " + target100
            + " would be; the answers that now run on cost "
            + (perToken ? usdPer1k(extra)
                        : formatted("%.0f", 1000 * extra) + " output tokens per 1k calls")
            + " more (output is billed per token produced, so only they pay), against "
            + formatted("%.0f", 1000 * (oldRate - newRate))
            + " truncated answers per 1k calls avoided"
            + (perToken ? ", whose cut-off output already costs " + usdPer1k(observedRate * limit)
                        : "");
    } else {
        out.summary = name + ": max_tokens " + formatted("%.0f", limit)
            + " is far above what answers use ("
            + formatted("%.3g", 100.0 * (1.0 - m_options.truncationTarget)) + " % finish within "
            + formatted("%.0f", recommended) + "); lowering it to " + formatted("%.0f", recommended)
            + " bounds runaway calls but saves only "
            + (perToken ? usdPer1k(-extra)
                        : formatted("%.0f", -1000 * extra) + " output tokens per 1k calls")
            + ", the tail of the ≈" + formatted("%.2g", 100 * newRate)
            + " % of answers it would cut off — output is billed per token produced, not per token "
              "allowed";
    }
    const nlohmann::json truncationChange = withInterval(newRate - oldRate, [&] {
        std::vector<double> d(newRateDraws.size());
        for (size_t i = 0; i < d.size(); ++i)
            d[i] = newRateDraws[i] - oldRateDraws[i];
        return d;
    }());
    out.impact = {{"truncation_rate", truncationChange}};
    if (perToken) {
        std::vector<double> costDraws = extraDraws;
        for (double& c : costDraws)
            c *= *perToken;
        out.impact["cost_usd"] = withInterval(extra * *perToken, costDraws);
    }
    out.evidence = {
        {"method",
         "log-normal output length with cut-off calls right-censored (Tobit model, "
         "EM); max_tokens from the upper 95 % bound of the (1 − target) quantile "
         "(delta method); intervals from draws of the estimates (Krinsky & Robb 1986)"},
        {"task_type", key.taskType},
        {"model", key.model},
        {"prompt_version", key.promptVersion},
        {"parameter", "max_tokens"},
        {"current_max_tokens", current.maxTokens},
        {"recommended_max_tokens", static_cast<int64_t>(recommended)},
        {"target_truncation_rate", m_options.truncationTarget},
        {"calls_at_current", current.calls},
        {"truncated_at_current", current.truncated},
        {"observed_truncation_rate", interval(observedRate, observed.low, observed.high)},
        {"completed_calls", model.completed},
        {"truncated_calls", model.truncated},
        {"log_normal", {{"mu", model.mu}, {"sigma", model.sigma}}},
        {"truncation_rate_at_current", withInterval(oldRate, oldRateDraws)},
        {"truncation_rate_at_recommended", withInterval(newRate, newRateDraws)},
        {"extra_output_tokens_per_call", withInterval(extra, extraDraws)},
        {"truncations_avoided_per_1k_calls", 1000.0 * (oldRate - newRate)},
        {"completed_output_tokens",
         {{"p50", key.completedTokens.quantile(0.5)},
          {"p90", key.completedTokens.quantile(0.9)},
          {"p99", key.completedTokens.quantile(0.99)}}},
    };
    if (perToken) {
        out.evidence["output_usd_per_token"] = *perToken;
        out.evidence["extra_cost_per_1k_calls_usd"] = 1000.0 * extra * *perToken;
        out.evidence["truncated_output_cost_per_1k_calls_usd"]
            = 1000.0 * observedRate * limit * *perToken;
    }
    return true;
}

} // namespace llmopt
