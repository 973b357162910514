#include "gaussian_process.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

namespace llmopt {

namespace {

// Added to the diagonal relative to s², so that repeated points without noise
// still factorise; it moves an interpolated value by about 1e-8 of s.
constexpr double kJitter = 1e-8;

constexpr double kLengthScaleMin = 0.05;
constexpr double kLengthScaleRatio = 1.5;
constexpr int kLengthScales = 10; // 0.05 … 1.9 box sides
constexpr int kSignalDecadeMin = -3; // s² from 10⁻³ to 10¹ times the values' variance,
constexpr int kSignalHalfDecades = 9; // in steps of √10
constexpr double kNoiseShares[] = {0.0, 1e-3, 1e-2, 0.1, 1.0}; // σₙ², times that variance

double normalPdf(double z)
{
    return std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
}
double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

} // namespace

double GaussianProcess::Prediction::sd() const
{
    return std::sqrt(std::max(variance, 0.0));
}

GaussianProcess::GaussianProcess(Eigen::VectorXd lower, Eigen::VectorXd upper)
    : m_lower(std::move(lower))
    , m_upper(std::move(upper))
{
    if (m_lower.size() < 1 || m_lower.size() > 2 || m_upper.size() != m_lower.size())
        throw std::invalid_argument("GaussianProcess: the box must have 1 or 2 dimensions");
    for (Eigen::Index i = 0; i < m_lower.size(); ++i)
        if (!std::isfinite(m_lower[i]) || !std::isfinite(m_upper[i]) || !(m_lower[i] < m_upper[i]))
            throw std::invalid_argument(
                "GaussianProcess: each side of the box needs lower < upper");
    m_x.resize(0, m_lower.size());
}

Eigen::VectorXd GaussianProcess::scaled(const Eigen::VectorXd& x) const
{
    return ((x - m_lower).array() / (m_upper - m_lower).array()).matrix();
}

double GaussianProcess::kernel(const Eigen::VectorXd& a, const Eigen::VectorXd& b) const
{
    const double r = std::sqrt(5.0) * (a - b).norm() / m_hyper.lengthScale;
    return m_hyper.signalVariance * (1.0 + r + r * r / 3.0) * std::exp(-r);
}

Eigen::VectorXd GaussianProcess::crossCovariance(const Eigen::VectorXd& scaledPoint) const
{
    Eigen::VectorXd k(m_x.rows());
    for (Eigen::Index i = 0; i < m_x.rows(); ++i)
        k[i] = kernel(m_x.row(i).transpose(), scaledPoint);
    return k;
}

void GaussianProcess::validate(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                               const Eigen::VectorXd& pointNoise) const
{
    if (x.rows() == 0 || x.cols() != m_lower.size() || y.size() != x.rows()
        || (pointNoise.size() != 0 && pointNoise.size() != x.rows()))
        throw std::invalid_argument("GaussianProcess::fit: needs n ≥ 1 points of the box's "
                                    "dimension, n values and none or n noise variances");
    if (!x.allFinite() || !y.allFinite() || !pointNoise.allFinite()
        || (pointNoise.size() && pointNoise.minCoeff() < 0.0))
        throw std::invalid_argument("GaussianProcess::fit: non-finite input or negative noise");
}

void GaussianProcess::store(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                            const Eigen::VectorXd& pointNoise)
{
    m_x.resize(x.rows(), x.cols());
    for (Eigen::Index i = 0; i < x.rows(); ++i)
        m_x.row(i) = scaled(x.row(i).transpose()).transpose();
    m_priorMean = y.mean();
    m_y = y.array() - m_priorMean;
    m_pointNoise = pointNoise.size() ? pointNoise : Eigen::VectorXd::Zero(x.rows());
}

bool GaussianProcess::factorise(const Hyperparameters& h)
{
    m_hyper = h;
    const Eigen::Index n = m_x.rows();
    Eigen::MatrixXd k(n, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < i; ++j)
            k(i, j) = k(j, i) = kernel(m_x.row(i).transpose(), m_x.row(j).transpose());
        k(i, i) = h.signalVariance * (1.0 + kJitter) + h.noiseVariance + m_pointNoise[i];
    }
    m_llt.compute(k);
    if (m_llt.info() != Eigen::Success)
        return false;
    m_alpha = m_llt.solve(m_y);
    // log p(y) = −½ yᵀα − Σ log Lᵢᵢ − (n/2) log 2π (Rasmussen & Williams, eq. 2.30).
    const Eigen::MatrixXd& l = m_llt.matrixLLT();
    m_logLikelihood = -0.5 * m_y.dot(m_alpha) - l.diagonal().array().log().sum()
        - 0.5 * static_cast<double>(n) * std::log(2.0 * std::numbers::pi);
    return std::isfinite(m_logLikelihood);
}

