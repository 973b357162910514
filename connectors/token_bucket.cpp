#include "token_bucket.h"

#include <algorithm>

namespace llmopt {

namespace {
// Rounding must not leave a token at 0.999…: the caller would wake, find
// none and wake again at once.
constexpr double kSlack = 1e-9;
} // namespace

TokenBucket::TokenBucket(double ratePerSecond, double burst, Clock::time_point now)
    : m_rate(ratePerSecond)
    , m_burst(std::max(1.0, burst))
    , m_tokens(m_burst)
    , m_last(now)
{
}

void TokenBucket::refill(Clock::time_point now)
{
    if (now <= m_last)
        return;
    const double elapsed = std::chrono::duration<double>(now - m_last).count();
    m_tokens = std::min(m_burst, m_tokens + elapsed * m_rate);
    m_last = now;
}

bool TokenBucket::tryTake(Clock::time_point now)
{
    if (m_rate <= 0)
        return true;
    refill(now);
    if (m_tokens < 1.0 - kSlack)
        return false;
    m_tokens -= 1.0;
    return true;
}

TokenBucket::Clock::time_point TokenBucket::nextTokenAt(Clock::time_point now)
{
    if (m_rate <= 0)
        return now;
    refill(now);
    if (m_tokens >= 1.0 - kSlack)
        return now;
    const auto wait = std::chrono::duration<double>((1.0 - m_tokens) / m_rate);
    return now + std::chrono::ceil<Clock::duration>(wait);
}

} // namespace llmopt
