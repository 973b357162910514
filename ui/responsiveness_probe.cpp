#include "responsiveness_probe.h"

#include <algorithm>
#include <cmath>

namespace {

constexpr std::chrono::milliseconds kTick{5};

double milliseconds(std::chrono::steady_clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

// Nearest-rank percentile of `sorted`; 0 when empty.
double percentile(const std::vector<double>& sorted, double p)
{
    if (sorted.empty())
        return 0.0;
    const auto rank = static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

void addPercentiles(QJsonObject& out, const QString& name, std::vector<double> samples,
                    std::initializer_list<double> ps)
{
    std::sort(samples.begin(), samples.end());
    for (double p : ps)
        out[name + QStringLiteral("P%1Ms").arg(std::lround(p * 100))] = percentile(samples, p);
    out[name + QStringLiteral("MaxMs")] = samples.empty() ? 0.0 : samples.back();
}

} // namespace

ResponsivenessProbe::ResponsivenessProbe(Clock::time_point processStart, QObject* parent)
    : QObject(parent)
    , m_processStart(processStart)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kTick);
    connect(&m_timer, &QTimer::timeout, this, &ResponsivenessProbe::tick);
}

void ResponsivenessProbe::markPopulated()
{
    std::lock_guard lock(m_frameMutex);
    m_populated = true;
}

void ResponsivenessProbe::frameBegun()
{
    std::lock_guard lock(m_frameMutex);
    m_frameBegun = Clock::now();
}

void ResponsivenessProbe::frameSwapped()
{
    const Clock::time_point now = Clock::now();
    double coldStartMs = -1.0;
    {
        std::lock_guard lock(m_frameMutex);
        if (m_recording) {
            m_frameMs.push_back(milliseconds(now - m_frameBegun));
            if (m_lastSwap >= m_recordingSince)
                m_frameIntervalMs.push_back(milliseconds(now - m_lastSwap));
        }
        m_lastSwap = now;
        if (m_populated && !m_populatedFrameShown) {
            m_populatedFrameShown = true;
            coldStartMs = milliseconds(now - m_processStart);
        }
    }
    if (coldStartMs >= 0.0)
        Q_EMIT populatedFrameShown(coldStartMs); // queued to the GUI thread's receivers
}

void ResponsivenessProbe::startRecording()
{
    {
        std::lock_guard lock(m_frameMutex);
        m_frameMs.clear();
        m_frameIntervalMs.clear();
        m_recordingSince = Clock::now();
        m_recording = true;
    }
    m_lagMs.clear();
    m_armedAt = Clock::now();
    m_timer.start();
}

void ResponsivenessProbe::tick()
{
    const Clock::time_point now = Clock::now();
    m_lagMs.push_back(std::max(0.0, milliseconds(now - m_armedAt - kTick)));
    m_armedAt = now;
    m_timer.start();
}

QJsonObject ResponsivenessProbe::stopRecording()
{
    QJsonObject out;
    m_timer.stop();
    std::lock_guard lock(m_frameMutex);
    m_recording = false;
    out[QStringLiteral("seconds")] = milliseconds(Clock::now() - m_recordingSince) / 1000.0;
    out[QStringLiteral("lagTicks")] = static_cast<qint64>(m_lagMs.size());
    addPercentiles(out, QStringLiteral("lag"), std::move(m_lagMs), {0.5, 0.9, 0.99});
    out[QStringLiteral("frames")] = static_cast<qint64>(m_frameMs.size());
    addPercentiles(out, QStringLiteral("frame"), std::move(m_frameMs), {0.5, 0.99});
    addPercentiles(out, QStringLiteral("frameInterval"), std::move(m_frameIntervalMs), {0.5});
    m_lagMs.clear();
    m_frameMs.clear();
    m_frameIntervalMs.clear();
    return out;
}
