<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuditController</name>
    <message>
        <source>The audit log is empty: nothing to check yet.</source>
        <translation>Das Audit-Log ist leer: noch nichts zu prüfen.</translation>
    </message>
    <message>
        <source>Intact: 1 record checked, the chain is unbroken.</source>
        <translation>Intakt: 1 Eintrag geprüft, die Kette ist lückenlos.</translation>
    </message>
    <message>
        <source>Intact: %1 records checked, the chain is unbroken.</source>
        <translation>Intakt: %1 Einträge geprüft, die Kette ist lückenlos.</translation>
    </message>
    <message>
        <source>Broken at record %1: %2</source>
        <translation>Gebrochen bei Eintrag %1: %2</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>Die Prüfung konnte nicht laufen: %1</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>Das Audit-Log konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <source>Audit log</source>
        <translation>Audit-Log</translation>
    </message>
    <message>
        <source>No database file</source>
        <translation>Keine Datenbankdatei</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the newest records again (F5). The list also follows every command.</source>
        <translation>Die neuesten Einträge erneut lesen (F5). Die Liste folgt außerdem jedem Befehl.</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Kette prüfen</translation>
    </message>
    <message>
        <source>Walk every record from the first and check that each one&apos;s hash covers its content and the record before it.</source>
        <translation>Jeden Eintrag ab dem ersten durchgehen und prüfen, dass sein Hash seinen Inhalt und den vorherigen Eintrag abdeckt.</translation>
    </message>
    <message>
        <source>(checked %1)</source>
        <translation>(geprüft %1)</translation>
    </message>
    <message>
        <source>Head: record %1</source>
        <translation>Kopf: Eintrag %1</translation>
    </message>
    <message>
        <source>Last intact record: %1</source>
        <translation>Letzter intakter Eintrag: %1</translation>
    </message>
    <message>
        <source>Head hash</source>
        <translation>Kopf-Hash</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Records after the break cannot be trusted. The broken record is marked in the list below; compare with a copy of the database or a head hash kept elsewhere.</source>
        <translation>Einträgen nach dem Bruch ist nicht zu trauen. Der gebrochene Eintrag ist in der Liste unten markiert; vergleichen Sie mit einer Kopie der Datenbank oder einem anderswo aufbewahrten Kopf-Hash.</translation>
    </message>
    <message>
        <source>Keep this hash outside the database — in a ticket or a log shipped elsewhere — and compare it later: deleting the newest records, or rewriting every hash after an edit, is caught only that way.</source>
        <translation>Bewahren Sie diesen Hash außerhalb der Datenbank auf – in einem Ticket oder einem anderswohin verschickten Log – und vergleichen Sie ihn später: Nur so fällt auf, wenn die neuesten Einträge gelöscht oder nach einer Änderung alle Hashes neu geschrieben wurden.</translation>
    </message>
    <message>
        <source>Each record&apos;s SHA-256 hash covers its content and the hash of the record before it, so an edited or deleted record breaks the chain at that point. “Verify chain” walks the whole log and names the first broken record.</source>
        <translation>Der SHA-256-Hash jedes Eintrags deckt seinen Inhalt und den Hash des vorherigen Eintrags ab, sodass ein geänderter oder gelöschter Eintrag die Kette an dieser Stelle bricht. „Kette prüfen“ geht das ganze Log durch und nennt den ersten gebrochenen Eintrag.</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Gegenstand</translation>
    </message>
    <message>
        <source>Evidence (Enter or click to expand)</source>
        <translation>Belege (Enter oder Klick zum Aufklappen)</translation>
    </message>
    <message>
        <source>Auditing needs a database file</source>
        <translation>Das Audit braucht eine Datenbankdatei</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>Audit-Log wird gelesen …</translation>
    </message>
    <message>
        <source>No operator action recorded yet</source>
        <translation>Noch keine Operator-Aktion aufgezeichnet</translation>
    </message>
    <message>
        <source>This session keeps its events in memory, where nobody else could check what was done — so commands are refused. Start the workbench with --db FILE to record approvals and rollout commands in a hash-chained log.</source>
        <translation>Diese Sitzung hält ihre Ereignisse im Speicher, wo niemand sonst prüfen könnte, was getan wurde – daher werden Befehle abgelehnt. Starten Sie die Workbench mit --db DATEI, um Freigaben und Rollout-Befehle in einem hash-verketteten Log aufzuzeichnen.</translation>
    </message>
    <message>
        <source>Approvals, rejections and rollout commands (confirm, abort, roll back) are written here by the engine as they are carried out: who gave them, when, on what, and what they saw. Approve a recommendation on the Pareto or Rollouts screen to make the first entry.</source>
        <translation>Freigaben, Ablehnungen und Rollout-Befehle (bestätigen, abbrechen, zurückrollen) schreibt die Engine hier hinein, während sie ausgeführt werden: wer sie gab, wann, worauf und was er dabei sah. Geben Sie eine Empfehlung auf dem Pareto- oder Rollouts-Bildschirm frei, um den ersten Eintrag zu erzeugen.</translation>
    </message>
    <message>
        <source>The chain breaks here: %1</source>
        <translation>Hier bricht die Kette: %1</translation>
    </message>
    <message>
        <source>hash %1
previous %2</source>
        <translation>Hash %1
vorheriger %2</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n record(s) in %1 · read %2</source>
        <translation>
            <numerusform>Der neueste Eintrag in %1 · gelesen %2</numerusform>
            <numerusform>Die neuesten %n Einträge in %1 · gelesen %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartExporter</name>
    <message>
        <source>Type the file the chart should be written to.</source>
        <translation>Geben Sie die Datei an, in die das Diagramm geschrieben werden soll.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The picture of the chart is empty: show the chart and try again.</source>
        <translation>Das Bild des Diagramms ist leer: Zeigen Sie das Diagramm an und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>ChartFrame</name>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG …</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG …</translation>
    </message>
    <message>
        <source>Wheel or drag to zoom · right-drag to pan · double-click to reset</source>
        <translation>Mausrad oder Ziehen zum Zoomen · Rechts-Ziehen zum Verschieben · Doppelklick zum Zurücksetzen</translation>
    </message>
    <message>
        <source>Show the whole range again (or double-click the chart)</source>
        <translation>Wieder den ganzen Zeitraum zeigen (oder Doppelklick auf das Diagramm)</translation>
    </message>
    <message>
        <source>Save the chart as it is drawn now as a PNG picture</source>
        <translation>Das Diagramm so, wie es gerade gezeichnet ist, als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Save the range shown as an SVG drawing, written from the data (sharp at any size)</source>
        <translation>Den gezeigten Zeitraum als SVG-Zeichnung speichern, aus den Daten erzeugt (scharf in jeder Größe)</translation>
    </message>
    <message>
        <source>Zoom and export</source>
        <translation>Zoomen und exportieren</translation>
    </message>
    <message>
        <source>Reset the zoom, or save the chart as PNG or SVG</source>
        <translation>Zoom zurücksetzen oder das Diagramm als PNG oder SVG speichern</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save the chart as PNG</source>
        <translation>Diagramm als PNG speichern</translation>
    </message>
    <message>
        <source>Save the chart as SVG</source>
        <translation>Diagramm als SVG speichern</translation>
    </message>
    <message>
        <source>The chart cannot be grabbed while it is hidden.</source>
        <translation>Das Diagramm kann nicht aufgenommen werden, solange es verborgen ist.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>File to save the chart to</source>
        <translation>Datei, in die das Diagramm gespeichert wird</translation>
    </message>
</context>
<context>
    <name>ChartReadout</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ConnectionsScreen</name>
    <message>
        <source>The demo feed is playing because no source is configured. Add an OTLP/HTTP receiver for your services&apos; OpenTelemetry exporters, or a Kafka topic that carries their spans: the demo stops as soon as one is listed.</source>
        <translation>Die Demo-Einspeisung läuft, weil keine Quelle konfiguriert ist. Fügen Sie einen OTLP/HTTP-Empfänger für die OpenTelemetry-Exporter Ihrer Services hinzu oder ein Kafka-Topic, das deren Spans trägt: Die Demo endet, sobald eine Quelle eingetragen ist.</translation>
    </message>
    <message>
        <source>No sources yet — add one with the form on the right.</source>
        <translation>Noch keine Quellen – fügen Sie eine mit dem Formular rechts hinzu.</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>%1 received · %2 stored · %3 dead-lettered · %4 pushed back</source>
        <translation>%1 empfangen · %2 gespeichert · %3 in Dead-Letter · %4 zurückgewiesen</translation>
    </message>
    <message>
        <source> · lag %1</source>
        <translation> · Rückstand %1</translation>
    </message>
    <message>
        <source>Received: calls decoded from this source. Stored: new calls written to the database (duplicates are received, not stored again). Dead-lettered: spans or records that could not be used, kept with the reason. Pushed back: requests answered 503 or Kafka pauses because the engine was behind — nothing is dropped. Lag: Kafka records not read yet.</source>
        <translation>Empfangen: aus dieser Quelle dekodierte Aufrufe. Gespeichert: neue Aufrufe, die in die Datenbank geschrieben wurden (Duplikate werden empfangen, aber nicht erneut gespeichert). Dead-Letter: Spans oder Records, die nicht verwendet werden konnten, samt Grund aufbewahrt. Zurückgewiesen: Anfragen, die mit 503 beantwortet wurden, oder Kafka-Pausen, weil die Engine im Rückstand war – nichts geht verloren. Rückstand: noch nicht gelesene Kafka-Records.</translation>
    </message>
    <message>
        <source>Add a source</source>
        <translation>Quelle hinzufügen</translation>
    </message>
    <message>
        <source>Edit source</source>
        <translation>Quelle bearbeiten</translation>
    </message>
    <message>
        <source>OTLP/HTTP receiver</source>
        <translation>OTLP/HTTP-Empfänger</translation>
    </message>
    <message>
        <source>Kafka topic</source>
        <translation>Kafka-Topic</translation>
    </message>
    <message>
        <source>Kind of source</source>
        <translation>Art der Quelle</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>optional: PEM file for HTTPS</source>
        <translation>optional: PEM-Datei für HTTPS</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>optional: its PEM key file</source>
        <translation>optional: seine PEM-Schlüsseldatei</translation>
    </message>
    <message>
        <source>Point exporters at %3://%1:%2 (OTEL_EXPORTER_OTLP_ENDPOINT); protobuf and JSON, gzip accepted. 127.0.0.1 accepts this computer only, 0.0.0.0 every network interface — set a token and a certificate then.</source>
        <translation>Richten Sie die Exporter auf %3://%1:%2 (OTEL_EXPORTER_OTLP_ENDPOINT); Protobuf und JSON, gzip wird akzeptiert. 127.0.0.1 nimmt nur diesen Computer an, 0.0.0.0 jede Netzwerkschnittstelle – setzen Sie dann ein Token und ein Zertifikat.</translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Kodierung</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>optional, e.g. otlp_logs</source>
        <translation>optional, z. B. otlp_logs</translation>
    </message>
    <message>
        <source>Topics are comma-separated. otlp_proto: each record an ExportTraceServiceRequest (the OpenTelemetry Collector&apos;s Kafka exporter); otlp_json: the same as JSON; flat_json: one event per record or line. Evaluation topics carry OTLP log records (gen_ai.evaluation.result) scoring earlier calls. Offsets are committed only after the events are stored.</source>
        <translation>Topics werden durch Kommas getrennt. otlp_proto: jeder Record ein ExportTraceServiceRequest (der Kafka-Exporter des OpenTelemetry Collectors); otlp_json: dasselbe als JSON; flat_json: ein Ereignis pro Record oder Zeile. Bewertungs-Topics tragen OTLP-Log-Records (gen_ai.evaluation.result), die frühere Aufrufe bewerten. Offsets werden erst committet, nachdem die Ereignisse gespeichert sind.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>CostBudgetModel</name>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>In range</source>
        <translation>Im Zeitraum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Day forecast</source>
        <translation>Tagesprognose</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>Tagesbudget</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Month forecast</source>
        <translation>Monatsprognose</translation>
    </message>
    <message>
        <source>Monthly budget</source>
        <translation>Monatsbudget</translation>
    </message>
    <message>
        <source>The service.name of the calls; budgets are configured per service</source>
        <translation>Der service.name der Aufrufe; Budgets werden pro Service konfiguriert</translation>
    </message>
    <message>
        <source>Spend of the stored one-minute windows in the range the chart shows</source>
        <translation>Ausgaben der gespeicherten Ein-Minuten-Fenster im Zeitraum, den das Diagramm zeigt</translation>
    </message>
    <message>
        <source>Spend of the windows since midnight UTC (budgets count UTC days)</source>
        <translation>Ausgaben der Fenster seit Mitternacht UTC (Budgets zählen UTC-Tage)</translation>
    </message>
    <message>
        <source>Spent so far plus the last hour&apos;s spend for every hour left in the period — the cost analyzer&apos;s budget-burn forecast</source>
        <translation>Bisher ausgegeben plus die Ausgaben der letzten Stunde für jede verbleibende Stunde des Zeitraums – die Budgetverbrauchsprognose der Kostenanalyse</translation>
    </message>
    <message>
        <source>From budgets: in the configuration file (--config); — when none is set</source>
        <translation>Aus budgets: in der Konfigurationsdatei (--config); – wenn keines gesetzt ist</translation>
    </message>
    <message>
        <source>Spend of the windows since the first of the month, UTC</source>
        <translation>Ausgaben der Fenster seit dem Monatsersten, UTC</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 spent + %2 in the last hour × hours left</source>
        <translation>%1 ausgegeben + %2 in der letzten Stunde × verbleibende Stunden</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>CostChart</name>
    <message>
        <source>MMM d hh:mm</source>
        <comment>date format (QDateTime) of a time axis over more than a day</comment>
        <translation>d. MMM HH:mm</translation>
    </message>
    <message>
        <source>USD per %1</source>
        <translation>USD pro %1</translation>
    </message>
