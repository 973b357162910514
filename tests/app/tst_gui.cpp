#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Starts the workbench offscreen on its demo feed and checks the picture it renders.
class TestGui : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void screenshotShowsAPopulatedOverview()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath("overview.png");
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("XDG_DATA_HOME", dir.filePath("data")); // never the user's profile
        env.insert("XDG_CONFIG_HOME", dir.filePath("config"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(LLMOPT_BINARY),
                {"--db", dir.filePath("demo.sqlite"), "--screenshot", png, "--after", "2"});
        QVERIFY(p.waitForFinished(60000));
        const QByteArray log = p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0, log.constData());
        QVERIFY2(!log.contains("qrc:/"), log.constData()); // no QML warnings

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
};

QTEST_GUILESS_MAIN(TestGui)
#include "tst_gui.moc"
