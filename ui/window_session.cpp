#include "window_session.h"

#include <QGuiApplication>
#include <QSettings>
#include <QWindow>

namespace {
const QString kGeometry = QStringLiteral("ui/geometry");
const QString kMaximized = QStringLiteral("ui/maximized");
const QString kScreen = QStringLiteral("ui/screen");
const QString kWelcomed = QStringLiteral("ui/welcomed");
} // namespace

WindowSession::WindowSession()
{
    const QSettings settings;
    m_geometry = settings.value(kGeometry).toRect();
    m_maximized = settings.value(kMaximized).toBool();
    m_screen = settings.value(kScreen).toString();
    m_welcomed = settings.value(kWelcomed).toBool();
}

QVariantMap WindowSession::windowProperties() const
{
    QVariantMap properties;
    if (m_geometry.isValid()) {
        properties.insert(QStringLiteral("width"), m_geometry.width());
        properties.insert(QStringLiteral("height"), m_geometry.height());
        // A display unplugged since: the window manager places the window.
        if (QGuiApplication::screenAt(m_geometry.center())) {
            properties.insert(QStringLiteral("x"), m_geometry.x());
            properties.insert(QStringLiteral("y"), m_geometry.y());
        }
    }
    if (m_maximized)
        properties.insert(QStringLiteral("visibility"), QWindow::Maximized);
    return properties;
}

void WindowSession::save(const QWindow& window, const QString& screen)
{
    QSettings settings;
    const bool maximized = window.windowStates().testFlag(Qt::WindowMaximized);
    settings.setValue(kMaximized, maximized);
    if (!maximized && !window.windowStates().testFlag(Qt::WindowFullScreen))
        settings.setValue(kGeometry, window.geometry());
    settings.setValue(kScreen, screen);
    settings.setValue(kWelcomed, true);
}
