#include <QDir>
#include <QImage>
#include <QProcess>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

namespace {

// The workbench's settings file in `dir`.
QString settingsFile(const QTemporaryDir& dir)
{
    return dir.filePath("config/llm-optimizer/llm-optimizer.conf");
}

// A returning user, who has seen the welcome; or the settings in the folder
// as they are (a first launch while there are none).
enum class Profile { Returning, AsIs };

// Runs the workbench offscreen with its data and settings in `dir` (never the
// user's profile) and returns what went wrong: a non-zero exit or a QML
// warning (nothing when all is well). `log` receives what it printed.
QByteArray runWorkbench(const QTemporaryDir& dir, const QStringList& arguments,
                        Profile profile = Profile::Returning, QByteArray* log = nullptr)
{
    if (profile == Profile::Returning)
        QSettings(settingsFile(dir), QSettings::IniFormat).setValue("ui/welcomed", true);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("XDG_DATA_HOME", dir.filePath("data"));
    env.insert("XDG_CONFIG_HOME", dir.filePath("config"));
    // "welcome shown", "interface in …"
    env.insert("QT_LOGGING_RULES", "llmopt.qml.shell.info=true;llmopt.ui.language.info=true");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LLMOPT_BINARY), arguments);
    if (!p.waitForFinished(60000))
        return "timed out";
    const QByteArray printed = p.readAllStandardError();
    if (log)
        *log = printed;
    return p.exitCode() == 0 && !printed.contains("qrc:/")
        ? QByteArray()
        : printed + " (exit code " + QByteArray::number(p.exitCode()) + ")";
}

// Mean HSL lightness of `image` (0 black … 1 white), sampled.
double meanLightness(const QImage& image)
{
    double sum = 0;
    int n = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4, ++n)
            sum += QColor(image.pixel(x, y)).lightnessF();
    return n > 0 ? sum / n : 0;
}

} // namespace

