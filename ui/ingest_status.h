#pragma once

#include <QObject>
#include <QString>
#include <deque>
#include <utility>

// The feed at a glance, for the status bar: how many events a second reach
// the engine, how full its ingest queue is, how often sources were pushed
// back, and which sources are up. Fed by EngineHost with each refresh
// (≤10 Hz); signals only when a figure changes.
class IngestStatus : public QObject {
    Q_OBJECT
    Q_PROPERTY(double eventsPerSecond READ eventsPerSecond NOTIFY changed)
    Q_PROPERTY(qulonglong queueDepth READ queueDepth NOTIFY changed)
    Q_PROPERTY(qulonglong queueCapacity READ queueCapacity NOTIFY changed)
    Q_PROPERTY(qulonglong pushedBack READ pushedBack NOTIFY changed)
    Q_PROPERTY(int sourcesRunning READ sourcesRunning NOTIFY changed)
    Q_PROPERTY(int sourcesTotal READ sourcesTotal NOTIFY changed)
    Q_PROPERTY(QString failingSource READ failingSource NOTIFY changed)
    Q_PROPERTY(QString failingError READ failingError NOTIFY changed)

public:
    // The rate is the change of `received` over this span (smooths the
    // demo's 100 ms ticks and the engine's batches).
    static constexpr qint64 kRateSpanMs = 5000;

    struct Reading {
        qint64 atMs = 0; // on a monotonic clock
        quint64 received = 0; // events the engine took from the queue since it started
        quint64 queueDepth = 0; // events waiting
        quint64 queueCapacity = 0;
        quint64 pushedBack = 0; // times a source was told to wait, all sources together
        int sourcesRunning = 0;
        int sourcesTotal = 0;
        QString failingSource; // the first source in error; empty when none is
        QString failingError;
    };

    explicit IngestStatus(QObject* parent = nullptr);

    void update(const Reading& reading);

    double eventsPerSecond() const { return m_eventsPerSecond; }
    qulonglong queueDepth() const { return m_last.queueDepth; }
    qulonglong queueCapacity() const { return m_last.queueCapacity; }
    qulonglong pushedBack() const { return m_last.pushedBack; }
    int sourcesRunning() const { return m_last.sourcesRunning; }
    int sourcesTotal() const { return m_last.sourcesTotal; }
    QString failingSource() const { return m_last.failingSource; }
    QString failingError() const { return m_last.failingError; }

Q_SIGNALS:
    void changed();

private:
    Reading m_last;
    std::deque<std::pair<qint64, quint64>> m_samples; // (atMs, received) over kRateSpanMs
    double m_eventsPerSecond = 0;
};
