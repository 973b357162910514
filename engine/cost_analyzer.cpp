#include "cost_analyzer.h"

#include "hypothesis_tests.h"
#include "stream_processor.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace llmopt {

namespace {

constexpr int64_t kHour = 3'600'000'000'000LL;
constexpr int64_t kDay = 24 * kHour;

} // namespace

CostAnalyzer::Period CostAnalyzer::dayOf(int64_t unixNano)
{
    const int64_t start = (unixNano >= 0 ? unixNano : unixNano - kDay + 1) / kDay * kDay;
    return {start, start + kDay};
}

CostAnalyzer::Period CostAnalyzer::monthOf(int64_t unixNano)
{
    using namespace std::chrono;
    const sys_days day{floor<days>(sys_time<nanoseconds>(nanoseconds(unixNano)))};
    const year_month_day ymd(day);
    const year_month month(ymd.year(), ymd.month());
    const auto nanosAt = [](year_month m) {
        return duration_cast<nanoseconds>(sys_days{m / 1}.time_since_epoch()).count();
    };
    return {nanosAt(month), nanosAt(month + months(1))};
}

double CostAnalyzer::forecast(double spentUsd, double lastHourUsd, int64_t nowUnixNano,
                              int64_t periodEndUnixNano)
{
    return spentUsd
        + lastHourUsd * double(std::max<int64_t>(periodEndUnixNano - nowUnixNano, 0))
        / double(kHour);
}

CostAnalyzer::CostAnalyzer(std::string grouping, Options options)
    : m_grouping(std::move(grouping))
    , m_options(std::move(options))
    , m_tracker(m_options.referenceWindows, m_options.currentWindows)
{
}

CostAnalyzer::CostAnalyzer(std::string grouping)
    : CostAnalyzer(std::move(grouping), Options{})
{
}

std::vector<Finding> CostAnalyzer::add(const WindowResult& window)
{
    std::vector<Finding> out;
    auto finding = [&](const char* metric) {
        return Finding::about("cost", m_grouping, window.key, metric, window.startUnixNano,
                              window.endUnixNano);
    };

    if (window.stats.costUnknown > 0 && m_unpricedReported.insert(window.key).second) {
        Finding f = finding("cost_unknown");
        f.method = "price table lookup";
        f.statistic = double(window.stats.costUnknown);
        f.severity = Finding::Severity::Warning;
        f.summary = std::to_string(window.stats.costUnknown) + " calls of " + window.key
            + " have no price: their model is not in the price table — add it to a prices file "
              "(--prices, or prices: in the daemon config)";
        f.evidence
            = {{"unpriced_calls", window.stats.costUnknown}, {"calls", window.stats.requests}};
        out.push_back(std::move(f));
    }
    budget(window, out);

    const auto comparison = m_tracker.add(window);
    if (!comparison)
        return out;
    const WindowStats& current = comparison->current;
    const RunningStats& ref = comparison->reference->costUsd;
    const RunningStats& now = current.costUsd;
    if (ref.count() < m_options.minPriced || now.count() < m_options.minPriced || ref.mean() <= 0)
        return out;
    const TwoSampleTest t = welchTTest(now.mean(), now.standardDeviation(), now.count(), ref.mean(),
                                       ref.standardDeviation(), ref.count());
    const double change = now.mean() / ref.mean() - 1;
    const bool significant
        = t.pValue < m_options.alpha && std::abs(change) >= m_options.minRelativeChange;
    if (!m_tracker.raise(window.key, "cost_per_request_usd", significant ? 1 : 0))
        return out;
    auto per1kTokens = [](const WindowStats& s) {
        const double tokens = s.inputTokens.sum() + s.outputTokens.sum();
        return tokens > 0 ? 1000 * s.costUsd.sum() / tokens : 0.0;
    };
    auto perGood = [](const WindowStats& s) {
        return s.qualityGood ? s.costUsd.sum() / double(s.qualityGood) : 0.0;
    };
    Finding f = finding("cost_per_request_usd");
    f.windowStartUnixNano = comparison->currentStartUnixNano;
    f.method = "Welch t-test on cost per request";
    f.statistic = t.statistic;
    f.pValue = t.pValue;
    f.threshold = m_options.alpha;
    f.severity = change < 0 ? Finding::Severity::Info
        : change >= 0.5     ? Finding::Severity::Critical
                            : Finding::Severity::Warning;
    f.summary = "cost per request of " + window.key + (change > 0 ? " rose " : " fell ")
        + formatted("%.0f", 100 * std::abs(change)) + " %: $" + formatted("%.6f", ref.mean())
        + " → $" + formatted("%.6f", now.mean());
    const Interval ri = meanInterval(ref.mean(), ref.standardDeviation(), ref.count());
    const Interval ci = meanInterval(now.mean(), now.standardDeviation(), now.count());
    f.evidence = {{"reference",
                   {{"per_request", ref.mean()},
                    {"ci95", {ri.low, ri.high}},
                    {"per_1k_tokens", per1kTokens(*comparison->reference)},
                    {"per_good_outcome", perGood(*comparison->reference)},
                    {"n", ref.count()}}},
                  {"current",
                   {{"per_request", now.mean()},
                    {"ci95", {ci.low, ci.high}},
                    {"per_1k_tokens", per1kTokens(current)},
                    {"per_good_outcome", perGood(current)},
                    {"n", now.count()}}}};
    out.push_back(std::move(f));
    return out;
}

