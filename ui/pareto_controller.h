#pragma once

#include "decision_engine.h"

#include <QObject>
#include <QStringList>
#include <map>
#include <string>
#include <vector>

class QAbstractSeries;

// The Pareto explorer's model: per service its variants' quality against cost
// per request (p95 latency as colour) from the engine's trailing hour of
// windows, the front beyond noise, and the constrained choice — recomputed on
// the GUI thread as the operator moves the quality-tolerance and SLO controls
// (a front of a handful of variants takes microseconds).
class ParetoController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QStringList services READ services NOTIFY viewsChanged)
    Q_PROPERTY(QString service READ service WRITE setService NOTIFY changed)
    Q_PROPERTY(double maxQualityLoss READ maxQualityLoss WRITE setMaxQualityLoss NOTIFY changed)
    Q_PROPERTY(double latencySloMs READ latencySloMs WRITE setLatencySloMs NOTIFY changed)
    Q_PROPERTY(int variantCount READ variantCount NOTIFY changed)
    Q_PROPERTY(QString choice READ choice NOTIFY changed)
    Q_PROPERTY(QString incumbent READ incumbent NOTIFY changed)
    Q_PROPERTY(QString reason READ reason NOTIFY changed)
    Q_PROPERTY(double monthlySavings READ monthlySavings NOTIFY changed)
    Q_PROPERTY(double costMax READ costMax NOTIFY changed)
    Q_PROPERTY(double qualityMin READ qualityMin NOTIFY changed)
    Q_PROPERTY(double latencyMin READ latencyMin NOTIFY changed)
    Q_PROPERTY(double latencyMax READ latencyMax NOTIFY changed)

public:
    enum Series { AllVariants, Front, Choice, Incumbent };
    Q_ENUM(Series)

    explicit ParetoController(QObject* parent = nullptr);

    // The engine's latest views, and the operator's names of variant ids.
    void setViews(std::vector<llmopt::DecisionEngine::ServiceView> views,
                  std::map<std::string, std::string> labels);

    QStringList services() const;
    QString service() const { return m_service; }
    void setService(const QString& service);
    double maxQualityLoss() const { return m_maxQualityLoss; }
    void setMaxQualityLoss(double loss);
    double latencySloMs() const { return m_latencySloMs; }
    void setLatencySloMs(double ms); // 0: none
    int variantCount() const;
    QString choice() const { return m_choice; }
    QString incumbent() const { return m_incumbent; }
    QString reason() const { return m_reason; }
    double monthlySavings() const { return m_monthlySavings; }
    double costMax() const { return m_costMax; }
    double qualityMin() const { return m_qualityMin; }
    double latencyMin() const { return m_latencyMin; }
    double latencyMax() const { return m_latencyMax; }

    // Cost per request (x, USD) against quality (y). AllVariants colours each
    // point by its p95 from green (fast) to red (slow); Front joins the front
    // by cost; Choice and Incumbent are one point each.
    Q_INVOKABLE void fillSeries(QAbstractSeries* series, Series which) const;
    // Name, quality, cost, p95 and front membership of variant `index`, for hover read-outs.
    Q_INVOKABLE QVariantMap variant(int index) const;

Q_SIGNALS:
    void viewsChanged();
    void changed();

private:
    const llmopt::DecisionEngine::ServiceView* current() const;
    QString label(const std::string& variantId) const;
    void recompute();

    std::vector<llmopt::DecisionEngine::ServiceView> m_views;
    std::map<std::string, std::string> m_labels;
    QString m_service;
    double m_maxQualityLoss = 0.02;
    double m_latencySloMs = 0;
    std::vector<size_t> m_front; // of the current service, by cost
    std::optional<size_t> m_choiceIndex;
    QString m_choice, m_incumbent, m_reason;
    double m_monthlySavings = 0;
    double m_costMax = 1, m_qualityMin = 0, m_latencyMin = 0, m_latencyMax = 1;
};