</context>
<context>
    <name>CostController</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 budget: %2/day = %3 per %4</source>
        <translation>Budget %1: %2/Tag = %3 pro %4</translation>
    </message>
    <message>
        <source>%1 budget: %2/month = %3 per %4</source>
        <translation>Budget %1: %2/Monat = %3 pro %4</translation>
    </message>
    <message>
        <source>No budgets configured: add budgets: {service: {daily_usd: …, monthly_usd: …}} to the configuration file (--config) for budget lines and forecasts against them.</source>
        <translation>Keine Budgets konfiguriert: Fügen Sie budgets: {service: {daily_usd: …, monthly_usd: …}} zur Konfigurationsdatei (--config) hinzu, um Budgetlinien und Prognosen dagegen zu erhalten.</translation>
    </message>
    <message>
        <source>Budgets of %1: %2 per %3</source>
        <translation>Budgets von %1: %2 pro %3</translation>
    </message>
    <message>
        <source>The stack includes services without a budget (%1).</source>
        <translation>Der Stapel enthält Services ohne Budget (%1).</translation>
    </message>
    <message>
        <source>Budgets are per service: show By service or Stacked to compare spend with them.</source>
        <translation>Budgets gelten pro Service: Wählen Sie „Nach Service“ oder „Gestapelt“, um die Ausgaben damit zu vergleichen.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Gesamt: %1</translation>
    </message>
</context>
<context>
    <name>CostDriverModel</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Per 1k calls</source>
        <translation>Pro 1.000 Aufrufe</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>No price</source>
        <translation>Kein Preis</translation>
    </message>
    <message>
        <source>The variant&apos;s model (request model)</source>
        <translation>Das Modell der Variante (Anfragemodell)</translation>
    </message>
    <message>
        <source>Sum of per-call cost (price table × tokens) in the range</source>
        <translation>Summe der Kosten pro Aufruf (Preistabelle × Tokens) im Zeitraum</translation>
    </message>
    <message>
        <source>This row&apos;s spend over the spend of all rows in the range</source>
        <translation>Ausgaben dieser Zeile im Verhältnis zu den Ausgaben aller Zeilen im Zeitraum</translation>
    </message>
    <message>
        <source>Calls in the stored one-minute windows of the range</source>
        <translation>Aufrufe in den gespeicherten Ein-Minuten-Fenstern des Zeitraums</translation>
    </message>
    <message>
        <source>Spend / priced calls × 1,000 — calls without a price are left out</source>
        <translation>Ausgaben / Aufrufe mit Preis × 1.000 – Aufrufe ohne Preis bleiben außen vor</translation>
    </message>
    <message>
        <source>Tokens the provider reported, summed over the range</source>
        <translation>Vom Anbieter gemeldete Tokens, summiert über den Zeitraum</translation>
    </message>
    <message>
        <source>Calls whose model is not in the price table: their cost is unknown and counts as $0 here</source>
        <translation>Aufrufe, deren Modell nicht in der Preistabelle steht: Ihre Kosten sind unbekannt und zählen hier als 0 $</translation>
    </message>
    <message>
        <source>Add %1 to a prices file (--prices) to count these calls</source>
        <translation>Fügen Sie %1 zu einer Preisdatei (--prices) hinzu, um diese Aufrufe mitzuzählen</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>CostsScreen</name>
    <message>
        <source>$%1</source>
        <comment>US dollars: put the sign where your language does</comment>
        <translation>%1 $</translation>
    </message>
    <message>
        <source>Spend cannot be read from the event store: %1</source>
        <translation>Die Ausgaben können nicht aus dem Ereignisspeicher gelesen werden: %1</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>in the range shown</source>
        <translation>im gezeigten Zeitraum</translation>
    </message>
    <message>
        <source>Sum of per-call cost (price table × tokens, cached tokens at their own price) over the stored one-minute windows in the range.</source>
        <translation>Summe der Kosten pro Aufruf (Preistabelle × Tokens, zwischengespeicherte Tokens zu ihrem eigenen Preis) über die gespeicherten Ein-Minuten-Fenster im Zeitraum.</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Calls counted in the stored one-minute windows of every service and variant in the range.</source>
        <translation>Aufrufe, gezählt in den gespeicherten Ein-Minuten-Fenstern aller Services und Varianten im Zeitraum.</translation>
    </message>
    <message>
        <source>Cost per 1k calls</source>
        <translation>Kosten pro 1.000 Aufrufe</translation>
    </message>
    <message>
        <source>priced calls only</source>
        <translation>nur Aufrufe mit Preis</translation>
    </message>
    <message>
        <source>Spend / calls with a price × 1,000: calls without a price are left out so that they do not lower the figure.</source>
        <translation>Ausgaben / Aufrufe mit Preis × 1.000: Aufrufe ohne Preis bleiben außen vor, damit sie den Wert nicht senken.</translation>
    </message>
    <message>
        <source>Calls without a price</source>
        <translation>Aufrufe ohne Preis</translation>
    </message>
    <message>
        <source>models: %1</source>
        <translation>Modelle: %1</translation>
    </message>
    <message>
        <source>every model has a price</source>
        <translation>jedes Modell hat einen Preis</translation>
    </message>
    <message>
        <source>Calls whose model is not in the price table. Their cost is unknown, so every figure here counts them as $0 — add the models to a prices file (--prices) to count them.</source>
        <translation>Aufrufe, deren Modell nicht in der Preistabelle steht. Ihre Kosten sind unbekannt, daher zählt jeder Wert hier sie als 0 $ – fügen Sie die Modelle zu einer Preisdatei (--prices) hinzu, um sie mitzuzählen.</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>Nach:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>One series per model (the variant&apos;s model)</source>
        <translation>Eine Reihe pro Modell (das Modell der Variante)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>One series per service (service.name); budgets are per service</source>
        <translation>Eine Reihe pro Service (service.name); Budgets gelten pro Service</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Linien</translation>
    </message>
    <message>
        <source>One line per series: compare them, and each service with its own budget</source>
        <translation>Eine Linie pro Reihe: Vergleichen Sie sie, und jeden Service mit seinem eigenen Budget</translation>
    </message>
    <message>
        <source>Stacked</source>
        <translation>Gestapelt</translation>
    </message>
    <message>
        <source>Series stacked: the top edge is the total spend, compared with the sum of the budgets</source>
        <translation>Reihen gestapelt: Die Oberkante ist die Gesamtausgabe, verglichen mit der Summe der Budgets</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Bericht exportieren …</translation>
    </message>
    <message>
        <source>The cost report of this range: spend, calls and tokens by service, model and both, spend over time, budgets per day and month (Ctrl+E)</source>
        <translation>Der Kostenbericht dieses Zeitraums: Ausgaben, Aufrufe und Tokens nach Service, Modell und beidem, Ausgaben im Zeitverlauf, Budgets pro Tag und Monat (Ctrl+E)</translation>
    </message>
    <message>
        <source>Spend by service</source>
        <translation>Ausgaben nach Service</translation>
    </message>
    <message>
        <source>Spend by model</source>
        <translation>Ausgaben nach Modell</translation>
    </message>
    <message>
        <source>Cost of the calls in each %1 bucket (sum of the stored one-minute windows&apos; cost), by the variant&apos;s model or by service. Dashed: budgets spread evenly over the buckets of their day or month (with both, the tighter one). Whole buckets only: the newest minute or so appears once its windows close.</source>
        <translation>Kosten der Aufrufe in jedem %1-Intervall (Summe der Kosten der gespeicherten Ein-Minuten-Fenster), nach Modell der Variante oder nach Service. Gestrichelt: Budgets, gleichmäßig auf die Intervalle ihres Tages oder Monats verteilt (bei beiden das engere). Nur vollständige Intervalle: Die neueste Minute erscheint etwa, sobald ihre Fenster schließen.</translation>
    </message>
    <message>
        <source>Budgets: spend so far and forecast</source>
        <translation>Budgets: bisherige Ausgaben und Prognose</translation>
    </message>
    <message>
        <source>Per service: the UTC day&apos;s and month&apos;s spend so far and where the last hour&apos;s rate takes it by the end of the period, next to the configured budgets.</source>
        <translation>Pro Service: die bisherigen Ausgaben des UTC-Tages und -Monats und wohin die Rate der letzten Stunde sie bis zum Ende des Zeitraums führt, neben den konfigurierten Budgets.</translation>
    </message>
    <message>
        <source>Top cost drivers</source>
        <translation>Größte Kostentreiber</translation>
    </message>
    <message>
        <source>Model × service in the range shown, the largest spend first.</source>
        <translation>Modell × Service im gezeigten Zeitraum, die größten Ausgaben zuerst.</translation>
    </message>
    <message>
        <source>No spend stored yet: windows are stored as each minute closes.</source>
        <translation>Noch keine Ausgaben gespeichert: Fenster werden gespeichert, sobald jede Minute endet.</translation>
    </message>
    <message>
        <source>No calls in the range shown.</source>
        <translation>Keine Aufrufe im gezeigten Zeitraum.</translation>
    </message>
</context>
<context>
    <name>DatasetPreviewModel</name>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>This item has no &quot;%1&quot;</source>
        <translation>Dieser Eintrag hat kein „%1“</translation>
    </message>
</context>
<context>
    <name>DriftHistory</name>
    <message>
        <source>PSI</source>
        <translation>PSI</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>Statistik</translation>
    </message>
</context>
<context>
    <name>ExperimentArmModel</name>
    <message>
        <source>provider defaults</source>
        <translation>Standardwerte des Anbieters</translation>
    </message>