void GaussianProcess::fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                          const Eigen::VectorXd& pointNoise, const Hyperparameters& hyperparameters)
{
    validate(x, y, pointNoise);
    if (!(hyperparameters.lengthScale > 0.0) || !(hyperparameters.signalVariance > 0.0)
        || !(hyperparameters.noiseVariance >= 0.0) || !std::isfinite(hyperparameters.lengthScale)
        || !std::isfinite(hyperparameters.signalVariance)
        || !std::isfinite(hyperparameters.noiseVariance))
        throw std::invalid_argument("GaussianProcess::fit: ℓ and s² must be positive, σₙ² ≥ 0");
    store(x, y, pointNoise);
    if (!factorise(hyperparameters))
        throw std::invalid_argument("GaussianProcess::fit: covariance not positive definite");
}

void GaussianProcess::fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                          const Eigen::VectorXd& pointNoise)
{
    validate(x, y, pointNoise);
    store(x, y, pointNoise);
    // The grid's scale: the values' spread, or their noise when they are all
    // alike, so that s² can come out small against the noise.
    const double spread = std::max(
        {m_y.squaredNorm() / static_cast<double>(m_y.size()), m_pointNoise.mean(), 1e-12});
    const bool knownNoise = m_pointNoise.maxCoeff() > 0.0;
    Hyperparameters best;
    double bestLikelihood = -std::numeric_limits<double>::infinity();
    for (int li = 0; li < kLengthScales; ++li)
        for (int si = 0; si < kSignalHalfDecades; ++si)
            for (double noiseShare : kNoiseShares) {
                if (knownNoise && noiseShare > 0.0)
                    break;
                const Hyperparameters h{kLengthScaleMin * std::pow(kLengthScaleRatio, li),
                                        spread * std::pow(10.0, kSignalDecadeMin + 0.5 * si),
                                        spread * noiseShare};
                if (factorise(h) && m_logLikelihood > bestLikelihood) {
                    bestLikelihood = m_logLikelihood;
                    best = h;
                }
            }
    if (!std::isfinite(bestLikelihood) || !factorise(best))
        throw std::invalid_argument("GaussianProcess::fit: no hyperparameters gave a positive "
                                    "definite covariance");
}

GaussianProcess::Prediction GaussianProcess::predict(const Eigen::VectorXd& x) const
{
    if (m_x.rows() == 0)
        return {0.0, m_hyper.signalVariance};
    const Eigen::VectorXd k = crossCovariance(scaled(x));
    const Eigen::VectorXd v = m_llt.matrixL().solve(k);
    return {m_priorMean + k.dot(m_alpha), std::max(m_hyper.signalVariance - v.squaredNorm(), 0.0)};
}

GaussianProcess::Prediction GaussianProcess::predictDifference(const Eigen::VectorXd& a,
                                                               const Eigen::VectorXd& b) const
{
    const Eigen::VectorXd sa = scaled(a), sb = scaled(b);
    const double prior = 2.0 * m_hyper.signalVariance - 2.0 * kernel(sa, sb);
    if (m_x.rows() == 0)
        return {0.0, std::max(prior, 0.0)};
    const Eigen::VectorXd ka = crossCovariance(sa), kb = crossCovariance(sb);
    const Eigen::VectorXd v = m_llt.matrixL().solve(ka - kb);
    return {(ka - kb).dot(m_alpha), std::max(prior - v.squaredNorm(), 0.0)};
}

double GaussianProcess::expectedImprovement(const Prediction& prediction, double best, double xi)
{
    const double d = prediction.mean - best - xi;
    const double sd = prediction.sd();
    if (sd <= 0.0)
        return std::max(d, 0.0);
    const double z = d / sd;
    return d * normalCdf(z) + sd * normalPdf(z);
}

double GaussianProcess::incumbent() const
{
    double best = -std::numeric_limits<double>::infinity();
    for (Eigen::Index i = 0; i < m_x.rows(); ++i) {
        const Eigen::VectorXd x
            = (m_lower.array() + m_x.row(i).transpose().array() * (m_upper - m_lower).array())
                  .matrix();
        best = std::max(best, predict(x).mean);
    }
    return best;
}

GaussianProcess::Suggestion GaussianProcess::suggest(double xi, size_t pointsPerSide) const
{
    if (m_x.rows() == 0 || pointsPerSide < 2)
        throw std::invalid_argument("GaussianProcess::suggest: needs a fit and ≥ 2 points a side");
    const double best = incumbent();
    const Eigen::Index d = m_lower.size();
    const size_t total = d == 1 ? pointsPerSide : pointsPerSide * pointsPerSide;
    const double last = static_cast<double>(pointsPerSide - 1);
    Suggestion out;
    out.expectedImprovement = -1.0;
    Eigen::VectorXd x(d);
    for (size_t i = 0; i < total; ++i) {
        x[0] = m_lower[0]
            + (m_upper[0] - m_lower[0]) * static_cast<double>(i % pointsPerSide) / last;
        if (d == 2)
            x[1] = m_lower[1]
                + (m_upper[1] - m_lower[1]) * static_cast<double>(i / pointsPerSide) / last;
        const Prediction p = predict(x);
        const double ei = expectedImprovement(p, best, xi);
        if (ei > out.expectedImprovement)
            out = {x, ei, p};
    }
    return out;
}

} // namespace llmopt
