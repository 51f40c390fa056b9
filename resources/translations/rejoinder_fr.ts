<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name></name>
    <message>
        <location filename="../../app/gui/workspace.py" line="58"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="59"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="60"/>
        <source>Passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="61"/>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="62"/>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="63"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="64"/>
        <source>Preflight</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/gui/errors.py" line="68"/>
        <source>Rejoinder ran into a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/errors.py" line="72"/>
        <source>Something went wrong that Rejoinder did not expect. Your project is safe: every change was saved when you made it. Please send this report to support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/errors.py" line="76"/>
        <source>The report was also saved as {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/errors.py" line="86"/>
        <source>Copy report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="35"/>
        <source>Export contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="39"/>
        <source>Grouped: quotes, then comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="40"/>
        <source>Interleaved: quote, comment, quote…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="41"/>
        <source>Table: one row per passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="42"/>
        <source>&amp;Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="44"/>
        <source>Default template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="45"/>
        <location filename="../../app/gui/dialogs/export.py" line="57"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="49"/>
        <source>&amp;Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="52"/>
        <source>Include responses still in draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="53"/>
        <source>Review copy (statuses and notes as Word comments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="61"/>
        <source>&amp;Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="67"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="76"/>
        <source>Word template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="76"/>
        <source>Word documents (*.docx *.dotx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="83"/>
        <source>Export as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/export.py" line="83"/>
        <source>Word documents (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportLabelsDialog</name>
    <message>
        <location filename="../../app/gui/dialogs/import_labels.py" line="37"/>
        <source>Import documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/import_labels.py" line="41"/>
        <source>Check who each document comes from; the label names its section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/import_labels.py" line="51"/>
        <source>Submission (to answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/import_labels.py" line="52"/>
        <source>Reference (to quote)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/import_labels.py" line="68"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="36"/>
        <location filename="../../app/gui/main_window.py" line="196"/>
        <source>Rejoinder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="69"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="71"/>
        <source>&amp;New project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="74"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="77"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="78"/>
        <source>Open &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="81"/>
        <source>&amp;Import documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="82"/>
        <source>&amp;Export contribution…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="84"/>
        <source>&amp;Close project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="89"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="92"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="93"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="119"/>
        <source>Save the new project as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="141"/>
        <source>Open a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="180"/>
        <source>{title} — Rejoinder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../app/gui/dialogs/new_project.py" line="33"/>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/new_project.py" line="37"/>
        <source>Comments on contributions to WGEC-2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/new_project.py" line="39"/>
        <source>Our delegation or organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/new_project.py" line="47"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/new_project.py" line="48"/>
        <source>&amp;Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/new_project.py" line="49"/>
        <source>&amp;Meeting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/new_project.py" line="50"/>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/dialogs/new_project.py" line="51"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="38"/>
        <source>Add topic…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="39"/>
        <source>Cross-reference…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="42"/>
        <source>Move the section up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="43"/>
        <source>Move the section down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="47"/>
        <source>Opening (e.g. “We support this paper.”):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="50"/>
        <source>Closing remarks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="53"/>
        <source>Save opening and closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="71"/>
        <source>Contribution from {party}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="119"/>
        <source>Edit opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="123"/>
        <source>Add topic section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="123"/>
        <source>Heading:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="137"/>
        <source>Cross-reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="137"/>
        <source>Refer to the section:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="156"/>
        <source>Add cross-reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/outline_panel.py" line="176"/>
        <source>Move section</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassagesPanel</name>
    <message>
        <location filename="../../app/gui/passages_panel.py" line="60"/>
        <source>Printed quote (use … for omissions, [ ] for insertions):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/passages_panel.py" line="69"/>
        <source>Apply quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/passages_panel.py" line="70"/>
        <source>Save the printed quote (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/passages_panel.py" line="74"/>
        <source>&amp;Delete passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/passages_panel.py" line="76"/>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/passages_panel.py" line="78"/>
        <source>Move d&amp;own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/passages_panel.py" line="109"/>
        <source>p. {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/passages_panel.py" line="111"/>
        <source>para. {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/passages_panel.py" line="114"/>
        <source>not found in the new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/passages_panel.py" line="116"/>
        <source>quote differs from the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/passages_panel.py" line="158"/>
        <source>Faithful</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <location filename="../../app/gui/preflight_panel.py" line="33"/>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/preflight_panel.py" line="53"/>
        <source>1 problem to fix before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/preflight_panel.py" line="55"/>
        <source>{n} problems to fix before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/preflight_panel.py" line="59"/>
        <source>No problems found: ready to export.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../app/gui/preview_panel.py" line="26"/>
        <source>Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/preview_panel.py" line="29"/>
        <source>Grouped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/preview_panel.py" line="29"/>
        <source>Interleaved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/preview_panel.py" line="29"/>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/preview_panel.py" line="59"/>
        <source>The preview is not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReaderPanel</name>
    <message>
        <location filename="../../app/gui/reader.py" line="332"/>
        <source>Find in this source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/reader.py" line="336"/>
        <source>Close the find bar (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResponseEditor</name>
    <message>
        <location filename="../../app/gui/response_editor.py" line="81"/>
        <source>Select a passage, then write our comment here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="84"/>
        <source>&amp;Position:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="89"/>
        <source>Agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="90"/>
        <source>Partly agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="91"/>
        <source>Disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="92"/>
        <source>Strongly disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="93"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="98"/>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="103"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="103"/>
        <source>Proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="103"/>
        <source>Agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="131"/>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="131"/>
        <source>Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="132"/>
        <source>I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="132"/>
        <source>Italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="133"/>
        <source>U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="133"/>
        <source>Underline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="134"/>
        <source>Link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="134"/>
        <location filename="../../app/gui/response_editor.py" line="182"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="135"/>
        <source>Footnote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="153"/>
        <source>Phrasebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="182"/>
        <source>Address (https://…):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="200"/>
        <source>footnote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="232"/>
        <source>No passage selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/response_editor.py" line="238"/>
        <source>Response to “{quote}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RichEdit</name>
    <message>
        <location filename="../../app/gui/rich_edit.py" line="36"/>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/rich_edit.py" line="38"/>
        <source>Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/rich_edit.py" line="41"/>
        <source>I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/rich_edit.py" line="41"/>
        <source>Italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/rich_edit.py" line="43"/>
        <source>U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/rich_edit.py" line="43"/>
        <source>Underline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/rich_edit.py" line="45"/>
        <source>Link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/rich_edit.py" line="48"/>
        <source>Footnote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/rich_edit.py" line="78"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/rich_edit.py" line="78"/>
        <source>Address (https://…):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/rich_edit.py" line="91"/>
        <source>footnote</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/gui/search_panel.py" line="25"/>
        <source>Search sources, quotes and responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/search_panel.py" line="68"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/search_panel.py" line="69"/>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/search_panel.py" line="70"/>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/search_panel.py" line="81"/>
        <source>1 result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/search_panel.py" line="81"/>
        <source>{n} results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceActions</name>
    <message>
        <location filename="../../app/gui/source_actions.py" line="40"/>
        <source>Save a &amp;copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/source_actions.py" line="42"/>
        <source>&amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/source_actions.py" line="44"/>
        <source>Import new &amp;version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/source_actions.py" line="45"/>
        <source>Show &amp;original file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/source_actions.py" line="55"/>
        <source>Save a copy of the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/source_actions.py" line="74"/>
        <source>A copy was saved as {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/source_actions.py" line="80"/>
        <source>Choose the source that has a new version first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/source_actions.py" line="83"/>
        <source>Import a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/source_actions.py" line="97"/>
        <source>“{name}” cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/source_actions.py" line="111"/>
        <source>The new version was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/source_actions.py" line="112"/>
        <source>Passages found at a new place: {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/source_actions.py" line="113"/>
        <source>Passages re-attached by approximate match (check them): {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/source_actions.py" line="120"/>
        <source>Passages not found in the new version: {n}. They are kept and marked ✗ in the Passages panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/source_actions.py" line="132"/>
        <source>This source was pasted: there is no original file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <location filename="../../app/gui/reader.py" line="226"/>
        <source>Cite selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/reader.py" line="257"/>
        <source>page {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/reader.py" line="312"/>
        <source>p. {label}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <location filename="../../app/gui/sources_panel.py" line="40"/>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/sources_panel.py" line="42"/>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/sources_panel.py" line="44"/>
        <source>&amp;Import documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/sources_panel.py" line="66"/>
        <source>submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/sources_panel.py" line="66"/>
        <source>reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/sources_panel.py" line="68"/>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/sources_panel.py" line="68"/>
        <source>{n} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/sources_panel.py" line="70"/>
        <source>{kind} · {pages} · {answered}/{cited} answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/sources_panel.py" line="106"/>
        <source>Rename source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/sources_panel.py" line="106"/>
        <source>Party or author:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/sources_panel.py" line="119"/>
        <source>Remove “{label}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusController</name>
    <message>
        <location filename="../../app/gui/status.py" line="51"/>
        <source>, p. {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/status.py" line="56"/>
        <source>passage “{quote}”{page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/status.py" line="60"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/gui/welcome.py" line="38"/>
        <source>Rejoinder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome.py" line="52"/>
        <source>Cite the passages of other parties&apos; submissions you want to answer, write your comments, and export your contribution as a Word document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome.py" line="59"/>
        <source>&amp;New project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome.py" line="60"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome.py" line="61"/>
        <source>Open &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome.py" line="66"/>
        <source>Recent projects:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/welcome.py" line="85"/>
        <source>No recent projects yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../app/gui/workspace.py" line="115"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="117"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="119"/>
        <source>&amp;Cite selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="120"/>
        <source>&amp;Find in source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="121"/>
        <source>&amp;Search the project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="122"/>
        <source>&amp;Preflight check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="137"/>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="201"/>
        <source>Select some text of the source to cite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/workspace.py" line="213"/>
        <source>Import documents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
