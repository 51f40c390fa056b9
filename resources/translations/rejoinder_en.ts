<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
</TS>
