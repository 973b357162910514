#pragma once

#include "overview_snapshot.h"

#include <QObject>
#include <QString>
#include <memory>

class QTimer;

namespace llmopt {
class Collector;
class EventStore;
class ModelTimeline;
class PriceTable;
class Simulator;
class VariantAggregator;
} // namespace llmopt

// The embedded demo feed: runs the simulator in real time on the engine
// thread, pushes its events through the collector into the store and the
// aggregates, and publishes snapshots. Lives on its own QThread; talk to it
// only through queued signals and slots.
class LiveFeed : public QObject {
    Q_OBJECT
public:
    struct Settings {
        QString databasePath;
        QString scenario = QStringLiteral("demo");
        quint64 seed = 1;
        int backfillSeconds = 600; // history generated at start so charts are populated at once
        int tickMilliseconds = 100; // simulator step and snapshot rate (≤ 10 Hz)
        double rateScale = 1.0;
    };

    LiveFeed(Settings settings, const llmopt::PriceTable& prices);
    ~LiveFeed() override;

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    void snapshotReady(const OverviewSnapshotPtr& snapshot);
    void failed(const QString& message);

private:
    void tick();

    Settings m_settings;
    std::unique_ptr<llmopt::PriceTable> m_prices;
    std::unique_ptr<llmopt::EventStore> m_store;
    std::unique_ptr<llmopt::Collector> m_collector;
    std::unique_ptr<llmopt::Simulator> m_simulator;
    std::unique_ptr<llmopt::VariantAggregator> m_variants;
    std::unique_ptr<llmopt::ModelTimeline> m_timeline;
    QStringList m_scenarioNotes;
    QTimer* m_timer = nullptr;
    int64_t m_lastRetentionUnixNano = 0;
};
