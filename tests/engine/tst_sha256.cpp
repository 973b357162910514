#include "sha256.h"

#include <QCryptographicHash>
#include <QTest>

using namespace llmopt;

class TestSha256 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // FIPS 180-4 examples (NIST CSRC, "SHA256.pdf" and "SHA2_Additional.pdf").
    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("digest");
        QTest::newRow("abc") << QByteArray("abc")
                             << QByteArray("ba7816bf8f01cfea414140de5dae2223"
                                           "b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("empty") << QByteArray()
                               << QByteArray("e3b0c44298fc1c149afbf4c8996fb924"
                                             "27ae41e4649b934ca495991b7852b855");
        QTest::newRow("448 bits, two blocks")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("896 bits")
            << QByteArray("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                          "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
            << QByteArray("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
        QTest::newRow("one million a") << QByteArray(1'000'000, 'a')
                                       << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67"
                                                     "f1809a48a497200e046d39ccc7112cd0");
    }

    void knownVectors()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, digest);
        QCOMPARE(QByteArray::fromStdString(
                     Sha256::hexDigest({message.constData(), size_t(message.size())})),
                 digest);
    }

    // The million a's fed in uneven pieces that straddle block boundaries.
    void incrementalUpdatesMatchOneShot()
    {
        Sha256 hash;
        const std::string a(1'000'000, 'a');
        size_t done = 0;
        for (size_t piece = 1; done < a.size(); piece = piece * 7 % 131 + 1) {
            const size_t n = std::min(piece, a.size() - done);
            hash.update(std::string_view(a).substr(done, n));
            done += n;
        }
        QCOMPARE(Sha256::toHex(hash.finish()),
                 std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
        // finish() starts over: the object hashes the next message from scratch.
        hash.update("abc");
        QCOMPARE(Sha256::toHex(hash.finish()),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    // Every padding case (length mod 64 around 55, 56 and 64) against Qt's implementation.
    void everyLengthAgreesWithQt()
    {
        QByteArray message;
        for (int length = 0; length <= 200; ++length) {
            Sha256 hash;
            hash.update({message.constData(), size_t(message.size()) / 2});
            hash.update(std::string_view(message.constData(), size_t(message.size()))
                            .substr(size_t(message.size()) / 2));
            QCOMPARE(QByteArray::fromStdString(Sha256::toHex(hash.finish())),
                     QCryptographicHash::hash(message, QCryptographicHash::Sha256).toHex());
            message += char(length * 37 + 11);
        }
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
