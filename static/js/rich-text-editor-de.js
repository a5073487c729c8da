// German for the editor (static/js/rich-text-editor.js). A classic script, so it runs before the
// editor module reads window.gettext: its dialogs then ask here first, then Django's catalogue.
(function () {
  const german = {
    "URL": "Adresse (URL)", "Title": "Titel", "Open in new window": "In neuem Fenster öffnen",
    "Edit Link": "Link bearbeiten", "Update": "Übernehmen", "Cancel": "Abbrechen",
    "Insert": "Einfügen", "List properties": "Listen-Einstellungen", "List type": "Listentyp",
    "Start at": "Beginnen mit", "Decimal numbers": "Zahlen", "Lowercase letters": "Kleinbuchstaben",
    "Uppercase letters": "Großbuchstaben", "Lowercase Roman numerals": "Kleine römische Zahlen",
    "Uppercase Roman numerals": "Große römische Zahlen", "Rows": "Zeilen", "Columns": "Spalten",
    "Include header row": "Mit Kopfzeile", "Table Properties": "Tabellen-Einstellungen",
    "Insert Table": "Tabelle einfügen",
    "bold": "Fett", "italic": "Kursiv", "insert link": "Link einfügen",
    "remove link": "Link entfernen", "undo": "Rückgängig", "redo": "Wiederholen",
    "Bullet list": "Aufzählung", "Ordered list": "Nummerierte Liste",
    "bullet list": "Aufzählung", "ordered list": "Nummerierte Liste", "unordered list": "Aufzählung",
    "Blockquote": "Zitat", "blockquote": "Zitat", "Horizontal rule": "Trennlinie",
    "horizontal rule": "Trennlinie", "Insert table": "Tabelle einfügen",
    "Add column": "Spalte hinzufügen", "Delete column": "Spalte löschen",
    "Add row": "Zeile hinzufügen", "Delete row": "Zeile löschen",
    "Merge cells": "Zellen verbinden", "Split cell": "Zelle teilen",
    "Toggle header cell": "Kopfzelle umschalten", "Toggle header row": "Kopfzeile umschalten",
    "Toggle header column": "Kopfspalte umschalten", "Delete table": "Tabelle löschen",
    "Paragraph": "Absatz", "paragraph": "Absatz",
    "Heading 2": "Überschrift 2", "Heading 3": "Überschrift 3", "Heading 4": "Überschrift 4",
    "Table properties": "Tabellen-Einstellungen",
  };
  const previous = window.gettext || function (text) { return text; };
  window.gettext = function (text) { return german[text] || previous(text); };
  window.DefusEditorGerman = german;
})();
