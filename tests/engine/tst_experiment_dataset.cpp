#include "experiment_dataset.h"
#include "price_table.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace llmopt;
using offline::ExperimentDataset;
using Format = ExperimentDataset::Format;

namespace {

std::string parseError(std::string_view text, Format format)
{
    try {
        ExperimentDataset::parse(text, format, "items.csv");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return {};
}

bool mentions(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestExperimentDataset : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // RFC 4180: quoted commas, doubled quotes, line breaks inside quotes, CRLF.
    void csvQuotingRules()
    {
        const auto d = ExperimentDataset::parse("\xEF\xBB\xBFquestion,reference\r\n"
                                                "\"Paris, or Lyon?\",Paris\r\n"
                                                "\"She said \"\"hi\"\"\",\"hi\"\r\n"
                                                "\"line one\r\nline two\",\"\"\r\n"
                                                "plain,last", // no final line break
                                                Format::Csv, "items.csv");
        QCOMPARE(d.columns(), (std::vector<std::string>{"question", "reference"}));
        QCOMPARE(d.size(), size_t(4));
        const auto& items = d.items();
        QCOMPARE(items[0].variables.at("question"), std::string("Paris, or Lyon?"));
        QCOMPARE(items[0].reference, std::optional<std::string>("Paris"));
        QCOMPARE(items[1].variables.at("question"), std::string("She said \"hi\""));
        QCOMPARE(items[2].variables.at("question"), std::string("line one\r\nline two"));
        QCOMPARE(items[2].reference, std::optional<std::string>(""));
        QCOMPARE(items[3].variables.at("question"), std::string("plain"));
        // Ids are the data rows' numbers; lines count the embedded break.
        QCOMPARE(items[0].id, std::string("1"));
        QCOMPARE(items[3].id, std::string("4"));
        QCOMPARE(items[3].line, size_t(6));
        QVERIFY(d.hasReference());
    }

    void csvEmptyLinesAndFieldsAndTheIdColumn()
    {
        const auto d = ExperimentDataset::parse("id,q,extra\n\nq-7,,\n\nq-9,\"\",x\n\n",
                                                Format::Csv, "items.csv");
        QCOMPARE(d.size(), size_t(2));
        QCOMPARE(d.items()[0].id, std::string("q-7"));
        QCOMPARE(d.items()[0].line, size_t(3));
        QCOMPARE(d.items()[0].variables.at("extra"), std::string());
        QCOMPARE(d.items()[1].id, std::string("q-9"));
        QVERIFY(!d.items()[1].reference);
        QVERIFY(!d.hasReference());
        QVERIFY(d.hasColumn("id") && d.hasColumn("q") && !d.hasColumn("reference"));
    }

    void csvErrorsNameTheLine()
    {
        std::string m = parseError("q,reference\n\"a\nb\",x\nonly one\n", Format::Csv);
        QVERIFY2(mentions(m, "items.csv, line 4") && mentions(m, "1 fields")
                     && mentions(m, "header has 2"),
                 m.c_str());
        m = parseError("q\nok\n\"never closed\nmore\n", Format::Csv);
        QVERIFY2(mentions(m, "line 3") && mentions(m, "never closed"), m.c_str());
        m = parseError("q\nsay \"hi\"\n", Format::Csv);
        QVERIFY2(mentions(m, "line 2") && mentions(m, "quote inside an unquoted field"), m.c_str());
        m = parseError("q\n\"a\"b\n", Format::Csv);
        QVERIFY2(mentions(m, "line 2") && mentions(m, "after a quoted field"), m.c_str());
        QVERIFY(mentions(parseError("q,q\nx,y\n", Format::Csv), "\"q\" is named twice"));
        QVERIFY(mentions(parseError("q,\nx,y\n", Format::Csv), "column 2 has no name"));
        m = parseError("id,q\na,1\nb,2\na,3\n", Format::Csv);
        QVERIFY2(mentions(m, "line 4") && mentions(m, "\"a\" is already used on line 2"),
                 m.c_str());
        QVERIFY(mentions(parseError("id,q\n,1\n", Format::Csv), "the \"id\" is empty"));
    }

    void emptyDatasetsAreErrors()
    {
        QVERIFY(mentions(parseError("", Format::Csv), "the file is empty"));
        QVERIFY(mentions(parseError("question,reference\r\n\r\n", Format::Csv), "no items"));
        QVERIFY(mentions(parseError("\n  \n", Format::Jsonl), "no items"));
    }

    void jsonlValuesBecomeVariables()
    {
        const auto d = ExperimentDataset::parse(
            "{\"question\": \"2+2?\", \"expected\": \"4\", \"n\": 42, \"ratio\": 0.5}\r\n"
            "\n"
            "{\"question\": \"ok?\", \"flag\": true, \"meta\": {\"a\": [1]}, \"gone\": null, "
            "\"id\": 17}\n",
            Format::Jsonl, "items.jsonl");
        QCOMPARE(d.size(), size_t(2));
        const auto& a = d.items()[0];
        QCOMPARE(a.id, std::string("1"));
        QCOMPARE(a.reference, std::optional<std::string>("4")); // "expected" stands in
        QCOMPARE(a.variables.at("n"), std::string("42"));
        QCOMPARE(a.variables.at("ratio"), std::string("0.5"));
        const auto& b = d.items()[1];
        QCOMPARE(b.id, std::string("17"));
        QCOMPARE(b.line, size_t(3));
        QCOMPARE(b.variables.at("flag"), std::string("true"));
        QCOMPARE(b.variables.at("meta"), std::string("{\"a\":[1]}"));
        QVERIFY(!b.variables.contains("gone"));
        QVERIFY(!b.reference);
        QVERIFY(d.hasColumn("n") && d.hasColumn("meta") && !d.hasColumn("gone"));
    }

    void referenceColumnIsConfigurable()
    {
        const std::string text = "q,gold,reference\nx,G,R\n";
        QCOMPARE(*ExperimentDataset::parse(text, Format::Csv, "t").items()[0].reference,
                 std::string("R"));
        QCOMPARE(*ExperimentDataset::parse(text, Format::Csv, "t", "gold").items()[0].reference,
                 std::string("G"));
        // "expected" stands in for the default column only.
        const auto other = ExperimentDataset::parse("{\"q\":\"x\",\"expected\":\"E\"}",
                                                    Format::Jsonl, "t", "gold");
        QVERIFY(!other.items()[0].reference);
    }

    void jsonlErrorsNameTheLine()
    {
        std::string m = parseError("{\"q\": 1}\n{\"q\": \n", Format::Jsonl);
        QVERIFY2(mentions(m, "line 2") && mentions(m, "not valid JSON"), m.c_str());
        m = parseError("{\"q\": 1}\n\n[1, 2]\n", Format::Jsonl);
        QVERIFY2(mentions(m, "line 3") && mentions(m, "one JSON object per line"), m.c_str());
        m = parseError("{\"id\": \"a\"}\n{\"id\": \"a\"}\n", Format::Jsonl);
        QVERIFY2(mentions(m, "line 2") && mentions(m, "already used on line 1"), m.c_str());
        const std::string deep = std::string(100, '[') + std::string(100, ']');
        QVERIFY(mentions(parseError("{\"a\": " + deep + "}", Format::Jsonl), "nests deeper"));
    }

    void readsFilesAndNamesFormats()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("items.csv");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("q,reference\nhello,world\n");
        file.close();
        const auto d = ExperimentDataset::fromFile(path.toStdString(), Format::Csv);
        QCOMPARE(d.items()[0].reference, std::optional<std::string>("world"));
        try {
            ExperimentDataset::fromFile(dir.filePath("missing.csv").toStdString(), Format::Csv);
            QFAIL("a missing file must be an error");
        } catch (const ConfigError& e) {
            QVERIFY(mentions(e.what(), "cannot open the dataset file"));
        }
        QCOMPARE(ExperimentDataset::formatForPath("a/b.jsonl"), std::optional(Format::Jsonl));
        QCOMPARE(ExperimentDataset::formatForPath("b.ndjson"), std::optional(Format::Jsonl));
        QCOMPARE(ExperimentDataset::formatForPath("b.csv"), std::optional(Format::Csv));
        QVERIFY(!ExperimentDataset::formatForPath("b.txt"));
        QCOMPARE(ExperimentDataset::formatFromName("jsonl"), std::optional(Format::Jsonl));
        QCOMPARE(ExperimentDataset::formatName(Format::Csv), std::string_view("csv"));
    }
};

QTEST_GUILESS_MAIN(TestExperimentDataset)
#include "tst_experiment_dataset.moc"