void CostAnalyzer::budget(const WindowResult& window, std::vector<Finding>& out)
{
    const std::string service = window.key.substr(0, window.key.find('/'));
    const auto budgetIt = m_options.budgets.find(service);
    if (budgetIt == m_options.budgets.end())
        return;
    const Budget& b = budgetIt->second;
    Spend& s = m_spend[service];
    const int64_t t = window.endUnixNano - 1; // the window's last instant
    const Period day = dayOf(t);
    const Period month = monthOf(t);
    auto reset = [&](const char* prefix) {
        for (auto a = s.alerted.begin(); a != s.alerted.end();)
            a = a->starts_with(prefix) ? s.alerted.erase(a) : std::next(a);
    };
    if (day.startUnixNano != s.day.startUnixNano) {
        s.day = day;
        s.today = 0;
        reset("day:");
    }
    if (month.startUnixNano != s.month.startUnixNano) {
        s.month = month;
        s.thisMonth = 0;
        reset("month:");
    }
    const double cost = window.stats.costUsd.sum();
    s.today += cost;
    s.thisMonth += cost;
    s.lastHour.emplace_back(window.endUnixNano, cost);
    while (!s.lastHour.empty() && s.lastHour.front().first <= window.endUnixNano - kHour)
        s.lastHour.pop_front();
    double hourSpend = 0;
    for (const auto& [end, c] : s.lastHour)
        hourSpend += c;

    auto check = [&](const char* period, double budget, double spent, int64_t periodEnd) {
        if (budget <= 0)
            return;
        const double forecast
            = CostAnalyzer::forecast(spent, hourSpend, window.endUnixNano, periodEnd);
        for (double fraction : m_options.alertFractions) {
            const std::string id = std::string(period) + ":" + formatted("%g", fraction);
            if (forecast < fraction * budget || s.alerted.contains(id))
                continue;
            s.alerted.insert(id);
            Finding f = Finding::about("cost", "service", service, std::string(period) + "_budget",
                                       window.startUnixNano, window.endUnixNano);
            f.method = "spend so far plus the last hour's rate to the end of the period";
            f.statistic = forecast;
            f.threshold = fraction * budget;
            f.severity = fraction >= 1.0 ? Finding::Severity::Critical : Finding::Severity::Warning;
            f.summary = service + " is on course to spend $" + formatted("%.2f", forecast)
                + " this " + (std::string(period) == "daily" ? "day" : "month") + ", "
                + formatted("%.0f", 100 * forecast / budget) + " % of its $"
                + formatted("%.2f", budget) + " budget ($" + formatted("%.2f", spent)
                + " spent so far)";
            f.evidence = {{"spent", spent},
                          {"forecast", forecast},
                          {"budget", budget},
                          {"fraction", fraction},
                          {"spend_per_hour", hourSpend}};
            out.push_back(std::move(f));
        }
    };
    check("daily", b.dailyUsd, s.today, day.endUnixNano);
    check("monthly", b.monthlyUsd, s.thisMonth, month.endUnixNano);
}

} // namespace llmopt