</context>
<context>
    <name>ExperimentDesigner</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 Min.</translation>
    </message>
    <message>
        <source>text &quot;%1&quot;</source>
        <translation>Text „%1“</translation>
    </message>
    <message>
        <source>pattern %1</source>
        <translation>Muster %1</translation>
    </message>
    <message>
        <source>judge %1 (%2)</source>
        <translation>Bewerter %1 (%2)</translation>
    </message>
    <message>
        <source>ignores case</source>
        <translation>ignoriert Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <source>needs a reference</source>
        <translation>braucht eine Referenz</translation>
    </message>
    <message>
        <source>baseline rate %1%2</source>
        <translation>Basisrate %1%2</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation> (Standard)</translation>
    </message>
    <message>
        <source>standard deviation %1%2</source>
        <translation>Standardabweichung %1%2</translation>
    </message>
    <message>
        <source>standard deviation not set</source>
        <translation>Standardabweichung nicht gesetzt</translation>
    </message>
    <message>
        <source>Type where the new definition should go, e.g. %1</source>
        <translation>Geben Sie an, wohin die neue Definition soll, z. B. %1</translation>
    </message>
    <message>
        <source>%1 exists already: choose another file name, or Open it.</source>
        <translation>%1 existiert bereits: Wählen Sie einen anderen Dateinamen oder öffnen Sie die Datei.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No plan: the definition could not be read.</source>
        <translation>Kein Plan: Die Definition konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No plan: the dataset could not be read.</source>
        <translation>Kein Plan: Der Datensatz konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No plan until the problems listed above are fixed.</source>
        <translation>Kein Plan, bis die oben aufgeführten Probleme behoben sind.</translation>
    </message>
    <message>
        <source>No plan: %1</source>
        <translation>Kein Plan: %1</translation>
    </message>
    <message>
        <source>Add &quot;%1&quot; to the definition, then Reload.</source>
        <translation>Fügen Sie „%1“ zur Definition hinzu und laden Sie sie dann neu.</translation>
    </message>
    <message>
        <source>Remove or correct &quot;%1&quot; (a typo?), then Reload.</source>
        <translation>Entfernen oder korrigieren Sie „%1“ (ein Tippfehler?) und laden Sie dann neu.</translation>
    </message>
    <message>
        <source>Correct the JSON near the byte given (a trailing comma or a missing quote is usual), then Reload.</source>
        <translation>Korrigieren Sie das JSON nahe der angegebenen Byte-Position (meist ein überzähliges Komma oder ein fehlendes Anführungszeichen) und laden Sie dann neu.</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot; in the definition file, then Reload.</source>
        <translation>Bearbeiten Sie „%1“ in der Definitionsdatei und laden Sie dann neu.</translation>
    </message>
    <message>
        <source>Correct the definition file, then Reload.</source>
        <translation>Korrigieren Sie die Definitionsdatei und laden Sie dann neu.</translation>
    </message>
    <message>
        <source>unknown price</source>
        <translation>unbekannter Preis</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>unknown — a model has no price (see problems)</source>
        <translation>unbekannt – ein Modell hat keinen Preis (siehe Probleme)</translation>
    </message>
    <message>
        <source>about %1 (%2 calls, %3 at once, %4 s per call assumed)</source>
        <translation>etwa %1 (%2 Aufrufe, %3 gleichzeitig, %4 s pro Aufruf angenommen)</translation>
    </message>
    <message>
        <source>The dataset has %1 items; %2 per arm are needed to find an effect of %3 with %4 power. With all %1 the power is %5; at %4 power they can detect an effect of %6. Add items, raise minimum_effect to %6, or accept the lower power.</source>
        <translation>Der Datensatz hat %1 Einträge; %2 pro Arm werden gebraucht, um einen Effekt von %3 mit %4 Teststärke zu finden. Mit allen %1 beträgt die Teststärke %5; bei %4 Teststärke erkennen sie einen Effekt von %6. Fügen Sie Einträge hinzu, erhöhen Sie minimum_effect auf %6 oder akzeptieren Sie die geringere Teststärke.</translation>
    </message>
    <message>
        <source>The dataset has %1 items; %2 per arm are needed. With all %1 the power is %3. Add items or accept the lower power.</source>
        <translation>Der Datensatz hat %1 Einträge; %2 pro Arm werden gebraucht. Mit allen %1 beträgt die Teststärke %3. Fügen Sie Einträge hinzu oder akzeptieren Sie die geringere Teststärke.</translation>
    </message>
    <message>
        <source>No spend cap: the run may spend whatever the calls cost.</source>
        <translation>Keine Ausgabenobergrenze: Der Lauf darf ausgeben, was die Aufrufe kosten.</translation>
    </message>
    <message>
        <source>Spend cap %1: it cannot be checked before the run, as a price is unknown.</source>
        <translation>Ausgabenobergrenze %1: Sie kann vor dem Lauf nicht geprüft werden, da ein Preis unbekannt ist.</translation>
    </message>
    <message>
        <source>The estimate %1 is above the spend cap %2: the run would stop at the cap.</source>
        <translation>Die Schätzung %1 liegt über der Ausgabenobergrenze %2: Der Lauf würde an der Grenze anhalten.</translation>
    </message>
    <message>
        <source>The estimate %1 is %2 of the spend cap %3.</source>
        <translation>Die Schätzung %1 beträgt %2 der Ausgabenobergrenze %3.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Check the path, or write a starter with New from example.</source>
        <translation>Prüfen Sie den Pfad oder legen Sie mit „Neu aus Beispiel“ eine Vorlage an.</translation>
    </message>
    <message>
        <source>Correct the dataset at the line given, then Reload.</source>
        <translation>Korrigieren Sie den Datensatz in der angegebenen Zeile und laden Sie dann neu.</translation>
    </message>
    <message>
        <source>Put the dataset there, or point dataset.path at it (relative to the definition&apos;s folder), then Reload.</source>
        <translation>Legen Sie den Datensatz dort ab oder lassen Sie dataset.path darauf zeigen (relativ zum Ordner der Definition) und laden Sie dann neu.</translation>
    </message>
</context>
<context>
    <name>ExperimentResultsController</name>
    <message>
        <source>%1 v%2 (id %3)</source>
        <translation>%1 v%2 (ID %3)</translation>
    </message>
    <message>
        <source>No experiment with id %1 in %2.</source>
        <translation>Kein Experiment mit der ID %1 in %2.</translation>
    </message>
    <message>
        <source>Could not read the results from %1: %2</source>
        <translation>Die Ergebnisse konnten nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>Achieved power %1 % for an effect of %2 on %3.</source>
        <translation>Erreichte Teststärke %1 % für einen Effekt von %2 auf %3.</translation>
    </message>
    <message>
        <source>With these items the smallest detectable effect is %1.</source>
        <translation>Mit diesen Einträgen ist der kleinste erkennbare Effekt %1.</translation>
    </message>
    <message>
        <source>Choose PDF, HTML, JSON or CSV.</source>
        <translation>Wählen Sie PDF, HTML, JSON oder CSV.</translation>
    </message>
    <message>
        <source>Type the file the report should be written to.</source>
        <translation>Geben Sie die Datei an, in die der Bericht geschrieben werden soll.</translation>
    </message>
    <message>
        <source>An export is still being written.</source>
        <translation>Ein Export wird noch geschrieben.</translation>
    </message>
    <message>
        <source>Choose an experiment with results first.</source>
        <translation>Wählen Sie zuerst ein Experiment mit Ergebnissen.</translation>
    </message>
    <message>
        <source>Experiment %1 is no longer in %2.</source>
        <translation>Experiment %1 ist nicht mehr in %2.</translation>
    </message>
    <message>
        <source>Wrote the %1 report to %2.</source>
        <translation>%1-Bericht nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>Could not write the report: %1</source>
        <translation>Der Bericht konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>ExperimentResultsPanel</name>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>No stored experiment</source>
        <translation>Kein gespeichertes Experiment</translation>
    </message>
    <message>
        <source>Stored experiment to show</source>
        <translation>Anzuzeigendes gespeichertes Experiment</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Bericht exportieren …</translation>
    </message>
    <message>
        <source>Run the experiment, or choose a stored one above, to see its results.</source>
        <translation>Führen Sie das Experiment aus oder wählen Sie oben ein gespeichertes, um seine Ergebnisse zu sehen.</translation>
    </message>
    <message>
        <source>No outcomes stored for this experiment yet.</source>
        <translation>Für dieses Experiment sind noch keine Ergebnisse gespeichert.</translation>
    </message>
    <message>
        <source>Winner: %1</source>
        <translation>Gewinner: %1</translation>
    </message>
    <message>
        <source>The control is better</source>
        <translation>Die Kontrollgruppe ist besser</translation>
    </message>
    <message>
        <source>Not enough data yet</source>
        <translation>Noch nicht genug Daten</translation>
    </message>
    <message>
        <source>No significant difference</source>
        <translation>Kein signifikanter Unterschied</translation>
    </message>
    <message>
        <source>%1 per arm</source>
        <translation>%1 pro Arm</translation>
    </message>
    <message>
        <source>Arm</source>
        <translation>Arm</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source> (control)</source>
        <translation> (Kontrolle)</translation>
    </message>
    <message>
        <source>%1
mean %2
interval %3 – %4</source>
        <translation>%1
Mittelwert %2
Intervall %3 – %4</translation>
    </message>
    <message>
        <source>%1, mean and interval</source>
        <translation>%1, Mittelwert und Intervall</translation>
    </message>
    <message>
        <source>The primary metric&apos;s mean per arm over the experiment&apos;s items (dot) with its confidence interval (bar): Wilson score interval for a proportion, Student t otherwise.</source>
        <translation>Der Mittelwert der primären Metrik pro Arm über die Einträge des Experiments (Punkt) mit seinem Konfidenzintervall (Balken): Wilson-Score-Intervall für einen Anteil, sonst Student-t.</translation>
    </message>
    <message>
        <source>Comparisons with the control (difference = arm − control)</source>
        <translation>Vergleiche mit der Kontrollgruppe (Differenz = Arm − Kontrolle)</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Difference [interval]</source>
        <translation>Differenz [Intervall]</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p (Holm)</translation>
    </message>
    <message>
        <source>p always-valid</source>
        <translation>p stets gültig</translation>
    </message>
    <message>
        <source>Effect size</source>
        <translation>Effektstärke</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>fixed-horizon p %1, Holm-adjusted %2</source>
        <translation>p mit festem Horizont %1, Holm-korrigiert %2</translation>
    </message>
    <message>
        <source>The arms agree on every item.</source>
        <translation>Die Arme stimmen bei jedem Eintrag überein.</translation>
    </message>
    <message>
        <source>Disagreements: the first %1 of %2 items whose %3 differs between arms</source>
        <translation>Abweichungen: die ersten %1 von %2 Einträgen, deren %3 sich zwischen den Armen unterscheidet</translation>
    </message>
    <message>
        <source>Disagreements: %1 items whose %2 differs between arms</source>
        <translation>Abweichungen: %1 Einträge, deren %2 sich zwischen den Armen unterscheidet</translation>
    </message>
    <message>
        <source> (scores: %1)</source>
        <translation> (Bewertungen: %1)</translation>
    </message>
</context>
<context>
    <name>ExperimentRunController</name>
    <message>
        <source>%1 is an OpenAI-compatible server: give its base URL, e.g. http://localhost:11434 for Ollama or http://localhost:8000 for vLLM.</source>
        <translation>%1 ist ein OpenAI-kompatibler Server: Geben Sie seine Basis-URL an, z. B. http://localhost:11434 für Ollama oder http://localhost:8000 für vLLM.</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>%1 wird gestartet …</translation>
    </message>
    <message>
        <source>Paused: calls in flight finish, no new ones start.</source>
        <translation>Pausiert: Laufende Aufrufe werden beendet, neue starten nicht.</translation>
    </message>
    <message>
        <source>Running: %1 of %2 answers, %3 spent</source>
        <translation>Läuft: %1 von %2 Antworten, %3 ausgegeben</translation>
    </message>