// Starts the workbench offscreen on its demo feed and checks the picture it renders.
class TestGui : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void screenshotShowsAPopulatedOverview()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath("overview.png");
        const QByteArray problem = runWorkbench(
            dir, {"--db", dir.filePath("demo.sqlite"), "--screenshot", png, "--after", "2"});
        QVERIFY2(problem.isEmpty(), problem.constData());

        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 960 && image.height() >= 640);
        // A populated screen has many distinct colours (text, chart lines, tiles).
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 200, qPrintable(QString::number(colours.size())));
        // The demo feed stored events: the database exists and is not empty.
        QVERIFY(QFileInfo(dir.filePath("demo.sqlite")).size() > 0);
    }

    // The Pareto screen renders its chart and the recommendations the engine
    // stored for the demo feed, without QML warnings.
    void paretoScreenShowsRecommendations()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath("pareto.png");
        const QByteArray problem = runWorkbench(dir,
                                                {"--db", dir.filePath("demo.sqlite"), "--screen",
                                                 "pareto", "--screenshot", png, "--after", "8"});
        QVERIFY2(problem.isEmpty(), problem.constData());
        QVERIFY(!QImage(png).isNull());
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(qPrintable(dir.filePath("demo.sqlite")), &db), SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "SELECT count(*) FROM recommendations", -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        const int64_t stored = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        sqlite3_close(db);
        QVERIFY2(stored > 0,
                 "the demo feed's hour of history gives the tuner and the Pareto "
                 "strategy something to propose");
    }

    // The other screens render on the demo feed without QML warnings.
    void screenRendersWithoutWarnings_data()
    {
        QTest::addColumn<QString>("screen");
        for (const char* screen : {"findings", "experiments", "rollouts", "audit"})
            QTest::newRow(screen) << QString::fromLatin1(screen);
    }
    void screenRendersWithoutWarnings()
    {
        QFETCH(QString, screen);
        QTemporaryDir dir;
        const QString png = dir.filePath(screen + ".png");
        const QByteArray problem = runWorkbench(dir,
                                                {"--db", dir.filePath("demo.sqlite"), "--screen",
                                                 screen, "--screenshot", png, "--after", "2"});
        QVERIFY2(problem.isEmpty(), problem.constData());
        QVERIFY(!QImage(png).isNull());
    }

    // The Costs screen (Ctrl+2) with budgets configured renders its chart,
    // budget lines and tables without QML warnings. With
    // LLMOPT_UPDATE_SCREENSHOTS=1 the picture replaces docs/screenshots/costs.png.
    void costsScreenShowsSpendAgainstBudgets()
    {
        QTemporaryDir dir;
        QFile config(dir.filePath("budgets.yaml"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("budgets:\n  support-chat: {daily_usd: 2500, monthly_usd: 90000}\n"
                     "  summarizer: {monthly_usd: 90000}\n");
        config.close();
        const QString png = dir.filePath("costs.png");
        const QByteArray problem
            = runWorkbench(dir,
                           {"--db", dir.filePath("demo.sqlite"), "--config", config.fileName(),
                            "--screen", "costs", "--screenshot", png, "--after", "6"});
        QVERIFY2(problem.isEmpty(), problem.constData());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QSet<QRgb> colours; // chart lines, budget lines, tables
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 200, qPrintable(QString::number(colours.size())));
        if (qEnvironmentVariableIntValue("LLMOPT_UPDATE_SCREENSHOTS") == 1) {
            const QString docs = QStringLiteral(LLMOPT_SOURCE_DIR "/docs/screenshots/costs.png");
            QFile::remove(docs);
            QVERIFY(QFile::copy(png, docs));
        }
    }

    // With a source saved in the settings the demo feed stays off and the
    // Connections screen renders the source without QML warnings.
    void savedSourceReplacesTheDemo()
    {
        QTemporaryDir dir;
        QTcpServer probe; // a port nothing listens on
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int port = probe.serverPort();
        probe.close();
        QDir().mkpath(dir.filePath("config/llm-optimizer"));
        {
            QSettings saved(settingsFile(dir), QSettings::IniFormat);
            saved.beginWriteArray("sources", 1);
            saved.setArrayIndex(0);
            saved.setValue("kind", "otlp");
            saved.setValue("address", "127.0.0.1");
            saved.setValue("port", port);
            saved.endArray();
        }
        const QString png = dir.filePath("connections.png");
        const QByteArray problem
            = runWorkbench(dir,
                           {"--db", dir.filePath("live.sqlite"), "--screen", "connections",
                            "--screenshot", png, "--after", "1"});
        QVERIFY2(problem.isEmpty(), problem.constData());
        QVERIFY(!QImage(png).isNull());

        // Nothing was sent to the receiver and the demo did not run: no events.
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open_v2(dir.filePath("live.sqlite").toUtf8().constData(), &db,
                                 SQLITE_OPEN_READONLY, nullptr),
                 SQLITE_OK);
        sqlite3_stmt* count = nullptr;
        sqlite3_prepare_v2(db, "SELECT count(*) FROM events", -1, &count, nullptr);
        QCOMPARE(sqlite3_step(count), SQLITE_ROW);
        const int events = sqlite3_column_int(count, 0);
        sqlite3_finalize(count);
        sqlite3_close(db);
        QCOMPARE(events, 0);
    }

    // Every screen renders in the dark theme without QML warnings, dark.
    void darkThemeRendersEveryScreen_data()
    {
        QTest::addColumn<QString>("screen");
        for (const char* screen : {"overview", "costs", "findings", "pareto", "experiments",
                                   "rollouts", "connections", "audit"})
            QTest::newRow(screen) << QString::fromLatin1(screen);
    }
    void darkThemeRendersEveryScreen()
    {
        QFETCH(QString, screen);
        QTemporaryDir dir;
        const QString png = dir.filePath(screen + ".png");
        const QByteArray problem
            = runWorkbench(dir,
                           {"--db", dir.filePath("demo.sqlite"), "--theme", "dark", "--screen",
                            screen, "--screenshot", png, "--after", "1"});
        QVERIFY2(problem.isEmpty(), problem.constData());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY2(meanLightness(image) < 0.3, qPrintable(QString::number(meanLightness(image))));
    }

    // German and Chinese: the translations built into the program are loaded,
    // and the screens with the most text render in them without QML warnings.
    void translatedScreensRender_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("screen");
        for (const char* language : {"de", "zh_CN"})
            for (const char* screen : {"overview", "costs", "rollouts"})
                QTest::addRow("%s %s", language, screen)
                    << QString::fromLatin1(language) << QString::fromLatin1(screen);
    }
    void translatedScreensRender()
    {
        QFETCH(QString, language);
        QFETCH(QString, screen);
        QTemporaryDir dir;
        const QString png = dir.filePath(screen + ".png");
        QByteArray log;
        const QByteArray problem
            = runWorkbench(dir,
                           {"--db", dir.filePath("demo.sqlite"), "--language", language, "--screen",
                            screen, "--screenshot", png, "--after", "2"},
                           Profile::Returning, &log);
        QVERIFY2(problem.isEmpty(), problem.constData());
        QVERIFY2(log.contains("interface in \"" + language.left(2).toLatin1()), log.constData());
        QVERIFY(!QImage(png).isNull());
    }

    // The first launch shows the welcome, the next does not; the theme chosen
    // in Settings, the window's size and the screen shown last come back;
    // --theme and --screen apply to their run only.
    void sessionCarriesOverToTheNextLaunch()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath("config/llm-optimizer"));
        QSettings(settingsFile(dir), QSettings::IniFormat).setValue("ui/theme", "dark");
        const QStringList db{"--db", dir.filePath("demo.sqlite")};
        QByteArray log;
        const QString first = dir.filePath("first.png");
        QByteArray problem = runWorkbench(
            dir, db + QStringList{"--screen", "costs", "--screenshot", first, "--after", "1"},
            Profile::AsIs, &log);
        QVERIFY2(problem.isEmpty(), problem.constData());
        QVERIFY2(log.contains("welcome shown"), log.constData());
        QVERIFY(meanLightness(QImage(first)) < 0.3); // the saved theme
        {
            const QSettings saved(settingsFile(dir), QSettings::IniFormat);
            QCOMPARE(saved.value("ui/welcomed").toBool(), true);
            QCOMPARE(saved.value("ui/screen").toString(), QStringLiteral("costs"));
            QCOMPARE(saved.value("ui/geometry").toRect().size(), QImage(first).size());
        }

        const QString second = dir.filePath("second.png");
        problem = runWorkbench(
            dir, db + QStringList{"--theme", "light", "--screenshot", second, "--after", "1"},
            Profile::AsIs, &log);
        QVERIFY2(problem.isEmpty(), problem.constData());
        QVERIFY2(!log.contains("welcome shown"), log.constData());
        QVERIFY(meanLightness(QImage(second)) > 0.6);
        const QSettings saved(settingsFile(dir), QSettings::IniFormat);
        QCOMPARE(saved.value("ui/theme").toString(), QStringLiteral("dark"));
        // Saved at exit: the second launch showed the screen the first ended on.
        QCOMPARE(saved.value("ui/screen").toString(), QStringLiteral("costs"));
    }
};

QTEST_GUILESS_MAIN(TestGui)
#include "tst_gui.moc"
