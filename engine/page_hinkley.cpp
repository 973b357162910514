#include "page_hinkley.h"

#include <algorithm>

namespace llmopt {

PageHinkley::PageHinkley()
    : PageHinkley(Options{})
{
}

PageHinkley::PageHinkley(Options options)
    : m_options(options)
{
}

void PageHinkley::reset()
{
    m_count = 0;
    m_mean = m_sumUp = m_minUp = m_sumDown = m_maxDown = 0.0;
}

PageHinkley::Alarm PageHinkley::update(double x)
{
    ++m_count;
    m_mean += (x - m_mean) / double(m_count);
    const double deviation = x - m_mean;
    m_sumUp = m_options.alpha * m_sumUp + deviation - m_options.delta;
    m_sumDown = m_options.alpha * m_sumDown + deviation + m_options.delta;
    m_minUp = m_count == 1 ? m_sumUp : std::min(m_minUp, m_sumUp);
    m_maxDown = m_count == 1 ? m_sumDown : std::max(m_maxDown, m_sumDown);
    if (m_count < uint64_t(m_options.minInstances))
        return Alarm::None;
    Alarm alarm = Alarm::None;
    if (m_options.direction != Direction::Down && m_sumUp - m_minUp > m_options.threshold)
        alarm = Alarm::Increase;
    else if (m_options.direction != Direction::Up && m_maxDown - m_sumDown > m_options.threshold)
        alarm = Alarm::Decrease;
    if (alarm != Alarm::None) {
        ++m_detections;
        reset();
    }
    return alarm;
}

} // namespace llmopt