</context>
<context>
    <name>ExperimentsScreen</name>
    <message>
        <source>Run %1?</source>
        <translation>%1 ausführen?</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Estimated cost: %1 for %2 calls.</source>
        <translation>Geschätzte Kosten: %1 für %2 Aufrufe.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The providers are called for real and bill your account.</source>
        <translation>Die Anbieter werden tatsächlich aufgerufen und belasten Ihr Konto.</translation>
    </message>
    <message>
        <source>Base URL, e.g. http://localhost:11434</source>
        <translation>Basis-URL, z. B. http://localhost:11434</translation>
    </message>
    <message>
        <source>Base URL of %1</source>
        <translation>Basis-URL von %1</translation>
    </message>
    <message>
        <source>The address of the OpenAI-compatible server (Ollama, vLLM, LM Studio); /v1/chat/completions is added. Kept for the next launch.</source>
        <translation>Die Adresse des OpenAI-kompatiblen Servers (Ollama, vLLM, LM Studio); /v1/chat/completions wird angehängt. Bleibt für den nächsten Start erhalten.</translation>
    </message>
    <message>
        <source>key from the %1</source>
        <translation>Schlüssel aus: %1</translation>
    </message>
    <message>
        <source>no key: calls will fail</source>
        <translation>kein Schlüssel: Aufrufe werden fehlschlagen</translation>
    </message>
    <message>
        <source>Set key…</source>
        <translation>Schlüssel setzen …</translation>
    </message>
    <message>
        <source>Outcomes and call events are stored in the workbench&apos;s event database; items already answered there are not asked again, so a cancelled run resumes.</source>
        <translation>Ergebnisse und Aufrufereignisse werden in der Ereignisdatenbank der Workbench gespeichert; dort bereits beantwortete Einträge werden nicht erneut abgefragt, sodass ein abgebrochener Lauf fortgesetzt wird.</translation>
    </message>
    <message>
        <source>API key for %1</source>
        <translation>API-Schlüssel für %1</translation>
    </message>
    <message>
        <source>The key is saved in the system keychain and used by experiment runs; a key in the environment (%1) is used when the keychain has none.</source>
        <translation>Der Schlüssel wird im Schlüsselbund des Systems gespeichert und von Experimentläufen verwendet; ein Schlüssel in der Umgebung (%1) wird verwendet, wenn der Schlüsselbund keinen hat.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Remove the saved key</source>
        <translation>Gespeicherten Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Export the report of %1</source>
        <translation>Bericht von %1 exportieren</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>PDF — for reading and sharing</source>
        <translation>PDF – zum Lesen und Weitergeben</translation>
    </message>
    <message>
        <source>HTML — self-contained, charts as SVG</source>
        <translation>HTML – eigenständig, Diagramme als SVG</translation>
    </message>
    <message>
        <source>JSON — the analysis, machine-readable</source>
        <translation>JSON – die Analyse, maschinenlesbar</translation>
    </message>
    <message>
        <source>CSV — one row per item and arm</source>
        <translation>CSV – eine Zeile pro Eintrag und Arm</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>File to write the report to</source>
        <translation>Datei, in die der Bericht geschrieben wird</translation>
    </message>
    <message>
        <source>New experiment from the example</source>
        <translation>Neues Experiment aus dem Beispiel</translation>
    </message>
    <message>
        <source>Write and open</source>
        <translation>Schreiben und öffnen</translation>
    </message>
    <message>
        <source>Writes a starter definition — two arms answering support questions, seven metrics, exact match as the primary one, a $5 spend cap — and its dataset faq.csv beside it (an existing faq.csv is kept). Edit the file in your editor, then Reload here.</source>
        <translation>Schreibt eine Startdefinition – zwei Arme, die Support-Fragen beantworten, sieben Metriken, exakte Übereinstimmung als primäre, eine Ausgabenobergrenze von 5 $ – und daneben ihren Datensatz faq.csv (ein vorhandenes faq.csv bleibt erhalten). Bearbeiten Sie die Datei in Ihrem Editor und laden Sie sie dann hier neu.</translation>
    </message>
    <message>
        <source>Where to write the definition</source>
        <translation>Wohin die Definition geschrieben wird</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Path of an experiment definition (.json) — Ctrl+O</source>
        <translation>Pfad einer Experimentdefinition (.json) – Ctrl+O</translation>
    </message>
    <message>
        <source>Definition file path</source>
        <translation>Pfad der Definitionsdatei</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Recent ▾</source>
        <translation>Zuletzt ▾</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Read the definition and its dataset again (F5)</source>
        <translation>Die Definition und ihren Datensatz erneut lesen (F5)</translation>
    </message>
    <message>
        <source>New from example…</source>
        <translation>Neu aus Beispiel …</translation>
    </message>
    <message>
        <source>Design an offline experiment</source>
        <translation>Ein Offline-Experiment entwerfen</translation>
    </message>
    <message>
        <source>An experiment compares prompt variants — arms: a model, a prompt template and its parameters — on a fixed dataset before any of them sees production traffic. Everything is declared up front in one JSON file: the items, the metrics, the one metric it is decided on, α, power, the smallest effect worth finding and a spend cap.</source>
        <translation>Ein Experiment vergleicht Prompt-Varianten – Arme: ein Modell, eine Prompt-Vorlage und ihre Parameter – auf einem festen Datensatz, bevor eine davon Produktionsverkehr sieht. Alles wird vorab in einer JSON-Datei festgelegt: die Einträge, die Metriken, die eine Metrik, nach der entschieden wird, α, Teststärke, der kleinste lohnende Effekt und eine Ausgabenobergrenze.</translation>
    </message>
    <message>
        <source>Here you check that design before spending anything: how the arms&apos; prompts differ, what the dataset holds, and the plan — how many items each arm needs, what power the dataset gives, tokens, cost and duration.</source>
        <translation>Hier prüfen Sie diesen Entwurf, bevor Sie etwas ausgeben: wie sich die Prompts der Arme unterscheiden, was der Datensatz enthält, und den Plan – wie viele Einträge jeder Arm braucht, welche Teststärke der Datensatz ergibt, Tokens, Kosten und Dauer.</translation>
    </message>
    <message>
        <source>or type the path of a definition above and press Enter (Ctrl+O). The format is described in docs/experiments.md.</source>
        <translation>oder geben Sie oben den Pfad einer Definition ein und drücken Sie Enter (Ctrl+O). Das Format ist in docs/experiments.md beschrieben.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>The definition could not be read</source>
        <translation>Die Definition konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Definitions are JSON with &quot;schema_version&quot;: 1; unknown fields are refused so that a typo is never a silent default. Fix the file, then Reload (F5).</source>
        <translation>Definitionen sind JSON mit &quot;schema_version&quot;: 1; unbekannte Felder werden abgelehnt, damit ein Tippfehler nie stillschweigend zum Standardwert wird. Korrigieren Sie die Datei und laden Sie dann neu (F5).</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 Problem</translation>
    </message>
    <message>
        <source>%1 problems</source>
        <translation>%1 Probleme</translation>
    </message>
    <message>
        <source>Resume run…</source>
        <translation>Lauf fortsetzen …</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Ausführen …</translation>
    </message>
    <message>
        <source>Waiting for the plan</source>
        <translation>Warte auf den Plan</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>$%1 spent</source>
        <translation>%1 $ ausgegeben</translation>
    </message>
    <message>
        <source>%1/%2, %3 errors</source>
        <translation>%1/%2, %3 Fehler</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>The run calls the providers for real and spends money up to the spend cap; each item&apos;s outcome is stored once, so an interrupted run resumes without paying twice. From a terminal:</source>
        <translation>Der Lauf ruft die Anbieter tatsächlich auf und gibt Geld bis zur Ausgabenobergrenze aus; das Ergebnis jedes Eintrags wird einmal gespeichert, sodass ein unterbrochener Lauf ohne doppelte Kosten fortgesetzt wird. Aus einem Terminal:</translation>
    </message>
    <message>
        <source>Command that runs this experiment</source>
        <translation>Befehl, der dieses Experiment ausführt</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Bericht wird geschrieben …</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Arms (%1)</source>
        <translation>Arme (%1)</translation>
    </message>
    <message>
        <source>Arm %1: %2 %3</source>
        <translation>Arm %1: %2 %3</translation>
    </message>
    <message>
        <source>control</source>
        <translation>Kontrolle</translation>
    </message>
    <message>
        <source>The first arm is the control; each other arm is compared with it. Select an arm (↑/↓) to compare its templates with A below.</source>
        <translation>Der erste Arm ist die Kontrollgruppe; jeder andere Arm wird mit ihr verglichen. Wählen Sie einen Arm (↑/↓), um seine Vorlagen unten mit A zu vergleichen.</translation>
    </message>
    <message>
        <source>Template diff</source>
        <translation>Vorlagenvergleich</translation>
    </message>
    <message>
        <source>Arm A</source>
        <translation>Arm A</translation>
    </message>
    <message>
        <source>Arm B</source>
        <translation>Arm B</translation>
    </message>
    <message>
        <source>System message</source>
        <translation>Systemnachricht</translation>
    </message>
    <message>
        <source>Neither arm sends a system message.</source>
        <translation>Keiner der Arme sendet eine Systemnachricht.</translation>
    </message>
    <message>
        <source>Prompt (user message)</source>
        <translation>Prompt (Benutzernachricht)</translation>
    </message>
    <message>
        <source>A and B are the same arm: choose another B.</source>
        <translation>A und B sind derselbe Arm: Wählen Sie ein anderes B.</translation>
    </message>
    <message>
        <source>The templates are identical: the arms differ only in model or parameters.</source>
        <translation>Die Vorlagen sind identisch: Die Arme unterscheiden sich nur in Modell oder Parametern.</translation>
    </message>
    <message>
        <source>Prompt: %1 lines added, %2 removed; system: %3 added, %4 removed.</source>
        <translation>Prompt: %1 Zeilen hinzugefügt, %2 entfernt; System: %3 hinzugefügt, %4 entfernt.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>wird berechnet …</translation>
    </message>
    <message>
        <source>decided on %1</source>
        <translation>entschieden nach %1</translation>
    </message>
    <message>
        <source>Sample size: %1.</source>
        <translation>Stichprobengröße: %1.</translation>
    </message>
    <message>
        <source>Items per arm</source>
        <translation>Einträge pro Arm</translation>
    </message>
    <message>
        <source>%1 of %2 needed</source>
        <translation>%1 von %2 benötigt</translation>
    </message>
    <message>
        <source>Power achieved</source>
        <translation>Erreichte Teststärke</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Geschätzte Kosten</translation>
    </message>
    <message>
        <source>Tokens (arms&apos; calls)</source>
        <translation>Tokens (Aufrufe der Arme)</translation>
    </message>
    <message>
        <source>Dataset too small. %1</source>
        <translation>Datensatz zu klein. %1</translation>
    </message>
    <message>
        <source>arm</source>
        <translation>Arm</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>in / out tokens per call</source>
        <translation>Ein-/Ausgabe-Tokens pro Aufruf</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>calls + judge</source>
        <translation>Aufrufe + Bewerter</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Total cost unknown: a model has no price, so the estimate is not $0 but missing. </source>
        <translation>Gesamtkosten unbekannt: Ein Modell hat keinen Preis, daher ist die Schätzung nicht 0 $, sondern fehlt. </translation>
    </message>
    <message>
        <source>Duration: %1.</source>
        <translation>Dauer: %1.</translation>
    </message>
    <message>
        <source>Hide assumptions</source>
        <translation>Annahmen ausblenden</translation>
    </message>
    <message>
        <source>Assumptions (%1)</source>
        <translation>Annahmen (%1)</translation>
    </message>
    <message>
        <source>Metrics (%1)</source>
        <translation>Metriken (%1)</translation>
    </message>
    <message>
        <source>Decided on &lt;b&gt;%1&lt;/b&gt; · α %2 · power %3 · minimum effect %4 · %5</source>
        <translation>Entschieden nach &lt;b&gt;%1&lt;/b&gt; · α %2 · Teststärke %3 · Mindesteffekt %4 · %5</translation>
    </message>
    <message>
        <source>pass/fail</source>
        <translation>bestanden/nicht bestanden</translation>
    </message>
    <message>
        <source>continuous</source>
        <translation>stetig</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primär</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>%1 · %2 items</source>
        <translation>%1 · %2 Einträge</translation>
    </message>
    <message>
        <source>%1 · not read</source>
        <translation>%1 · nicht gelesen</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>Spalten: %1</translation>
    </message>
    <message>
        <source>The templates use %1, which the dataset does not have. </source>
        <translation>Die Vorlagen verwenden %1, das der Datensatz nicht hat. </translation>
    </message>
    <message>
        <source>%1 items lack a variable the templates use: the run stops at such an item rather than send a prompt with a hole.</source>
        <translation>%1 Einträgen fehlt eine Variable, die die Vorlagen verwenden: Der Lauf hält bei einem solchen Eintrag an, statt einen Prompt mit Lücke zu senden.</translation>
    </message>
    <message>
        <source>The first %1 items:</source>
        <translation>Die ersten %1 Einträge:</translation>
    </message>
    <message>
        <source>All items:</source>
        <translation>Alle Einträge:</translation>
    </message>
    <message>
        <source>  (missing)</source>
        <translation>  (fehlt)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
</context>
<context>
    <name>FindingListModel</name>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
