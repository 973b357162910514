import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

// Settings (Ctrl+,): how the workbench looks. Each row is a setting, its
// control and a line on what it does; a choice applies at once and is kept
// for the next launch.
Dialog {
    id: dialog
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(520, parent ? parent.width - 80 : 520)
    modal: true
    focus: true
    padding: 16
    title: qsTr("Settings")
    standardButtons: Dialog.Close

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: 6

        Label { text: qsTr("Theme"); color: Theme.text }
        ComboBox {
            id: themeBox
            Layout.fillWidth: true
            textRole: "text"
            valueRole: "value"
            model: [{ value: ColorScheme.System, text: qsTr("System") },
                    { value: ColorScheme.Light, text: qsTr("Light") },
                    { value: ColorScheme.Dark, text: qsTr("Dark") }]
            currentIndex: ColorScheme.choice // the model lists the choices in their enum's order
            onActivated: ColorScheme.choice = currentValue
            Accessible.name: qsTr("Theme")
        }
        Item { implicitWidth: 1 }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.pixelSize: 12
            text: qsTr("System follows the desktop's colours; Light and Dark apply to every screen, chart and dialog.")
        }

        Label { text: qsTr("Language"); color: Theme.text }
        ComboBox {
            id: languageBox
            Layout.fillWidth: true
            textRole: "text"
            valueRole: "value"
            // Each language in its own words, so that anyone finds theirs.
            model: [{ value: "", text: qsTr("System (%1)").arg(UiLanguage.systemName) },
                    { value: "en", text: "English" },
                    { value: "de", text: "Deutsch" },
                    { value: "zh_CN", text: "简体中文" }]
            Component.onCompleted: currentIndex = indexOfValue(UiLanguage.choice)
            onActivated: UiLanguage.choice = currentValue
            Accessible.name: qsTr("Language")
        }
        Item { implicitWidth: 1 }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.pixelSize: 12
            text: qsTr("Texts, numbers, amounts and dates. Applies the next time the workbench starts.")
        }
    }
}
