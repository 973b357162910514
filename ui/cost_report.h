#pragma once

#include "cost_analyzer.h"
#include "event_store.h"
#include "report_output.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// What a period cost (docs/reports.md): spend, calls and tokens by service,
// by model and by both, spend per hour or day by service as a chart, the
// calls without a price, and each budgeted service's days and months against
// its budget. Read from the stored one-minute windows; `llm-optimizer report
// --cost` and the Costs screen's Export report… share it.
class CostReport {
public:
    static constexpr int64_t kHour = report::kHourNanos;

    struct Row {
        std::string service; // "" in the by-model rows
        std::string model; // "" in the by-service rows
        uint64_t calls = 0;
        double costUsd = 0; // priced calls only
        uint64_t unpriced = 0;
        uint64_t inputTokens = 0;
        uint64_t outputTokens = 0;
    };
    // A budgeted service's spend per UTC day and calendar month of the period.
    struct BudgetCheck {
        std::string service;
        llmopt::CostAnalyzer::Budget budget;
        std::vector<std::pair<int64_t, double>> days; // (day start, USD), days with calls
        std::vector<std::pair<int64_t, double>> months; // (month start, USD)
        int daysOver() const;
        int monthsOver() const;
    };

    // `cells`: hourly, from EventStore::costCells over [from, to).
    CostReport(int64_t fromUnixNano, int64_t toUnixNano, std::vector<llmopt::CostCell> cells,
               std::map<std::string, llmopt::CostAnalyzer::Budget> budgets);
    // Reads [from, to) from `store`; `from` is rounded down to the UTC hour.
    static CostReport load(const llmopt::EventStore& store, int64_t fromUnixNano,
                           int64_t toUnixNano,
                           std::map<std::string, llmopt::CostAnalyzer::Budget> budgets = {});

    int64_t from() const { return m_from; }
    int64_t to() const { return m_to; }
    int64_t chartBucket() const { return report::chartBucket(m_from, m_to); }
    double totalUsd() const { return m_total.costUsd; }
    uint64_t calls() const { return m_total.calls; }
    uint64_t unpriced() const { return m_total.unpriced; }
    // Most expensive first.
    std::vector<Row> byService() const;
    std::vector<Row> byModel() const;
    std::vector<Row> byServiceAndModel() const;
    std::vector<BudgetCheck> budgetChecks() const;

    QString chartSvg() const; // spend per chart bucket, one line per service
    QString toHtml() const;
    QByteArray toPdf() const; // needs a QGuiApplication
    nlohmann::json toJson() const;
    QByteArray toCsv() const; // one row per hour, service and model
    bool write(report::Format format, const QString& path, QString* error = nullptr) const;

private:
    QString html(bool inlineSvg) const;
    std::vector<Row> grouped(bool byService, bool byModel) const;

    int64_t m_from;
    int64_t m_to;
    std::vector<llmopt::CostCell> m_cells;
    std::map<std::string, llmopt::CostAnalyzer::Budget> m_budgets;
    Row m_total;
};