</context>
<context>
    <name>FindingsScreen</name>
    <message>
        <source>previous windows</source>
        <translation>vorherige Fenster</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>window tested</source>
        <translation>getestetes Fenster</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>reference interval</source>
        <translation>Referenzintervall</translation>
    </message>
    <message>
        <source>current interval</source>
        <translation>aktuelles Intervall</translation>
    </message>
    <message>
        <source>window (oldest first)</source>
        <translation>Fenster (älteste zuerst)</translation>
    </message>
    <message>
        <source>bin / category</source>
        <translation>Klasse / Kategorie</translation>
    </message>
    <message>
        <source>All analyzers</source>
        <translation>Alle Analysatoren</translation>
    </message>
    <message>
        <source>Analyzer</source>
        <translation>Analysator</translation>
    </message>
    <message>
        <source>Info and up</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and up</source>
        <translation>Warnungen und höher</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Nur kritische</translation>
    </message>
    <message>
        <source>Least severity</source>
        <translation>Mindestschweregrad</translation>
    </message>
    <message>
        <source>Filter by service, variant, metric or method</source>
        <translation>Nach Service, Variante, Metrik oder Methode filtern</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Bericht exportieren …</translation>
    </message>
    <message>
        <source>The drift and anomaly report of the range chosen on the Overview: findings by analyzer and severity, over time, the strongest drifts&apos; distributions and every finding&apos;s method and numbers (Ctrl+E)</source>
        <translation>Der Drift- und Anomaliebericht des in der Übersicht gewählten Zeitraums: Befunde nach Analysator und Schweregrad, im Zeitverlauf, die Verteilungen der stärksten Drifts sowie Methode und Kennzahlen jedes Befunds (Ctrl+E)</translation>
    </message>
    <message>
        <source>No findings yet. The analyzers test one-minute windows per service and variant once ten of them have closed (anomalies) or thirty (drift against the reference).</source>
        <translation>Noch keine Befunde. Die Analysatoren testen Ein-Minuten-Fenster pro Service und Variante, sobald zehn davon abgeschlossen sind (Anomalien) bzw. dreißig (Drift gegenüber der Referenz).</translation>
    </message>
    <message>
        <source>No finding matches the filters.</source>
        <translation>Kein Befund passt zu den Filtern.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p-Wert</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>%1 (α %2)</source>
        <translation>%1 (α %2)</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>This method keeps no series to draw; its numbers are above.</source>
        <translation>Diese Methode speichert keine Reihe zum Zeichnen; ihre Kennzahlen stehen oben.</translation>
    </message>
    <message>
        <source>Window tested against the ones before</source>
        <translation>Getestetes Fenster gegenüber den vorherigen</translation>
    </message>
    <message>
        <source>Reference against current distribution</source>
        <translation>Referenz- gegenüber aktueller Verteilung</translation>
    </message>
    <message>
        <source>Reference against current estimate</source>
        <translation>Referenz- gegenüber aktueller Schätzung</translation>
    </message>
    <message>
        <source>The metric in the key&apos;s previous one-minute windows (line, oldest first) and in the window tested (dot): the method above tests the latter against the former.</source>
        <translation>Die Metrik in den vorherigen Ein-Minuten-Fenstern des Schlüssels (Linie, älteste zuerst) und im getesteten Fenster (Punkt): Die Methode oben testet Letzteres gegen Ersteres.</translation>
    </message>
    <message>
        <source>Share of calls per bin (the reference&apos;s deciles) or category, in the reference stretch (the key&apos;s first windows) and in the current one (its last windows). PSI and the test above are computed from these shares.</source>
        <translation>Anteil der Aufrufe pro Klasse (die Dezile der Referenz) oder Kategorie, im Referenzabschnitt (die ersten Fenster des Schlüssels) und im aktuellen (seine letzten Fenster). PSI und der Test oben werden aus diesen Anteilen berechnet.</translation>
    </message>
    <message>
        <source>The reference and current estimates of the metric with their confidence intervals (vertical bars), as the test above computed them.</source>
        <translation>Die Referenz- und die aktuelle Schätzung der Metrik mit ihren Konfidenzintervallen (senkrechte Balken), wie der Test oben sie berechnet hat.</translation>
    </message>
    <message>
        <source>%1 over time</source>
        <translation>%1 im Zeitverlauf</translation>
    </message>
    <message>
        <source>This key&apos;s %1 as the same method judged it in every stored finding about it: the line joins the statistic at the end of each window tested (PSI where the finding has one), the dots mark when each finding was raised, coloured by severity. Analyzers store the statistic only when they raise a finding.</source>
        <translation>%1 dieses Schlüssels, wie dieselbe Methode sie in jedem gespeicherten Befund dazu beurteilt hat: Die Linie verbindet die Statistik am Ende jedes getesteten Fensters (PSI, wo der Befund einen hat), die Punkte markieren, wann jeder Befund ausgelöst wurde, gefärbt nach Schweregrad. Analysatoren speichern die Statistik nur, wenn sie einen Befund auslösen.</translation>
    </message>
    <message>
        <source>MMM d hh:mm</source>
        <comment>date format (QDateTime) of a time axis over more than a day</comment>
        <translation>d. MMM HH:mm</translation>
    </message>
    <message>
        <source>finding raised</source>
        <translation>Befund ausgelöst</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Select a finding to see its evidence.</source>
        <translation>Wählen Sie einen Befund, um seine Belege zu sehen.</translation>
    </message>
</context>
<context>
    <name>KeychainCredentials</name>
    <message>
        <source>The system keychain could not be used (%1), so API keys come from the environment only. Start a Secret Service (GNOME Keyring or KWallet) and unlock it, or set the variables named below.</source>
        <translation>Der Schlüsselbund des Systems konnte nicht verwendet werden (%1), daher kommen API-Schlüssel nur aus der Umgebung. Starten Sie einen Secret Service (GNOME Keyring oder KWallet) und entsperren Sie ihn, oder setzen Sie die unten genannten Variablen.</translation>
    </message>
    <message>
        <source>Enter both the provider and its API key.</source>
        <translation>Geben Sie sowohl den Anbieter als auch seinen API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>The key for %1 was not saved: %2</source>
        <translation>Der Schlüssel für %1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>The key for %1 was not deleted: %2</source>
        <translation>Der Schlüssel für %1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>reading the keychain…</source>
        <translation>Schlüsselbund wird gelesen …</translation>
    </message>
    <message>
        <source>environment (%1)</source>
        <translation>Umgebung (%1)</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>LLM Auto-Optimizer Workbench</source>
        <translation>LLM Auto-Optimizer Workbench</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Drift &amp;&amp; Anomalies</source>
        <translation>Drift &amp;&amp; Anomalien</translation>
    </message>
    <message>
        <source>Pareto</source>
        <translation>Pareto</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Experimente</translation>
    </message>
    <message>
        <source>Rollouts</source>
        <translation>Rollouts</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>LLM Auto-Optimizer</source>
        <translation>LLM Auto-Optimizer</translation>
    </message>
    <message>
        <source>Demo feed</source>
        <translation>Demo-Einspeisung</translation>
    </message>
    <message>
        <source>No telemetry connection is configured, so the built-in simulator plays three services over seven models. Add an OTLP/HTTP receiver or a Kafka topic on the Connections screen (Ctrl+7) to see your own telemetry.</source>
        <translation>Es ist keine Telemetrieverbindung konfiguriert, daher spielt der eingebaute Simulator drei Services über sieben Modelle ab. Fügen Sie auf dem Bildschirm „Verbindungen“ (Ctrl+7) einen OTLP/HTTP-Empfänger oder ein Kafka-Topic hinzu, um Ihre eigene Telemetrie zu sehen.</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>Szenario: %1</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Einstellungen (Ctrl+,)</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Welcome and connecting telemetry…</source>
        <translation>Willkommen und Telemetrie verbinden …</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Tastenkürzel (F1)</translation>
    </message>
    <message>
        <source>%1 (soon)</source>
        <translation>%1 (bald)</translation>
    </message>
</context>
<context>
    <name>ModelChart</name>
    <message>
        <source>No quantile band</source>
        <translation>Kein Quantilband</translation>
    </message>
    <message>
        <source>Model whose p50–p95 band and p99 are drawn</source>
        <translation>Modell, dessen p50–p95-Band und p99 gezeichnet werden</translation>
    </message>
    <message>
        <source>The model whose p50–p95 band and p99 line are drawn under the p95 lines</source>
        <translation>Das Modell, dessen p50–p95-Band und p99-Linie unter den p95-Linien gezeichnet werden</translation>
    </message>
    <message>
        <source>%1 p50–p95</source>
        <translation>%1 p50–p95</translation>
    </message>
    <message>
        <source>%1 p99</source>
        <translation>%1 p99</translation>
    </message>
    <message>
        <source>MMM d hh:mm</source>
        <comment>date format (QDateTime) of a time axis over more than a day</comment>
        <translation>d. MMM HH:mm</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>$%1</source>
        <comment>US dollars: put the sign where your language does</comment>
        <translation>%1 $</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <source>$%1</source>
        <comment>US dollars: put the sign where your language does</comment>
        <translation>%1 $</translation>
    </message>
    <message>
        <source>Events cannot be stored: %1</source>
        <translation>Ereignisse können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Requests / s</source>
        <translation>Anfragen / s</translation>
    </message>
    <message>
        <source>last minute</source>
        <translation>letzte Minute</translation>
    </message>
    <message>
        <source>Calls in the 10-second buckets that started within the last minute, divided by the seconds those buckets cover.</source>
        <translation>Aufrufe in den 10-Sekunden-Intervallen, die in der letzten Minute begannen, geteilt durch die Sekunden, die diese Intervalle abdecken.</translation>
    </message>
    <message>
        <source>Spend / hour</source>
        <translation>Ausgaben / Stunde</translation>
    </message>
    <message>
        <source>at the last minute&apos;s rate</source>
        <translation>bei der Rate der letzten Minute</translation>
    </message>
    <message>
        <source>Cost of the last minute&apos;s calls (price table × tokens, cached tokens at their own price) scaled to an hour.</source>
        <translation>Kosten der Aufrufe der letzten Minute (Preistabelle × Tokens, zwischengespeicherte Tokens zu ihrem eigenen Preis), auf eine Stunde hochgerechnet.</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95-Latenz</translation>
    </message>
    <message>
        <source>successful calls, last minute</source>
        <translation>erfolgreiche Aufrufe, letzte Minute</translation>
    </message>
    <message>
        <source>95th percentile of call duration from a quantile sketch with ≤1% relative error.</source>
        <translation>95. Perzentil der Aufrufdauer aus einer Quantilskizze mit ≤1 % relativem Fehler.</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>Failed calls (span status error or error.type set) over all calls in the last 60 s.</source>
        <translation>Fehlgeschlagene Aufrufe (Span-Status „error“ oder error.type gesetzt) im Verhältnis zu allen Aufrufen der letzten 60 s.</translation>
    </message>
    <message>
        <source>Mean quality</source>
        <translation>Mittlere Qualität</translation>
    </message>
    <message>
        <source>evaluation score 0–1</source>
        <translation>Bewertung 0–1</translation>
    </message>
    <message>
        <source>Mean of gen_ai.evaluation.result scores attached to the last minute&apos;s calls.</source>
        <translation>Mittelwert der gen_ai.evaluation.result-Bewertungen zu den Aufrufen der letzten Minute.</translation>
    </message>
    <message>
        <source>History cannot be read: %1</source>
        <translation>Der Verlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>p95 per bucket: mean of the one-minute windows&apos; p95, weighted by their successful calls</source>
        <translation>p95 pro Intervall: Mittelwert der p95 der Ein-Minuten-Fenster, gewichtet mit ihren erfolgreichen Aufrufen</translation>
    </message>
    <message>
        <source>Spend rate by model</source>
        <translation>Ausgabenrate nach Modell</translation>
    </message>
    <message>
        <source>USD / hour</source>
        <translation>USD / Stunde</translation>
    </message>
    <message>
        <source>Cost per bucket (10 seconds live, else the range&apos;s bucket), scaled to USD per hour, by the variant&apos;s model.</source>
        <translation>Kosten pro Intervall (live 10 Sekunden, sonst das Intervall des Zeitraums), auf USD pro Stunde hochgerechnet, nach Modell der Variante.</translation>
    </message>
    <message>
        <source>p95 latency by model</source>
        <translation>p95-Latenz nach Modell</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>95th percentile duration of successful calls per bucket, by model; for the model chosen in the header also the band from the median (p50) to p95 and the 99th percentile (dashed). Live: quantiles of each 10-second bucket&apos;s sketch (≤1% relative error); history: the one-minute windows&apos; quantiles averaged, weighted by their successful calls.</source>
        <translation>95. Perzentil der Dauer erfolgreicher Aufrufe pro Intervall, nach Modell; für das in der Kopfzeile gewählte Modell zusätzlich das Band vom Median (p50) bis p95 und das 99. Perzentil (gestrichelt). Live: Quantile der Skizze jedes 10-Sekunden-Intervalls (≤1 % relativer Fehler); Verlauf: die Quantile der Ein-Minuten-Fenster, gemittelt und gewichtet mit ihren erfolgreichen Aufrufen.</translation>
    </message>
