#include "window_session.h"

#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QWindow>

class TestWindowSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test folder, not the user's
        QSettings().clear();
    }
    void cleanup() { QSettings().clear(); }

    // Nothing saved (the first launch): no properties, the welcome is due.
    void firstLaunch()
    {
        const WindowSession session;
        QVERIFY(session.windowProperties().isEmpty());
        QVERIFY(session.screen().isEmpty());
        QVERIFY(!session.welcomed());
    }

    // The geometry, the screen and the welcome seen come back at the next launch.
    void savedSessionIsRestored()
    {
        const QRect display = QGuiApplication::primaryScreen()->geometry();
        QWindow window;
        const QRect geometry(display.x() + 40, display.y() + 30, 700, 500);
        window.setGeometry(geometry);
        WindowSession::save(window, QStringLiteral("costs"));

        const WindowSession next;
        QCOMPARE(next.screen(), QStringLiteral("costs"));
        QVERIFY(next.welcomed());
        const QVariantMap p = next.windowProperties();
        QCOMPARE(p.value("x").toInt(), geometry.x());
        QCOMPARE(p.value("y").toInt(), geometry.y());
        QCOMPARE(p.value("width").toInt(), geometry.width());
        QCOMPARE(p.value("height").toInt(), geometry.height());
        QVERIFY(!p.contains("visibility"));
    }

    // A maximized window is restored maximized, over the geometry it had before.
    void maximizedKeepsTheNormalGeometry()
    {
        QWindow window;
        window.setGeometry(10, 10, 640, 480);
        WindowSession::save(window, QStringLiteral("overview"));
        window.setWindowStates(Qt::WindowMaximized);
        window.setGeometry(QGuiApplication::primaryScreen()->availableGeometry());
        WindowSession::save(window, QStringLiteral("rollouts"));

        const QVariantMap p = WindowSession().windowProperties();
        QCOMPARE(p.value("visibility").value<QWindow::Visibility>(), QWindow::Maximized);
        QCOMPARE(p.value("width").toInt(), 640);
        QCOMPARE(p.value("height").toInt(), 480);
        QCOMPARE(WindowSession().screen(), QStringLiteral("rollouts"));
    }

    // Saved on a display that is gone: the size is kept, the position is left
    // to the window manager.
    void positionOffEveryDisplayIsDropped()
    {
        QRect everywhere;
        for (const QScreen* s : QGuiApplication::screens())
            everywhere |= s->geometry();
        QSettings().setValue("ui/geometry", QRect(everywhere.right() + 5000, 0, 800, 600));
        const QVariantMap p = WindowSession().windowProperties();
        QVERIFY(!p.contains("x"));
        QVERIFY(!p.contains("y"));
        QCOMPARE(p.value("width").toInt(), 800);
        QCOMPARE(p.value("height").toInt(), 600);
    }
};

QTEST_MAIN(TestWindowSession)
#include "tst_window_session.moc"
