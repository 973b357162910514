#include "variant_table_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using llmopt::VariantSummary;

namespace {

VariantSummary row(const char* service, const char* variant, uint64_t requests)
{
    VariantSummary r;
    r.service = service;
    r.variantId = variant;
    r.variantName = variant;
    r.requests = requests;
    r.errors = requests / 10;
    r.costUsd = 0.5 * double(requests);
    r.latencyMs.add(120.0);
    return r;
}

} // namespace

class TestVariantTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void updatesInPlaceAppendsAndResets()
    {
        VariantTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.setRows({row("a", "v1", 10), row("a", "v2", 20)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.columnCount(), int(VariantTableModel::ColumnCount));
        QCOMPARE(model.data(model.index(1, VariantTableModel::Requests)).toString(),
                 QStringLiteral("20"));
        QCOMPARE(model.data(model.index(1, VariantTableModel::ErrorRate)).toString(),
                 QStringLiteral("10.00%"));
        QCOMPARE(model.data(model.index(1, VariantTableModel::Requests),
                            VariantTableModel::AlignRightRole),
                 QVariant(true));

        model.setRows({row("a", "v1", 11), row("a", "v2", 21), row("b", "v1", 1)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.data(model.index(0, VariantTableModel::Requests)).toString(),
                 QStringLiteral("11"));

        model.setRows({row("c", "v9", 5)});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.headerData(VariantTableModel::Spend, Qt::Horizontal).toString(),
                 QStringLiteral("Spend"));
        QVERIFY(!model.data(model.index(0, 0), Qt::ToolTipRole).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVariantTableModel)
#include "tst_variant_table_model.moc"