</context>
<context>
    <name>ParetoScreen</name>
    <message>
        <source>$%1</source>
        <comment>US dollars: put the sign where your language does</comment>
        <translation>%1 $</translation>
    </message>
    <message>
        <source>%1
quality %2 (%3–%4)
cost per request %5
p95 %6 ms · %7 calls%8</source>
        <translation>%1
Qualität %2 (%3–%4)
Kosten pro Anfrage %5
p95 %6 ms · %7 Aufrufe%8</translation>
    </message>
    <message>
        <source>
on the front</source>
        <translation>
auf der Front</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Quality within</source>
        <translation>Qualität innerhalb</translation>
    </message>
    <message>
        <source>How much lower than the best variant&apos;s mean quality the chosen variant may be.</source>
        <translation>Wie viel niedriger als die mittlere Qualität der besten Variante die gewählte Variante sein darf.</translation>
    </message>
    <message>
        <source>%1 % of the best</source>
        <translation>%1 % der besten</translation>
    </message>
    <message>
        <source>p95 SLO</source>
        <translation>p95-SLO</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>The chosen variant&apos;s p95 latency must be at most this (0: no SLO).</source>
        <translation>Die p95-Latenz der gewählten Variante darf höchstens so groß sein (0: kein SLO).</translation>
    </message>
    <message>
        <source>Waiting for variants with at least 100 evaluated calls in the last hour…</source>
        <translation>Warte auf Varianten mit mindestens 100 bewerteten Aufrufen in der letzten Stunde …</translation>
    </message>
    <message>
        <source>No variant meets the constraints</source>
        <translation>Keine Variante erfüllt die Bedingungen</translation>
    </message>
    <message>
        <source>Choice: %1 (most traffic now: %2) — all traffic there %3 a month</source>
        <translation>Wahl: %1 (derzeit höchster Verkehr: %2) – sämtlicher Verkehr dorthin %3 im Monat</translation>
    </message>
    <message>
        <source>saves %1</source>
        <translation>spart %1</translation>
    </message>
    <message>
        <source>costs %1 more</source>
        <translation>kostet %1 mehr</translation>
    </message>
    <message>
        <source>Quality against cost per request</source>
        <translation>Qualität gegenüber Kosten pro Anfrage</translation>
    </message>
    <message>
        <source>Each variant of the service over the engine&apos;s trailing hour of windows: mean evaluation score against cost per request (price table × tokens), coloured by p95 latency. The front joins the variants no other beats on both cost and quality by more than the noise (their confidence intervals); rings mark the constrained choice and the variant with most traffic now.</source>
        <translation>Jede Variante des Services über die zurückliegende Stunde an Fenstern der Engine: mittlere Bewertung gegenüber Kosten pro Anfrage (Preistabelle × Tokens), gefärbt nach p95-Latenz. Die Front verbindet die Varianten, die keine andere bei Kosten und Qualität zugleich um mehr als das Rauschen (ihre Konfidenzintervalle) übertrifft; Ringe markieren die Wahl unter den Bedingungen und die Variante mit dem derzeit meisten Verkehr.</translation>
    </message>
    <message>
        <source>cost per request (USD)</source>
        <translation>Kosten pro Anfrage (USD)</translation>
    </message>
    <message>
        <source>mean quality</source>
        <translation>mittlere Qualität</translation>
    </message>
    <message>
        <source>front</source>
        <translation>Front</translation>
    </message>
    <message>
        <source>most traffic</source>
        <translation>höchster Verkehr</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>Wahl</translation>
    </message>
    <message>
        <source>variants (p95: green fast, red slow)</source>
        <translation>Varianten (p95: grün schnell, rot langsam)</translation>
    </message>
    <message>
        <source>Recommendations (%1 awaiting an answer)</source>
        <translation>Empfehlungen (%1 warten auf Antwort)</translation>
    </message>
    <message>
        <source>Not done — %1</source>
        <translation>Nicht ausgeführt – %1</translation>
    </message>
    <message>
        <source>Nothing to recommend yet. Strategies propose a change when a cheaper variant is within the quality tolerance, an experiment has a winner, a parameter can be tuned or a threshold rule fires.</source>
        <translation>Noch nichts zu empfehlen. Strategien schlagen eine Änderung vor, wenn eine günstigere Variante innerhalb der Qualitätstoleranz liegt, ein Experiment einen Gewinner hat, ein Parameter optimiert werden kann oder eine Schwellwertregel auslöst.</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>freigegeben von %1</translation>
    </message>
    <message>
        <source>rejected by %1</source>
        <translation>abgelehnt von %1</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>überholt</translation>
    </message>
    <message>
        <source>%1 / month</source>
        <translation>%1 / Monat</translation>
    </message>
    <message>
        <source>Hide evidence</source>
        <translation>Belege ausblenden</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Send your approval to the engine: an approved switch starts a canary rollout (Rollouts screen, Ctrl+6).</source>
        <translation>Senden Sie Ihre Freigabe an die Engine: Ein freigegebener Wechsel startet ein Canary-Rollout (Bildschirm „Rollouts“, Ctrl+6).</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Approve and start a rollout?</source>
        <translation>Freigeben und ein Rollout starten?</translation>
    </message>
    <message>
        <source>%1

Approving starts a canary rollout: 1 % of the traffic first, judged after each step of the plan and rolled back automatically if it fails; the last step waits for your confirmation (Rollouts screen, Ctrl+6). Your approval is written to the audit log.</source>
        <translation>%1

Die Freigabe startet ein Canary-Rollout: zuerst 1 % des Verkehrs, nach jedem Schritt des Plans bewertet und bei Misserfolg automatisch zurückgerollt; der letzte Schritt wartet auf Ihre Bestätigung (Bildschirm „Rollouts“, Ctrl+6). Ihre Freigabe wird ins Audit-Log geschrieben.</translation>
    </message>
    <message>
        <source>Choice: %1, which already has the most traffic — moving the rest of the traffic there %2 a month</source>
        <translation>Wahl: %1, die bereits den meisten Verkehr hat – der restliche Verkehr dorthin %2 im Monat</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cost %1 $/request</source>
        <translation>Kosten %1 $/Anfrage</translation>
    </message>
    <message>
        <source>quality %1</source>
        <translation>Qualität %1</translation>
    </message>
    <message>
        <source>p95 %1 ms</source>
        <translation>p95 %1 ms</translation>
    </message>
</context>
<context>
    <name>RangeSelector</name>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>The last quarter hour, as calls arrive (Alt+1).</source>
        <translation>Die letzte Viertelstunde, während Aufrufe eintreffen (Alt+1).</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>The last hour, from the stored one-minute windows (Alt+2).</source>
        <translation>Die letzte Stunde, aus den gespeicherten Ein-Minuten-Fenstern (Alt+2).</translation>
    </message>
    <message>
        <source>6 h</source>
        <translation>6 h</translation>
    </message>
    <message>
        <source>The last 6 hours, stored windows in 3-minute buckets (Alt+3).</source>
        <translation>Die letzten 6 Stunden, gespeicherte Fenster in 3-Minuten-Intervallen (Alt+3).</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>The last 24 hours, stored windows in 12-minute buckets (Alt+4).</source>
        <translation>Die letzten 24 Stunden, gespeicherte Fenster in 12-Minuten-Intervallen (Alt+4).</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>The last 7 days, stored windows in 84-minute buckets (Alt+5).</source>
        <translation>Die letzten 7 Tage, gespeicherte Fenster in 84-Minuten-Intervallen (Alt+5).</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert …</translation>
    </message>
    <message>
        <source>A period of your choice, from the stored windows (Alt+6).</source>
        <translation>Ein Zeitraum Ihrer Wahl, aus den gespeicherten Fenstern (Alt+6).</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Services</translation>
    </message>
    <message>
        <source>Service shown</source>
        <translation>Angezeigter Service</translation>
    </message>
    <message>
        <source>The service every screen shows: KPIs, charts, tables, findings, costs and the Pareto view (service.name of the calls).</source>
        <translation>Der Service, den jeder Bildschirm zeigt: KPIs, Diagramme, Tabellen, Befunde, Kosten und die Pareto-Ansicht (service.name der Aufrufe).</translation>
    </message>
    <message>
        <source>Show a custom period</source>
        <translation>Benutzerdefinierten Zeitraum zeigen</translation>
    </message>
    <message>
        <source>Write the times as 2026-11-27 14:00 (local time).</source>
        <translation>Schreiben Sie die Zeiten als 2026-11-27 14:00 (Ortszeit).</translation>
    </message>
    <message>
        <source>The start must be before the end.</source>
        <translation>Der Beginn muss vor dem Ende liegen.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Start of the period</source>
        <translation>Beginn des Zeitraums</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>End of the period</source>
        <translation>Ende des Zeitraums</translation>
    </message>
    <message>
        <source>Local time, yyyy-MM-dd HH:mm. Charts, costs and findings show the stored windows of this period.</source>
        <translation>Ortszeit, yyyy-MM-dd HH:mm. Diagramme, Kosten und Befunde zeigen die gespeicherten Fenster dieses Zeitraums.</translation>
    </message>
</context>
<context>
    <name>ReportExportDialog</name>
    <message>
        <source>Export the cost report</source>
        <translation>Kostenbericht exportieren</translation>
    </message>
    <message>
        <source>Export the drift and anomaly report</source>
        <translation>Drift- und Anomaliebericht exportieren</translation>
    </message>
    <message>
        <source>Period: %1 to %2 (the range chosen at the top).</source>
        <translation>Zeitraum: %1 bis %2 (der oben gewählte Bereich).</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>PDF — for reading and sharing</source>
        <translation>PDF – zum Lesen und Weitergeben</translation>
    </message>
    <message>
        <source>HTML — self-contained, charts as SVG</source>
        <translation>HTML – eigenständig, Diagramme als SVG</translation>
    </message>
    <message>
        <source>JSON — machine-readable</source>
        <translation>JSON – maschinenlesbar</translation>
    </message>
    <message>
        <source>CSV — one row per hour, service and model</source>
        <translation>CSV – eine Zeile pro Stunde, Service und Modell</translation>
    </message>
    <message>
        <source>CSV — one row per finding</source>
        <translation>CSV – eine Zeile pro Befund</translation>
    </message>
    <message>
        <source>Report format</source>
        <translation>Berichtsformat</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>File to write the report to</source>
        <translation>Datei, in die der Bericht geschrieben wird</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <source>Unknown report &quot;%1&quot;: choose cost or drift.</source>
        <translation>Unbekannter Bericht „%1“: Wählen Sie cost oder drift.</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot;: choose PDF, HTML, JSON or CSV.</source>
        <translation>Unbekanntes Format „%1“: Wählen Sie PDF, HTML, JSON oder CSV.</translation>
    </message>
    <message>
        <source>Give the file to write.</source>
        <translation>Geben Sie die zu schreibende Datei an.</translation>
    </message>
    <message>
        <source>The period is empty: choose a range whose start is before its end.</source>
        <translation>Der Zeitraum ist leer: Wählen Sie einen Bereich, dessen Beginn vor seinem Ende liegt.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: choose another file.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden: Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>Writing the %1 report…</source>
        <translation>%1-Bericht wird geschrieben …</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>The report could not be read from the event database: %1</source>
        <translation>Der Bericht konnte nicht aus der Ereignisdatenbank gelesen werden: %1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
</context>
<context>
    <name>RolloutController</name>
    <message>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>% of calls</source>
        <translation>% der Aufrufe</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>median score</source>
        <translation>Median-Bewertung</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>median ms</source>
        <translation>Median ms</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>median USD per 1,000 calls</source>
        <translation>Median USD pro 1.000 Aufrufe</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>confirmation</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>pause %1 s</source>
        <translation>Pause %1 s</translation>
    </message>
    <message>
        <source>pause %1 calls</source>
        <translation>Pause %1 Aufrufe</translation>
    </message>
    <message>
        <source>Sending “%1” for rollout %2 to the engine…</source>
        <translation>„%1“ für Rollout %2 wird an die Engine gesendet …</translation>
    </message>
