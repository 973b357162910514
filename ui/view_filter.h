#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <string_view>

// The time range and service every screen shows (the header's selector):
// the live quarter hour, a stored range back from now, or a custom period;
// all services or one. Kept in the settings for the next launch. Screens
// read period() when they load, and reload on changed().
class ViewFilter : public QObject {
    Q_OBJECT
    Q_PROPERTY(Range range READ range WRITE setRange NOTIFY changed)
    Q_PROPERTY(QDateTime customFrom READ customFrom NOTIFY changed)
    Q_PROPERTY(QDateTime customTo READ customTo NOTIFY changed)
    // "" for every service.
    Q_PROPERTY(QString service READ service WRITE setService NOTIFY changed)
    // The services seen so far, sorted; the chosen one is always among them.
    Q_PROPERTY(QStringList services READ services NOTIFY servicesChanged)
    // "Last hour · all services", for headings and exported file names.
    Q_PROPERTY(QString summary READ summary NOTIFY changed)

public:
    enum Range { Live, LastHour, Last6Hours, LastDay, LastWeek, Custom };
    Q_ENUM(Range)

    static constexpr int64_t kMinute = 60'000'000'000LL;
    static constexpr int64_t kLiveSpanNanos = 15 * kMinute;

    struct Period {
        int64_t fromUnixNano = 0;
        int64_t toUnixNano = 0;
    };

    // Reads the last choice from the settings (group "filter").
    explicit ViewFilter(QObject* parent = nullptr);

    // How far back a preset reaches (the live quarter hour for Live; 0 for Custom).
    static int64_t rangeNanos(Range range);
    // The bucket a span is charted in: about 120 per chart, never finer than
    // the stored one-minute windows.
    static int64_t bucketNanos(int64_t spanNanos);

    Range range() const { return m_range; }
    void setRange(Range range);
    QDateTime customFrom() const { return m_customFrom; }
    QDateTime customTo() const { return m_customTo; }
    // Chooses the custom period [from, to); false (nothing changes) unless from < to.
    Q_INVOKABLE bool setCustom(const QDateTime& from, const QDateTime& to);
    // "2026-11-27 14:00" (local time) or ISO 8601; invalid when it is neither.
    Q_INVOKABLE QDateTime parseTime(const QString& text) const;
    QString service() const { return m_service; }
    void setService(const QString& service);
    QStringList services() const { return m_services; }
    // Adds services as they are seen (the engine's variant rows).
    void addServices(const QStringList& services);
    QString summary() const;

    bool live() const { return m_range == Live; }
    // The period shown at `now`: [now − span, now) for a preset, the custom one otherwise.
    Period period(int64_t nowUnixNano) const;
    Period periodNow() const;
    // Whether a service, or a window/finding key ("service/variant" or
    // "service"), passes the service filter.
    bool matchesService(std::string_view service) const;
    bool matchesKey(std::string_view key) const;

Q_SIGNALS:
    void changed();
    void servicesChanged();

private:
    void save() const;

    Range m_range = Live;
    QDateTime m_customFrom;
    QDateTime m_customTo;
    QString m_service;
    QStringList m_services;
};
