#pragma once

#include "finding.h"
#include "reference_tracker.h"

#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace llmopt {

struct WindowResult;

// Cost per key (service/variant) and spend per service:
//  - cost per request of the latest `currentWindows` against the key's first
//    `referenceWindows`: Welch's t-test; a finding needs p < α and a change of
//    at least `minRelativeChange` (a rise is a warning, critical from +50 %;
//    a fall is info). Cost per 1k tokens and per good outcome (score ≥ 0.5)
//    are in the evidence;
//  - calls without a price: one finding per key, naming the fix;
//  - budget burn: per service, spend so far in the UTC day and month plus the
//    last hour's rate to the end of the period; a finding the first time the
//    forecast crosses each alert fraction of a budget in a period.
class CostAnalyzer {
public:
    struct Budget {
        double dailyUsd = 0; // 0: none
        double monthlyUsd = 0;
    };
    struct Options {
        int referenceWindows = 30;
        int currentWindows = 10;
        double alpha = 0.001;
        double minRelativeChange = 0.10;
        uint64_t minPriced = 100; // priced calls in each of reference and current
        std::map<std::string, Budget> budgets; // by service
        std::vector<double> alertFractions{0.5, 0.8, 1.0};
    };

    // A budget period, [start, end).
    struct Period {
        int64_t startUnixNano = 0;
        int64_t endUnixNano = 0;
    };
    static Period dayOf(int64_t unixNano); // the UTC day
    static Period monthOf(int64_t unixNano); // the UTC calendar month
    // What a period will have cost at its end: spent so far plus the last
    // hour's spend for every hour still to come.
    static double forecast(double spentUsd, double lastHourUsd, int64_t nowUnixNano,
                           int64_t periodEndUnixNano);

    CostAnalyzer(std::string grouping, Options options);
    explicit CostAnalyzer(std::string grouping);

    std::vector<Finding> add(const WindowResult& window);

private:
    struct Spend {
        Period day{-1, -1}; // of `today`
        Period month{-1, -1}; // of `thisMonth`
        double today = 0;
        double thisMonth = 0;
        std::deque<std::pair<int64_t, double>> lastHour; // (window end, cost)
        std::set<std::string> alerted; // "day:0.8", "month:1" — reset with the period
    };
    void budget(const WindowResult& window, std::vector<Finding>& out);

    std::string m_grouping;
    Options m_options;
    ReferenceTracker m_tracker;
    std::set<std::string> m_unpricedReported; // keys whose calls without a price were named
    std::map<std::string, Spend> m_spend; // by service
};

} // namespace llmopt