</context>
<context>
    <name>RolloutsScreen</name>
    <message>
        <source>rolled back</source>
        <translation>zurückgerollt</translation>
    </message>
    <message>
        <source>progressing</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>hochgestuft</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the end of the plan</source>
        <translation>das Ende des Plans</translation>
    </message>
    <message>
        <source>the next step</source>
        <translation>der nächste Schritt</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Confirm rollout %1?</source>
        <translation>Rollout %1 bestätigen?</translation>
    </message>
    <message>
        <source>Abort rollout %1?</source>
        <translation>Rollout %1 abbrechen?</translation>
    </message>
    <message>
        <source>Roll back rollout %1?</source>
        <translation>Rollout %1 zurückrollen?</translation>
    </message>
    <message>
        <source>Approve and start a rollout?</source>
        <translation>Freigeben und ein Rollout starten?</translation>
    </message>
    <message>
        <source>Reject this recommendation?</source>
        <translation>Diese Empfehlung ablehnen?</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Abort rollout</source>
        <translation>Rollout abbrechen</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>%1 goes on with its plan: next step %2. The candidate %3 gets more of the traffic as the plan raises its weight; the judge keeps checking it after each raise and rolls it back if it fails.</source>
        <translation>%1 setzt seinen Plan fort: nächster Schritt %2. Der Kandidat %3 erhält mehr Verkehr, während der Plan sein Gewicht erhöht; der Judge prüft ihn nach jeder Erhöhung weiter und rollt ihn bei Misserfolg zurück.</translation>
    </message>
    <message>
        <source>The rollout stops now: %1 gets no more traffic (weight 0 %) and all of %2 goes back to %3. An aborted rollout cannot be resumed; approve the change again to retry.</source>
        <translation>Das Rollout stoppt jetzt: %1 erhält keinen Verkehr mehr (Gewicht 0 %) und der gesamte Verkehr von %2 geht zurück an %3. Ein abgebrochenes Rollout kann nicht fortgesetzt werden; geben Sie die Änderung erneut frei, um es nochmals zu versuchen.</translation>
    </message>
    <message>
        <source>%1 was promoted. Rolling back sends all of %2 to %3 again at once (candidate weight 0 %).</source>
        <translation>%1 wurde hochgestuft. Zurückrollen schickt den gesamten Verkehr von %2 sofort wieder an %3 (Gewicht des Kandidaten 0 %).</translation>
    </message>
    <message>
        <source>All of %1 goes back to the stable variant %2 at once (%3 from %4 % to 0 %). The rollout ends as rolled back.</source>
        <translation>Der gesamte Verkehr von %1 geht sofort zurück an die stabile Variante %2 (%3 von %4 % auf 0 %). Das Rollout endet als zurückgerollt.</translation>
    </message>
    <message>
        <source>%1. Approving starts a canary rollout: traffic moves to the new variant in the steps of the plan below, judged after each step, and rolled back automatically if it fails.</source>
        <translation>%1. Die Freigabe startet ein Canary-Rollout: Der Verkehr wechselt in den Schritten des Plans unten zur neuen Variante, wird nach jedem Schritt bewertet und bei Misserfolg automatisch zurückgerollt.</translation>
    </message>
    <message>
        <source>%1. The recommendation is closed as rejected; nothing changes in production.</source>
        <translation>%1. Die Empfehlung wird als abgelehnt geschlossen; in der Produktion ändert sich nichts.</translation>
    </message>
    <message>
        <source>The engine checks the command and writes it to the audit log as %1, with what you saw.</source>
        <translation>Die Engine prüft den Befehl und schreibt ihn als %1 ins Audit-Log, zusammen mit dem, was Sie gesehen haben.</translation>
    </message>
    <message>
        <source>Reason (optional, kept in the audit log)</source>
        <translation>Begründung (optional, wird im Audit-Log aufbewahrt)</translation>
    </message>
    <message>
        <source>Not done — </source>
        <translation>Nicht ausgeführt – </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Awaiting approval (%1)</source>
        <translation>Wartet auf Freigabe (%1)</translation>
    </message>
    <message>
        <source>No switch is waiting for approval. The Pareto strategy proposes one when a cheaper variant is within your quality tolerance, an experiment when a variant wins its test.</source>
        <translation>Kein Wechsel wartet auf Freigabe. Die Pareto-Strategie schlägt einen vor, wenn eine günstigere Variante innerhalb Ihrer Qualitätstoleranz liegt, die Experiment-Strategie, wenn eine Variante ihren Test gewinnt.</translation>
    </message>
    <message>
        <source>fall back</source>
        <translation>Rückfall</translation>
    </message>
    <message>
        <source>switch</source>
        <translation>Wechsel</translation>
    </message>
    <message>
        <source>$%1 / month</source>
        <translation>%1 $ / Monat</translation>
    </message>
    <message>
        <source>Expected per request: %1</source>
        <translation>Erwartet pro Anfrage: %1</translation>
    </message>
    <message>
        <source>Hide evidence</source>
        <translation>Belege ausblenden</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Freigeben …</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Ablehnen …</translation>
    </message>
    <message>
        <source>Rollouts</source>
        <translation>Rollouts</translation>
    </message>
    <message>
        <source>Rollouts (%1 active, %2 finished)</source>
        <translation>Rollouts (%1 aktiv, %2 beendet)</translation>
    </message>
    <message>
        <source>No rollout yet. Active rollouts are listed here first, then the finished ones, newest first.</source>
        <translation>Noch kein Rollout. Aktive Rollouts stehen hier zuerst, dann die beendeten, die neuesten zuerst.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>MMM d hh:mm</source>
        <comment>date format (QDateTime) of the last change</comment>
        <translation>d. MMM HH:mm</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Rollout %1 · approved by %2 · started %3%4</source>
        <translation>Rollout %1 · freigegeben von %2 · gestartet %3%4</translation>
    </message>
    <message>
        <source> · recommendation %1</source>
        <translation> · Empfehlung %1</translation>
    </message>
    <message>
        <source>Confirm…</source>
        <translation>Bestätigen …</translation>
    </message>
    <message>
        <source>Let a paused rollout go on with its plan.</source>
        <translation>Ein pausiertes Rollout mit seinem Plan fortfahren lassen.</translation>
    </message>
    <message>
        <source>Abort…</source>
        <translation>Abbrechen …</translation>
    </message>
    <message>
        <source>Stop the rollout: the candidate gets no more traffic.</source>
        <translation>Das Rollout stoppen: Der Kandidat erhält keinen Verkehr mehr.</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>Zurückrollen …</translation>
    </message>
    <message>
        <source>Send all traffic back to the stable variant now.</source>
        <translation>Den gesamten Verkehr jetzt an die stabile Variante zurückschicken.</translation>
    </message>
    <message>
        <source>stable %1 · %2 %</source>
        <translation>stabil %1 · %2 %</translation>
    </message>
    <message>
        <source>%1 % · candidate %2</source>
        <translation>%1 % · Kandidat %2</translation>
    </message>
    <message>
        <source>In the current window: %1 canary and %2 stable calls</source>
        <translation>Im aktuellen Fenster: %1 Canary- und %2 stabile Aufrufe</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Waiting for the policy sinks: %1. The rollout holds, and its calls do not count, until every sink has taken policy version %2.</source>
        <translation>Warte auf die Policy-Senken: %1. Das Rollout hält an, und seine Aufrufe zählen nicht, bis jede Senke die Policy-Version %2 übernommen hat.</translation>
    </message>
    <message>
        <source>No policy published yet.</source>
        <translation>Noch keine Policy veröffentlicht.</translation>
    </message>
    <message>
        <source>Policy version %1 published; every sink has acknowledged version %2.</source>
        <translation>Policy-Version %1 veröffentlicht; jede Senke hat Version %2 bestätigt.</translation>
    </message>
    <message>
        <source> · %1 failed</source>
        <translation> · %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Analyses</source>
        <translation>Analysen</translation>
    </message>
    <message>
        <source>none yet — the judge compares canary and stable after each weight step, once the step has seen enough canary calls</source>
        <translation>noch keine – der Judge vergleicht Canary und stabile Variante nach jedem Gewichtsschritt, sobald der Schritt genug Canary-Aufrufe gesehen hat</translation>
    </message>
    <message>
        <source>%1 so far; each compares every canary call since the start with the stable variant over the same time</source>
        <translation>bisher %1; jede vergleicht jeden Canary-Aufruf seit dem Start mit der stabilen Variante über dieselbe Zeit</translation>
    </message>
    <message>
        <source>%1 at %2 % (%3 canary, %4 stable calls)
%5</source>
        <translation>%1 bei %2 % (%3 Canary-, %4 stabile Aufrufe)
%5</translation>
    </message>
    <message>
        <source>%1 in %2 after each analysis of the judge (x: analysis number): the canary&apos;s and the stable variant&apos;s centres, each analysis comparing every canary call since the start with the stable variant over the same time; dots: the canary, green where the metric passed, red where it failed. Method: %3</source>
        <translation>%1 in %2 nach jeder Analyse des Judges (x: Nummer der Analyse): die Zentren der Canary- und der stabilen Variante, wobei jede Analyse jeden Canary-Aufruf seit dem Start mit der stabilen Variante über dieselbe Zeit vergleicht; Punkte: der Canary, grün, wo die Metrik bestanden hat, rot, wo sie durchgefallen ist. Methode: %3</translation>
    </message>
    <message>
        <source>latest: canary %1, stable %2 — %3</source>
        <translation>zuletzt: Canary %1, stabil %2 – %3</translation>
    </message>
    <message>
        <source>x: analysis number; canary and stable centres</source>
        <translation>x: Nummer der Analyse; Zentren von Canary und stabiler Variante</translation>
    </message>
    <message>
        <source>too few calls</source>
        <translation>zu wenige Aufrufe</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>durchgefallen</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <source>canary</source>
        <translation>Canary</translation>
    </message>
    <message>
        <source>passed / failed</source>
        <translation>bestanden / durchgefallen</translation>
    </message>
    <message>
        <source>no analysis yet</source>
        <translation>noch keine Analyse</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>MMM d hh:mm:ss</source>
        <comment>date format (QDateTime) of a step</comment>
        <translation>d. MMM HH:mm:ss</translation>
    </message>
    <message>
        <source>No rollout yet — approve a recommendation (Pareto screen or on the left) to start one</source>
        <translation>Noch kein Rollout – geben Sie eine Empfehlung frei (Pareto-Bildschirm oder links), um eines zu starten</translation>
    </message>
    <message>
        <source>A rollout moves a service&apos;s traffic from its stable variant to the candidate in steps. After each raise the judge compares the canary with the stable variant on error rate, quality, latency and cost: a failed analysis or a breached guardrail rolls it back at once, an unclear one pauses for you. A step begins only once every policy sink has taken the new weights.</source>
        <translation>Ein Rollout verlagert den Verkehr eines Services schrittweise von seiner stabilen Variante auf den Kandidaten. Nach jeder Erhöhung vergleicht der Judge den Canary mit der stabilen Variante bei Fehlerrate, Qualität, Latenz und Kosten: Eine durchgefallene Analyse oder eine verletzte Schutzgrenze rollt sofort zurück, eine unklare pausiert für Sie. Ein Schritt beginnt erst, wenn jede Policy-Senke die neuen Gewichte übernommen hat.</translation>
    </message>
    <message>
        <source>The plan a new rollout follows</source>
        <translation>Der Plan, dem ein neues Rollout folgt</translation>
    </message>
    <message>
        <source>No routing policy published yet.</source>
        <translation>Noch keine Routing-Policy veröffentlicht.</translation>
    </message>
    <message>
        <source>Routing policy version %1, acknowledged up to version %2.</source>
        <translation>Routing-Policy-Version %1, bestätigt bis Version %2.</translation>
    </message>
    <message>
        <source>No policy sink is configured: the weights are kept in the database only.</source>
        <translation>Keine Policy-Senke konfiguriert: Die Gewichte werden nur in der Datenbank gehalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n policy sink(s) configured.</source>
        <translation>
            <numerusform>%n Policy-Senke konfiguriert.</numerusform>
            <numerusform>%n Policy-Senken konfiguriert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Review the first approval…</source>
        <translation>Erste Freigabe prüfen …</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System follows the desktop&apos;s colours; Light and Dark apply to every screen, chart and dialog.</source>
        <translation>„System“ folgt den Farben des Desktops; „Hell“ und „Dunkel“ gelten für jeden Bildschirm, jedes Diagramm und jeden Dialog.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <source>Texts, numbers, amounts and dates. Applies the next time the workbench starts.</source>
        <translation>Texte, Zahlen, Beträge und Datumsangaben. Gilt ab dem nächsten Start der Workbench.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>F1 or Ctrl+/</source>
        <translation>F1 oder Ctrl+/</translation>
    </message>
    <message>
        <source>These keyboard shortcuts</source>
        <translation>Diese Tastenkürzel</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Alt+1 … Alt+5</source>
        <translation>Alt+1 … Alt+5</translation>
    </message>
    <message>
        <source>Costs, Drift &amp; Anomalies</source>
        <translation>Kosten, Drift &amp; Anomalien</translation>
    </message>
    <message>
        <source>Export a report of the period shown</source>
        <translation>Einen Bericht über den gezeigten Zeitraum exportieren</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Experimente</translation>
    </message>
    <message>
        <source>Type the path of a definition file</source>
        <translation>Den Pfad einer Definitionsdatei eingeben</translation>
    </message>
    <message>
        <source>F5 or Ctrl+R</source>
        <translation>F5 oder Ctrl+R</translation>
    </message>
    <message>
        <source>Read the definition and dataset again</source>
        <translation>Definition und Datensatz erneut lesen</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Read the newest records again</source>
        <translation>Die neuesten Einträge erneut lesen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Show or hide the selected record&apos;s details</source>
        <translation>Details des gewählten Eintrags ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Time range of every screen: live 15 minutes, 1 hour, 6 hours, 24 hours, 7 days</source>
        <translation>Zeitraum aller Bildschirme: live 15 Minuten, 1 Stunde, 6 Stunden, 24 Stunden, 7 Tage</translation>
    </message>
    <message>
        <source>A custom period</source>
        <translation>Ein benutzerdefinierter Zeitraum</translation>
    </message>
