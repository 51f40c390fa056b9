<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>BlocksPanel</name>
    <message numerus="yes">
      <source>Citations: %n passage(s)</source>
      <translation>
        <numerusform>Citations: %n passage</numerusform>
        <numerusform>Citations: %n passages</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message numerus="yes">
      <source>The {name} was sent on {when} UTC; %n change(s) since.</source>
      <translation>
        <numerusform>The {name} was sent on {when} UTC; %n change since.</numerusform>
        <numerusform>The {name} was sent on {when} UTC; %n changes since.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>merge_ui</name>
    <message numerus="yes">
      <source>%n added</source>
      <translation>
        <numerusform>%n added</numerusform>
        <numerusform>%n added</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n changed</source>
      <translation>
        <numerusform>%n changed</numerusform>
        <numerusform>%n changed</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n conflict(s)</source>
      <translation>
        <numerusform>%n conflict</numerusform>
        <numerusform>%n conflicts</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>NotesPanel</name>
    <message numerus="yes">
      <source>%n proposed text(s) from the Word review</source>
      <translation>
        <numerusform>%n proposed text from the Word review</numerusform>
        <numerusform>%n proposed texts from the Word review</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PassagesPanel</name>
    <message numerus="yes">
      <source>%n note(s) on this passage (Notes panel)</source>
      <translation>
        <numerusform>%n note on this passage (Notes panel)</numerusform>
        <numerusform>%n notes on this passage (Notes panel)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PreflightPanel</name>
    <message numerus="yes">
      <source>%n problem(s) to fix before sending.</source>
      <translation>
        <numerusform>%n problem to fix before sending.</numerusform>
        <numerusform>%n problems to fix before sending.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SearchPanel</name>
    <message numerus="yes">
      <source>%n result(s)</source>
      <translation>
        <numerusform>%n result</numerusform>
        <numerusform>%n results</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ChangesDialog</name>
    <message numerus="yes">
      <source>%n change(s) since:</source>
      <translation>
        <numerusform>%n change since:</numerusform>
        <numerusform>%n changes since:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SimilarPanel</name>
    <message numerus="yes">
      <source>%n similar passage(s) in other sources, best first.</source>
      <translation>
        <numerusform>%n similar passage in other sources.</numerusform>
        <numerusform>%n similar passages in other sources, best first.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SourcesPanel</name>
    <message numerus="yes">
      <source>%n page(s)</source>
      <translation>
        <numerusform>%n page</numerusform>
        <numerusform>%n pages</numerusform>
      </translation>
    </message>
  </context>
</TS>
