#include "view_filter.h"

#include <QLocale>
#include <QSettings>
#include <algorithm>

ViewFilter::ViewFilter(QObject* parent)
    : QObject(parent)
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("filter"));
    m_range = Range(std::clamp(settings.value(QStringLiteral("range"), int(Live)).toInt(),
                               int(Live), int(Custom)));
    m_customFrom = settings.value(QStringLiteral("from")).toDateTime();
    m_customTo = settings.value(QStringLiteral("to")).toDateTime();
    if (m_range == Custom && !(m_customFrom.isValid() && m_customFrom < m_customTo))
        m_range = Live;
    m_service = settings.value(QStringLiteral("service")).toString();
    if (!m_service.isEmpty())
        m_services << m_service;
}

int64_t ViewFilter::rangeNanos(Range range)
{
    switch (range) {
    case Live:
        return kLiveSpanNanos;
    case LastHour:
        return 60 * kMinute;
    case Last6Hours:
        return 6 * 60 * kMinute;
    case LastDay:
        return 24 * 60 * kMinute;
    case LastWeek:
        return 7 * 24 * 60 * kMinute;
    case Custom:
        break;
    }
    return 0;
}

int64_t ViewFilter::bucketNanos(int64_t spanNanos)
{
    return std::max(kMinute, spanNanos / 120 / kMinute * kMinute);
}

void ViewFilter::setRange(Range range)
{
    if (range == m_range || (range == Custom && !m_customFrom.isValid()))
        return;
    m_range = range;
    save();
    Q_EMIT changed();
}

bool ViewFilter::setCustom(const QDateTime& from, const QDateTime& to)
{
    if (!from.isValid() || !to.isValid() || from >= to)
        return false;
    m_customFrom = from;
    m_customTo = to;
    m_range = Custom;
    save();
    Q_EMIT changed();
    return true;
}

QDateTime ViewFilter::parseTime(const QString& text) const
{
    const QString t = text.trimmed();
    for (const QString& format :
         {QStringLiteral("yyyy-MM-dd HH:mm"), QStringLiteral("yyyy-MM-dd HH:mm:ss"),
          QStringLiteral("yyyy-MM-dd")}) {
        const QDateTime local = QDateTime::fromString(t, format);
        if (local.isValid())
            return local;
    }
    return QDateTime::fromString(t, Qt::ISODate);
}

void ViewFilter::setService(const QString& service)
{
    if (service == m_service)
        return;
    m_service = service;
    addServices({service});
    save();
    Q_EMIT changed();
}

void ViewFilter::addServices(const QStringList& services)
{
    bool added = false;
    for (const QString& s : services)
        if (!s.isEmpty() && !m_services.contains(s)) {
            m_services << s;
            added = true;
        }
    if (!added)
        return;
    m_services.sort();
    Q_EMIT servicesChanged();
}

QString ViewFilter::summary() const
{
    QString range;
    switch (m_range) {
    case Live:
        range = tr("Live 15 min");
        break;
    case LastHour:
        range = tr("Last hour");
        break;
    case Last6Hours:
        range = tr("Last 6 hours");
        break;
    case LastDay:
        range = tr("Last 24 hours");
        break;
    case LastWeek:
        range = tr("Last 7 days");
        break;
    case Custom:
        range = tr("%1 to %2")
                    .arg(QLocale().toString(m_customFrom, QLocale::ShortFormat),
                         QLocale().toString(m_customTo, QLocale::ShortFormat));
        break;
    }
    return tr("%1 · %2").arg(range, m_service.isEmpty() ? tr("all services") : m_service);
}

ViewFilter::Period ViewFilter::period(int64_t now) const
{
    if (m_range == Custom)
        return {m_customFrom.toMSecsSinceEpoch() * 1'000'000LL,
                m_customTo.toMSecsSinceEpoch() * 1'000'000LL};
    return {now - rangeNanos(m_range), now};
}

ViewFilter::Period ViewFilter::periodNow() const
{
    return period(QDateTime::currentMSecsSinceEpoch() * 1'000'000LL);
}

bool ViewFilter::matchesService(std::string_view service) const
{
    return m_service.isEmpty()
        || QString::fromUtf8(service.data(), qsizetype(service.size())) == m_service;
}

bool ViewFilter::matchesKey(std::string_view key) const
{
    return matchesService(key.substr(0, key.find('/')));
}

void ViewFilter::save() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("filter"));
    settings.setValue(QStringLiteral("range"), int(m_range));
    settings.setValue(QStringLiteral("from"), m_customFrom);
    settings.setValue(QStringLiteral("to"), m_customTo);
    settings.setValue(QStringLiteral("service"), m_service);
}