</context>
<context>
    <name>SourceListModel</name>
    <message>
        <source>The address must be an IP address, such as 127.0.0.1 (this computer only) or 0.0.0.0 (every network interface).</source>
        <translation>Die Adresse muss eine IP-Adresse sein, etwa 127.0.0.1 (nur dieser Computer) oder 0.0.0.0 (jede Netzwerkschnittstelle).</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535 (OTLP/HTTP uses 4318).</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein (OTLP/HTTP verwendet 4318).</translation>
    </message>
    <message>
        <source>HTTPS needs both a certificate file and its private key file (PEM); leave both empty for plain HTTP.</source>
        <translation>HTTPS braucht sowohl eine Zertifikatsdatei als auch ihre private Schlüsseldatei (PEM); lassen Sie für einfaches HTTP beide leer.</translation>
    </message>
    <message>
        <source>Name at least one broker, such as localhost:9092.</source>
        <translation>Nennen Sie mindestens einen Broker, etwa localhost:9092.</translation>
    </message>
    <message>
        <source>Name at least one topic, such as otlp_spans.</source>
        <translation>Nennen Sie mindestens ein Topic, etwa otlp_spans.</translation>
    </message>
    <message>
        <source>The encoding must be otlp_proto, otlp_json or flat_json.</source>
        <translation>Die Kodierung muss otlp_proto, otlp_json oder flat_json sein.</translation>
    </message>
    <message>
        <source>Evaluation topics need the otlp_proto or otlp_json encoding (flat_json events carry their evaluations inline).</source>
        <translation>Bewertungs-Topics brauchen die Kodierung otlp_proto oder otlp_json (flat_json-Ereignisse tragen ihre Bewertungen inline).</translation>
    </message>
    <message>
        <source>Choose the kind of source: an OTLP/HTTP receiver or a Kafka topic.</source>
        <translation>Wählen Sie die Art der Quelle: einen OTLP/HTTP-Empfänger oder ein Kafka-Topic.</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>There is no source %1.</source>
        <translation>Es gibt keine Quelle %1.</translation>
    </message>
    <message>
        <source>Its bearer token is not in the system keychain (%1). Edit the source and enter the token again.</source>
        <translation>Sein Bearer-Token ist nicht im Schlüsselbund des Systems (%1). Bearbeiten Sie die Quelle und geben Sie das Token erneut ein.</translation>
    </message>
    <message>
        <source>no entry</source>
        <translation>kein Eintrag</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Demo feed</source>
        <translation>Demo-Einspeisung</translation>
    </message>
    <message>
        <source>%1 of %2 sources up · %3 is down</source>
        <translation>%1 von %2 Quellen aktiv · %3 ist ausgefallen</translation>
    </message>
    <message>
        <source>%1 of %2 sources up, the others connecting</source>
        <translation>%1 von %2 Quellen aktiv, die anderen verbinden sich</translation>
    </message>
    <message>
        <source>Source up</source>
        <translation>Quelle aktiv</translation>
    </message>
    <message>
        <source>All %1 sources up</source>
        <translation>Alle %1 Quellen aktiv</translation>
    </message>
    <message>
        <source>The event store failed: %1</source>
        <translation>Der Ereignisspeicher ist ausgefallen: %1</translation>
    </message>
    <message>
        <source>The built-in simulator is playing while no source is configured; Help › Welcome explains it, the Connections screen (Ctrl+7) adds your own telemetry.</source>
        <translation>Der eingebaute Simulator spielt, solange keine Quelle konfiguriert ist; Hilfe › Willkommen erklärt ihn, der Bildschirm „Verbindungen“ (Ctrl+7) fügt Ihre eigene Telemetrie hinzu.</translation>
    </message>
    <message>
        <source>%1: %2
Details and settings on the Connections screen (Ctrl+7).</source>
        <translation>%1: %2
Details und Einstellungen auf dem Bildschirm „Verbindungen“ (Ctrl+7).</translation>
    </message>
    <message>
        <source>Telemetry sources receiving or ready to receive; details on the Connections screen (Ctrl+7).</source>
        <translation>Telemetriequellen, die empfangen oder empfangsbereit sind; Details auf dem Bildschirm „Verbindungen“ (Ctrl+7).</translation>
    </message>
    <message>
        <source>%1 events/s in</source>
        <translation>%1 Ereignisse/s ein</translation>
    </message>
    <message>
        <source>Events the engine took in per second, from every source, over the last five seconds. %1 events are stored in all.</source>
        <translation>Ereignisse, die die Engine pro Sekunde aus allen Quellen aufgenommen hat, über die letzten fünf Sekunden. Insgesamt sind %1 Ereignisse gespeichert.</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>Warteschlange %1</translation>
    </message>
    <message>
        <source>Events received and waiting for the engine (room for %1). A queue that stays high means the engine cannot keep up.</source>
        <translation>Empfangene Ereignisse, die auf die Engine warten (Platz für %1). Eine dauerhaft volle Warteschlange bedeutet, dass die Engine nicht hinterherkommt.</translation>
    </message>
    <message>
        <source>%1 pushed back</source>
        <translation>%1 zurückgewiesen</translation>
    </message>
    <message>
        <source>Times a source was told to wait because the queue was full: OTLP requests answered 503 with Retry-After, Kafka consumers paused, demo ticks held. Nothing is dropped; senders retry.</source>
        <translation>Wie oft eine Quelle warten musste, weil die Warteschlange voll war: OTLP-Anfragen mit 503 und Retry-After beantwortet, Kafka-Consumer pausiert, Demo-Ticks angehalten. Nichts geht verloren; Sender versuchen es erneut.</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 verworfen</translation>
    </message>
    <message>
        <source>Spans that were malformed or could not be decoded. They are kept with the reason as dead letters, not analysed.</source>
        <translation>Spans, die fehlerhaft waren oder nicht dekodiert werden konnten. Sie werden samt Grund als Dead Letters aufbewahrt, nicht analysiert.</translation>
    </message>
    <message>
        <source>%1 without a price</source>
        <translation>%1 ohne Preis</translation>
    </message>
    <message>
        <source>Calls stored whose model is not in the price table, so their cost is unknown. Add the model&apos;s prices with --prices or the configuration&apos;s prices file.</source>
        <translation>Gespeicherte Aufrufe, deren Modell nicht in der Preistabelle steht, sodass ihre Kosten unbekannt sind. Fügen Sie die Preise des Modells mit --prices oder der Preisdatei der Konfiguration hinzu.</translation>
    </message>
    <message>
        <source>%1 awaiting approval</source>
        <translation>%1 warten auf Freigabe</translation>
    </message>
    <message>
        <source>Recommendations that would move traffic — a switch or a fall-back, each started as a canary rollout — waiting for an operator&apos;s approval. Opens the Rollouts screen (Ctrl+6).</source>
        <translation>Empfehlungen, die Verkehr verlagern würden – ein Wechsel oder ein Rückfall, jeweils als Canary-Rollout gestartet –, die auf die Freigabe eines Operators warten. Öffnet den Bildschirm „Rollouts“ (Ctrl+6).</translation>
    </message>
</context>
<context>
    <name>VariantTable</name>
    <message>
        <source>Variants (model · prompt · parameters) since the feed started</source>
        <translation>Varianten (Modell · Prompt · Parameter) seit Beginn der Einspeisung</translation>
    </message>
</context>
<context>
    <name>VariantTableModel</name>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>p50 latency</source>
        <translation>p50-Latenz</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95-Latenz</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Cost / request</source>
        <translation>Kosten / Anfrage</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Failed calls / all calls since the feed started</source>
        <translation>Fehlgeschlagene Aufrufe / alle Aufrufe seit Beginn der Einspeisung</translation>
    </message>
    <message>
        <source>Latency quantile of successful calls (quantile sketch, ≤1% relative error)</source>
        <translation>Latenzquantil erfolgreicher Aufrufe (Quantilskizze, ≤1 % relativer Fehler)</translation>
    </message>
    <message>
        <source>Sum of per-call cost from the price table</source>
        <translation>Summe der Kosten pro Aufruf aus der Preistabelle</translation>
    </message>
    <message>
        <source>Mean evaluation score (gen_ai.evaluation.result), 0–1</source>
        <translation>Mittlere Bewertung (gen_ai.evaluation.result), 0–1</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>ViewFilter</name>
    <message>
        <source>Live 15 min</source>
        <translation>Live 15 Min.</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>all services</source>
        <translation>alle Services</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to the LLM Auto-Optimizer Workbench</source>
        <translation>Willkommen in der LLM Auto-Optimizer Workbench</translation>
    </message>
    <message>
        <source>What you see is the &lt;b&gt;demo feed&lt;/b&gt;: a built-in simulator playing three services — support chat, summariser and code assistant — over seven published models, with scripted incidents: a drift in what users ask, a latency incident, a provider outage and a price cut. Everything works on it: findings, recommendations, experiments and canary rollouts.</source>
        <translation>Was Sie sehen, ist die &lt;b&gt;Demo-Einspeisung&lt;/b&gt;: ein eingebauter Simulator, der drei Services – Support-Chat, Zusammenfasser und Code-Assistent – über sieben veröffentlichte Modelle abspielt, mit geskripteten Vorfällen: eine Drift bei dem, was Nutzer fragen, ein Latenzvorfall, ein Anbieterausfall und eine Preissenkung. Alles funktioniert damit: Befunde, Empfehlungen, Experimente und Canary-Rollouts.</translation>
    </message>
    <message>
        <source>To watch your own LLM calls, open &lt;b&gt;Connections&lt;/b&gt; (Ctrl+7) and add an &lt;b&gt;OTLP/HTTP receiver&lt;/b&gt; — point your OpenTelemetry exporter at port 4318 (OTEL_EXPORTER_OTLP_ENDPOINT) — or a &lt;b&gt;Kafka topic&lt;/b&gt; that carries the spans. The demo feed stops as soon as a source is configured.</source>
        <translation>Um Ihre eigenen LLM-Aufrufe zu beobachten, öffnen Sie &lt;b&gt;Verbindungen&lt;/b&gt; (Ctrl+7) und fügen Sie einen &lt;b&gt;OTLP/HTTP-Empfänger&lt;/b&gt; hinzu – richten Sie Ihren OpenTelemetry-Exporter auf Port 4318 (OTEL_EXPORTER_OTLP_ENDPOINT) – oder ein &lt;b&gt;Kafka-Topic&lt;/b&gt;, das die Spans trägt. Die Demo-Einspeisung endet, sobald eine Quelle konfiguriert ist.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts: F1. This welcome stays in the Help menu (?) at the top right.</source>
        <translation>Tastenkürzel: F1. Dieses Willkommen bleibt im Hilfemenü (?) oben rechts erreichbar.</translation>
    </message>
    <message>
        <source>Connect telemetry…</source>
        <translation>Telemetrie verbinden …</translation>
    </message>
    <message>
        <source>Explore the demo</source>
        <translation>Die Demo erkunden</translation>
    </message>
</context>
</TS>
