#include "context_features.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace llmopt {

namespace {

std::map<std::string, size_t, std::less<>> slotMap(const std::vector<std::string>& vocabulary,
                                                   const char* what)
{
    std::map<std::string, size_t, std::less<>> slot;
    for (size_t i = 0; i < vocabulary.size(); ++i)
        if (!slot.emplace(vocabulary[i], i).second)
            throw std::invalid_argument(std::string("context features: ") + what + " \""
                                        + vocabulary[i] + "\" is listed twice");
    return slot;
}

} // namespace

ContextFeatures::ContextFeatures(std::vector<std::string> services,
                                 std::vector<std::string> taskTypes, double referenceTokens)
    : m_services(std::move(services))
    , m_taskTypes(std::move(taskTypes))
    , m_serviceSlot(slotMap(m_services, "service"))
    , m_taskSlot(slotMap(m_taskTypes, "task type"))
    , m_tokenScale(1.0 / std::log1p(referenceTokens))
    , m_dimension(1 + m_services.size() + 1 + 2 * (m_taskTypes.size() + 1) + 3)
{
    if (!(referenceTokens > 0) || !std::isfinite(referenceTokens))
        throw std::invalid_argument("context features: the reference token count must be "
                                    "positive and finite");
}

std::vector<std::string> ContextFeatures::names() const
{
    std::vector<std::string> names{"intercept"};
    for (const std::string& s : m_services)
        names.push_back("service=" + s);
    names.emplace_back("service=other");
    for (const std::string& t : m_taskTypes)
        names.push_back("task=" + t);
    names.emplace_back("task=other");
    for (const char* n : {"log input tokens", "hour sin", "hour cos"})
        names.emplace_back(n);
    for (const std::string& t : m_taskTypes)
        names.push_back("log input tokens, task=" + t);
    names.emplace_back("log input tokens, task=other");
    return names;
}

ContextFeatures::Slots ContextFeatures::slotsOf(std::string_view service,
                                                std::string_view taskType) const
{
    const auto serviceIt = m_serviceSlot.find(service);
    const auto taskIt = m_taskSlot.find(taskType);
    return {uint32_t(serviceIt == m_serviceSlot.end() ? m_services.size() : serviceIt->second),
            uint32_t(taskIt == m_taskSlot.end() ? m_taskTypes.size() : taskIt->second)};
}

void ContextFeatures::encode(std::string_view service, std::string_view taskType,
                             int64_t inputTokens, double hourUtc, Eigen::VectorXd& out) const
{
    encode(slotsOf(service, taskType), inputTokens, hourUtc, out);
}

void ContextFeatures::encode(Slots where, int64_t inputTokens, double hourUtc,
                             Eigen::VectorXd& out) const
{
    if (size_t(out.size()) != m_dimension)
        out.resize(Eigen::Index(m_dimension));
    out.setZero();
    out[0] = 1.0;
    out[Eigen::Index(1 + std::min<size_t>(where.service, m_services.size()))] = 1.0;
    const size_t taskBase = 2 + m_services.size();
    const size_t task = std::min<size_t>(where.task, m_taskTypes.size());
    out[Eigen::Index(taskBase + task)] = 1.0;
    const auto tail = Eigen::Index(taskBase + m_taskTypes.size() + 1);
    const double tokens = std::log1p(double(std::max<int64_t>(inputTokens, 0))) * m_tokenScale;
    out[tail] = tokens;
    out[tail + 3 + Eigen::Index(task)] = tokens;
    if (std::isfinite(hourUtc)) {
        const double angle = 2.0 * std::numbers::pi * hourUtc / 24.0;
        out[tail + 1] = std::sin(angle);
        out[tail + 2] = std::cos(angle);
    }
}

} // namespace llmopt
