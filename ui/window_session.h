#pragma once

#include <QRect>
#include <QString>
#include <QVariantMap>

class QWindow;

// What the workbench restores on the next launch, kept in QSettings
// ("ui/…"): the main window's geometry and maximized state, the screen it
// showed, and whether the welcome has been seen.
class WindowSession {
public:
    WindowSession(); // reads the saved session

    // Main.qml's initial x, y, width, height and visibility: those saved, the
    // position only while it is on a connected display.
    QVariantMap windowProperties() const;
    QString screen() const { return m_screen; } // empty when none is saved
    bool welcomed() const { return m_welcomed; }

    // Saves how `window` is now and the screen it shows; the welcome, shown
    // at the first launch, counts as seen. A maximized window keeps the
    // geometry saved before, to return to when it is restored.
    static void save(const QWindow& window, const QString& screen);

private:
    QRect m_geometry; // null when none is saved
    bool m_maximized = false;
    QString m_screen;
    bool m_welcomed = false;
};
