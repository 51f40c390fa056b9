<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>BlocksPanel</name>
    <message>
      <source>+ Paragraph</source>
      <translation>+ Párrafo</translation>
    </message>
    <message>
      <source>+ List</source>
      <translation>+ Lista</translation>
    </message>
    <message>
      <source>+ Citations</source>
      <translation>+ Citas</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Eliminar</translation>
    </message>
    <message>
      <source>Move the block up</source>
      <translation>Subir el bloque</translation>
    </message>
    <message>
      <source>Move the block down</source>
      <translation>Bajar el bloque</translation>
    </message>
    <message>
      <source>Text (a list: one item per line):</source>
      <translation>Texto (una lista: un elemento por línea):</translation>
    </message>
    <message>
      <source>Lead-in before the quotes (empty: the phrasebook's):</source>
      <translation>Frase introductoria antes de las citas (vacía: la del repertorio de frases):</translation>
    </message>
    <message>
      <source>Lead-in before our comments:</source>
      <translation>Frase introductoria antes de nuestras observaciones:</translation>
    </message>
    <message>
      <source>Numbered 1) 2) 3)</source>
      <translation>Numerada 1) 2) 3)</translation>
    </message>
    <message>
      <source>Save block</source>
      <translation>Guardar el bloque</translation>
    </message>
    <message>
      <source>New paragraph.</source>
      <translation>Nuevo párrafo.</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Elemento</translation>
    </message>
    <message>
      <source>Paragraph: {text}</source>
      <translation>Párrafo: {text}</translation>
    </message>
    <message>
      <source>List of {n}: {text}</source>
      <translation>Lista de {n}: {text}</translation>
    </message>
    <message>
      <source>Cross-reference to “{name}”</source>
      <translation>Remisión a «{name}»</translation>
    </message>
    <message numerus="yes">
      <source>Citations: %n passage(s)</source>
      <translation>
        <numerusform>Citas: %n pasaje</numerusform>
        <numerusform>Citas: %n pasajes</numerusform>
      </translation>
    </message>
    <message>
      <source>Blocks of “{name}”</source>
      <translation>Bloques de «{name}»</translation>
    </message>
    <message>
      <source>Choose a section in the Outline.</source>
      <translation>Elija una sección en el Esquema.</translation>
    </message>
  </context>
  <context>
    <name>Collaboration</name>
    <message>
      <source>Notes</source>
      <translation>Notas</translation>
    </message>
    <message>
      <source>Blocks</source>
      <translation>Bloques</translation>
    </message>
    <message>
      <source>&amp;Merge a colleague's copy…</source>
      <translation>&amp;Combinar la copia de un colega…</translation>
    </message>
    <message>
      <source>Import &amp;Word review…</source>
      <translation>Importar la revisión de &amp;Word…</translation>
    </message>
    <message>
      <source>Export re&amp;view copy…</source>
      <translation>Exportar una copia de re&amp;visión…</translation>
    </message>
    <message>
      <source>Undo &amp;merge</source>
      <translation>Deshacer la &amp;combinación</translation>
    </message>
    <message>
      <source>&amp;Conflicts…</source>
      <translation>&amp;Conflictos…</translation>
    </message>
    <message>
      <source>&amp;Proposals from the Word review…</source>
      <translation>&amp;Propuestas de la revisión de Word…</translation>
    </message>
    <message>
      <source>There are no conflicts to decide.</source>
      <translation>No hay conflictos que resolver.</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>Advertencia</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Descartar</translation>
    </message>
  </context>
  <context>
    <name>commands</name>
    <message>
      <source>Cite passage</source>
      <translation>Citar el pasaje</translation>
    </message>
    <message>
      <source>Delete passage</source>
      <translation>Eliminar el pasaje</translation>
    </message>
    <message>
      <source>Reorder passages</source>
      <translation>Reordenar los pasajes</translation>
    </message>
    <message>
      <source>Edit printed quote</source>
      <translation>Modificar la cita impresa</translation>
    </message>
    <message>
      <source>Edit response</source>
      <translation>Modificar la respuesta</translation>
    </message>
    <message>
      <source>Same answer as</source>
      <translation>Misma respuesta que</translation>
    </message>
    <message>
      <source>Rename source</source>
      <translation>Cambiar el nombre de la fuente</translation>
    </message>
    <message>
      <source>Reorder sources</source>
      <translation>Reordenar las fuentes</translation>
    </message>
    <message>
      <source>Remove source</source>
      <translation>Quitar la fuente</translation>
    </message>
    <message>
      <source>Add section</source>
      <translation>Añadir una sección</translation>
    </message>
  </context>
  <context>
    <name>review_commands</name>
    <message>
      <source>Restore earlier text</source>
      <translation>Restaurar un texto anterior</translation>
    </message>
    <message>
      <source>Reply to note</source>
      <translation>Responder a la nota</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>Añadir una nota</translation>
    </message>
    <message>
      <source>Edit note</source>
      <translation>Modificar la nota</translation>
    </message>
    <message>
      <source>Delete note</source>
      <translation>Eliminar la nota</translation>
    </message>
    <message>
      <source>Change status</source>
      <translation>Cambiar el estado</translation>
    </message>
    <message>
      <source>Accept proposal</source>
      <translation>Aceptar la propuesta</translation>
    </message>
    <message>
      <source>Decline proposal</source>
      <translation>Rechazar la propuesta</translation>
    </message>
    <message>
      <source>Move passage to section</source>
      <translation>Mover el pasaje a una sección</translation>
    </message>
    <message>
      <source>Add paragraph</source>
      <translation>Añadir un párrafo</translation>
    </message>
    <message>
      <source>Add list</source>
      <translation>Añadir una lista</translation>
    </message>
    <message>
      <source>Add citations block</source>
      <translation>Añadir un bloque de citas</translation>
    </message>
    <message>
      <source>Add block</source>
      <translation>Añadir un bloque</translation>
    </message>
    <message>
      <source>Delete block</source>
      <translation>Eliminar el bloque</translation>
    </message>
    <message>
      <source>Move block</source>
      <translation>Mover el bloque</translation>
    </message>
    <message>
      <source>Edit block</source>
      <translation>Modificar el bloque</translation>
    </message>
  </context>
  <context>
    <name>deadline</name>
    <message>
      <source>Set deadline</source>
      <translation>Fijar el plazo</translation>
    </message>
    <message>
      <source>Clear deadline</source>
      <translation>Quitar el plazo</translation>
    </message>
  </context>
  <context>
    <name>DeadlineController</name>
    <message>
      <source>Deadline passed {left} ago</source>
      <translation>Plazo vencido hace {left}</translation>
    </message>
    <message>
      <source>Deadline in {left}</source>
      <translation>El plazo vence en {left}</translation>
    </message>
    <message>
      <source>Submission deadline: {when}</source>
      <translation>Plazo de presentación: {when}</translation>
    </message>
    <message>
      <source>The submission deadline passed {left} ago.</source>
      <translation>El plazo de presentación venció hace {left}.</translation>
    </message>
    <message>
      <source>Only {left} left before the submission deadline.</source>
      <translation>Solo quedan {left} antes del plazo de presentación.</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Plazo</translation>
    </message>
  </context>
  <context>
    <name>ConflictsDialog</name>
    <message>
      <source>Conflicts from the merge</source>
      <translation>Conflictos de la combinación</translation>
    </message>
    <message>
      <source>You and your colleague both changed these since your copies parted. The later change is kept until you decide; the other version is marked against it: {legend}</source>
      <translation>Usted y su colega han cambiado estos elementos desde que sus copias se separaron. Se conserva el cambio más reciente hasta que usted decida; la otra versión se marca respecto de él: {legend}</translation>
    </message>
    <message>
      <source>Or write the text to keep:</source>
      <translation>O escriba el texto que se conservará:</translation>
    </message>
    <message>
      <source>&amp;Keep this version</source>
      <translation>&amp;Conservar esta versión</translation>
    </message>
    <message>
      <source>Take the &amp;other version</source>
      <translation>Tomar la &amp;otra versión</translation>
    </message>
    <message>
      <source>Keep the &amp;edited text</source>
      <translation>Conservar el texto &amp;editado</translation>
    </message>
    <message>
      <source>No conflicts left.</source>
      <translation>No quedan conflictos.</translation>
    </message>
    <message>
      <source>Kept for now — {who}, {when}</source>
      <translation>Conservada por ahora — {who}, {when}</translation>
    </message>
    <message>
      <source>Other version — {who}, {when}</source>
      <translation>Otra versión — {who}, {when}</translation>
    </message>
  </context>
  <context>
    <name>ConnectDialog</name>
    <message>
      <source>Connect to team server</source>
      <translation>Conectarse al servidor del equipo</translation>
    </message>
    <message>
      <source>Your coordinator gives you the server, the project's database and your login. Everyone works on the same project at once.</source>
      <translation>Su coordinador le da el servidor, la base de datos del proyecto y su usuario. Todos trabajan a la vez en el mismo proyecto.</translation>
    </message>
    <message>
      <source>server.example.org</source>
      <translation>servidor.ejemplo.org</translation>
    </message>
    <message>
      <source>wgec2</source>
      <translation>wgec2</translation>
    </message>
    <message>
      <source>leave empty if it is saved already</source>
      <translation>dejar vacío si ya está guardada</translation>
    </message>
    <message>
      <source>&amp;Remember the password in the system's keyring</source>
      <translation>&amp;Recordar la contraseña en el llavero del sistema</translation>
    </message>
    <message>
      <source>&amp;Server:</source>
      <translation>&amp;Servidor:</translation>
    </message>
    <message>
      <source>&amp;Port:</source>
      <translation>&amp;Puerto:</translation>
    </message>
    <message>
      <source>Project &amp;database:</source>
      <translation>Base de &amp;datos del proyecto:</translation>
    </message>
    <message>
      <source>&amp;Login:</source>
      <translation>&amp;Usuario:</translation>
    </message>
    <message>
      <source>Pass&amp;word:</source>
      <translation>Contra&amp;seña:</translation>
    </message>
    <message>
      <source>&amp;Connect</source>
      <translation>&amp;Conectar</translation>
    </message>
  </context>
  <context>
    <name>DeadlineDialog</name>
    <message>
      <source>Submission deadline</source>
      <translation>Plazo de presentación</translation>
    </message>
    <message>
      <source>When must the contribution reach the secretariat? The window shows the time left and warns a day and an hour before.</source>
      <translation>¿Cuándo debe llegar la contribución a la secretaría? La ventana muestra el tiempo que queda y avisa un día y una hora antes.</translation>
    </message>
    <message>
      <source>&amp;There is a deadline</source>
      <translation>&amp;Hay un plazo</translation>
    </message>
    <message>
      <source>In this computer's time zone.</source>
      <translation>En la zona horaria de este ordenador.</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export contribution</source>
      <translation>Exportar la contribución</translation>
    </message>
    <message>
      <source>Grouped: quotes, then comments</source>
      <translation>Agrupada: citas y luego observaciones</translation>
    </message>
    <message>
      <source>Interleaved: quote, comment, quote…</source>
      <translation>Intercalada: cita, observación, cita…</translation>
    </message>
    <message>
      <source>Table: one row per passage</source>
      <translation>Tabla: una fila por pasaje</translation>
    </message>
    <message>
      <source>&amp;Layout:</source>
      <translation>&amp;Presentación:</translation>
    </message>
    <message>
      <source>Default template</source>
      <translation>Plantilla predeterminada</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Examinar…</translation>
    </message>
    <message>
      <source>&amp;Template:</source>
      <translation>&amp;Plantilla:</translation>
    </message>
    <message>
      <source>Include responses still in draft</source>
      <translation>Incluir las respuestas aún en borrador</translation>
    </message>
    <message>
      <source>Review copy (statuses and notes as Word comments)</source>
      <translation>Copia de revisión (estados y notas como comentarios de Word)</translation>
    </message>
    <message>
      <source>Final version: record it as sent (time, sha256, responses)</source>
      <translation>Versión final: registrarla como enviada (hora, sha256, respuestas)</translation>
    </message>
    <message numerus="yes">
      <source>The {name} was sent on {when} UTC; %n change(s) since.</source>
      <translation>
        <numerusform>La versión {name} se envió el {when} UTC; %n cambio desde entonces.</numerusform>
        <numerusform>La versión {name} se envió el {when} UTC; %n cambios desde entonces.</numerusform>
      </translation>
    </message>
    <message>
      <source>Revised document (Rev.{n}) with the list of changes</source>
      <translation>Documento revisado (Rev.{n}) con la lista de cambios</translation>
    </message>
    <message>
      <source>&amp;Save as:</source>
      <translation>&amp;Guardar como:</translation>
    </message>
    <message>
      <source>Checking the contribution…</source>
      <translation>Comprobando la contribución…</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Exportar</translation>
    </message>
    <message>
      <source>Preflight found no problems.</source>
      <translation>La verificación no encontró ningún problema.</translation>
    </message>
    <message>
      <source>Preflight found these problems (click one to go to it):</source>
      <translation>La verificación encontró estos problemas (haga clic en uno para ir a él):</translation>
    </message>
    <message>
      <source>Every passage and section will print.</source>
      <translation>Se imprimirán todos los pasajes y secciones.</translation>
    </message>
    <message>
      <source>1 passage is left out: its response is still a draft.</source>
      <translation>Se omite 1 pasaje: su respuesta sigue siendo un borrador.</translation>
    </message>
    <message>
      <source>{n} passages are left out: their responses are still drafts.</source>
      <translation>Se omiten {n} pasajes: sus respuestas siguen siendo borradores.</translation>
    </message>
    <message>
      <source>1 passage is left out: it has no response.</source>
      <translation>Se omite 1 pasaje: no tiene respuesta.</translation>
    </message>
    <message>
      <source>{n} passages are left out: they have no response.</source>
      <translation>Se omiten {n} pasajes: no tienen respuesta.</translation>
    </message>
    <message>
      <source>1 passage is left out: it is in no section.</source>
      <translation>Se omite 1 pasaje: no está en ninguna sección.</translation>
    </message>
    <message>
      <source>{n} passages are left out: they are in no section.</source>
      <translation>Se omiten {n} pasajes: no están en ninguna sección.</translation>
    </message>
    <message>
      <source>“{heading}” is left out: it has nothing to print.</source>
      <translation>Se omite «{heading}»: no tiene nada que imprimir.</translation>
    </message>
    <message>
      <source>Word template</source>
      <translation>Plantilla de Word</translation>
    </message>
    <message>
      <source>Word documents (*.docx *.dotx)</source>
      <translation>Documentos de Word (*.docx *.dotx)</translation>
    </message>
    <message>
      <source>Export as</source>
      <translation>Exportar como</translation>
    </message>
    <message>
      <source>Word documents (*.docx)</source>
      <translation>Documentos de Word (*.docx)</translation>
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message>
      <source>History of the response</source>
      <translation>Historial de la respuesta</translation>
    </message>
    <message>
      <source>Choose an earlier text to see how the current text differs from it: {legend}</source>
      <translation>Elija un texto anterior para ver en qué difiere el texto actual: {legend}</translation>
    </message>
    <message>
      <source>&amp;Restore this version</source>
      <translation>&amp;Restaurar esta versión</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>desconocido</translation>
    </message>
    <message>
      <source>Current text — {who}, {when}</source>
      <translation>Texto actual — {who}, {when}</translation>
    </message>
    <message>
      <source>{who}, {when}</source>
      <translation>{who}, {when}</translation>
    </message>
  </context>
  <context>
    <name>IdentityForm</name>
    <message>
      <source>Maria Gomez</source>
      <translation>María Gómez</translation>
    </message>
    <message>
      <source>Our delegation or organisation</source>
      <translation>Nuestra delegación u organización</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Nombre:</translation>
    </message>
    <message>
      <source>&amp;Initials:</source>
      <translation>&amp;Iniciales:</translation>
    </message>
    <message>
      <source>&amp;Organisation:</source>
      <translation>&amp;Organización:</translation>
    </message>
  </context>
  <context>
    <name>IdentityDialog</name>
    <message>
      <source>Who are you?</source>
      <translation>¿Quién es usted?</translation>
    </message>
    <message>
      <source>Your name is shown to your colleagues on every note, status change and text you write. You can change it later in File › Settings….</source>
      <translation>Su nombre se muestra a sus colegas en cada nota, cambio de estado y texto que escriba. Podrá cambiarlo más adelante en Archivo › Configuración….</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>Configuración</translation>
    </message>
    <message>
      <source>The built-in template</source>
      <translation>La plantilla incorporada</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Examinar…</translation>
    </message>
    <message>
      <source>Default Word &amp;template:</source>
      <translation>&amp;Plantilla de Word predeterminada:</translation>
    </message>
    <message>
      <source>&amp;Language of new projects:</source>
      <translation>&amp;Idioma de los nuevos proyectos:</translation>
    </message>
    <message>
      <source>As the system (when it is one of these)</source>
      <translation>Como el sistema (si es uno de estos)</translation>
    </message>
    <message>
      <source>Takes effect the next time Rejoinder starts</source>
      <translation>Se aplica la próxima vez que se inicie Rejoinder</translation>
    </message>
    <message>
      <source>&amp;Interface language:</source>
      <translation>Idioma de la &amp;interfaz:</translation>
    </message>
    <message>
      <source>One sentence per line, e.g. “We refer to our earlier contribution.”</source>
      <translation>Una frase por línea, p. ej. «Nos remitimos a nuestra contribución anterior.»</translation>
    </message>
    <message>
      <source>My &amp;standard sentences
(in the Phrasebook menu):</source>
      <translation>Mis &amp;frases tipo
(en el menú Frases tipo):</translation>
    </message>
    <message>
      <source>Word template</source>
      <translation>Plantilla de Word</translation>
    </message>
  </context>
  <context>
    <name>ImportLabelsDialog</name>
    <message>
      <source>Import documents</source>
      <translation>Importar documentos</translation>
    </message>
    <message>
      <source>Contribution from {party}</source>
      <translation>Contribución de {party}</translation>
    </message>
    <message>
      <source>Check who each document comes from: the label names its section of our contribution. A document we only quote is a reference.</source>
      <translation>Compruebe de quién procede cada documento: la etiqueta da nombre a su sección de nuestra contribución. Un documento que solo citamos es una referencia.</translation>
    </message>
    <message>
      <source>Party or author, e.g. European Union</source>
      <translation>Parte o autor, p. ej. Unión Europea</translation>
    </message>
    <message>
      <source>Label of {name}</source>
      <translation>Etiqueta de {name}</translation>
    </message>
    <message>
      <source>Submission (to answer)</source>
      <translation>Contribución (a la que responder)</translation>
    </message>
    <message>
      <source>Reference (to quote)</source>
      <translation>Referencia (para citar)</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Importar</translation>
    </message>
    <message>
      <source>A label is needed: who wrote this document?</source>
      <translation>Se necesita una etiqueta: ¿quién escribió este documento?</translation>
    </message>
    <message>
      <source>Quoted as “{label}”; no section of its own.</source>
      <translation>Citado como «{label}»; sin sección propia.</translation>
    </message>
    <message>
      <source>Heading: {heading}</source>
      <translation>Título: {heading}</translation>
    </message>
  </context>
  <context>
    <name>NewProjectDialog</name>
    <message>
      <source>Project properties</source>
      <translation>Propiedades del proyecto</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>Nuevo proyecto</translation>
    </message>
    <message>
      <source>Comments on contributions to WGEC-2</source>
      <translation>Observaciones sobre las contribuciones al WGEC-2</translation>
    </message>
    <message>
      <source>Our delegation or organisation</source>
      <translation>Nuestra delegación u organización</translation>
    </message>
    <message>
      <source>&amp;Title:</source>
      <translation>&amp;Título:</translation>
    </message>
    <message>
      <source>&amp;Organisation:</source>
      <translation>&amp;Organización:</translation>
    </message>
    <message>
      <source>&amp;Meeting:</source>
      <translation>&amp;Reunión:</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Fecha:</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Idioma:</translation>
    </message>
  </context>
  <context>
    <name>PlacementsDialog</name>
    <message>
      <source>Passages to check in the new version</source>
      <translation>Pasajes que comprobar en la nueva versión</translation>
    </message>
    <message>
      <source>These passages were placed by an approximate match, or not found, in the new version. Compare the words you cited with the words found now.</source>
      <translation>Estos pasajes se colocaron por coincidencia aproximada, o no se encontraron, en la nueva versión. Compare las palabras que citó con las encontradas ahora.</translation>
    </message>
    <message>
      <source>Cited in the earlier version</source>
      <translation>Citado en la versión anterior</translation>
    </message>
    <message>
      <source>Found in the new version</source>
      <translation>Encontrado en la nueva versión</translation>
    </message>
    <message>
      <source>&amp;Confirm placement</source>
      <translation>&amp;Confirmar la ubicación</translation>
    </message>
    <message>
      <source>&amp;Re-attach by hand…</source>
      <translation>&amp;Vincular a mano…</translation>
    </message>
    <message>
      <source>Keep as &amp;orphan</source>
      <translation>Conservar como &amp;huérfano</translation>
    </message>
    <message>
      <source>&amp;Update printed quote</source>
      <translation>&amp;Actualizar la cita impresa</translation>
    </message>
    <message>
      <source>✓ confirmed</source>
      <translation>✓ confirmado</translation>
    </message>
    <message>
      <source>? fuzzy {score}</source>
      <translation>? aproximado {score}</translation>
    </message>
    <message>
      <source>✗ orphan</source>
      <translation>✗ huérfano</translation>
    </message>
    <message>
      <source>Nothing waits for a decision.</source>
      <translation>Nada espera una decisión.</translation>
    </message>
    <message>
      <source>Found in the new version ({version})</source>
      <translation>Encontrado en la nueva versión ({version})</translation>
    </message>
    <message>
      <source>Not placed: nothing in the new version matches these words and their context with confidence.</source>
      <translation>Sin ubicar: nada en la nueva versión coincide con certeza con estas palabras y su contexto.</translation>
    </message>
    <message>
      <source>Kept as an orphan: it is listed for review and never deleted.</source>
      <translation>Conservado como huérfano: queda en la lista para revisión y nunca se elimina.</translation>
    </message>
    <message>
      <source>Not placed with confidence in the new version. Re-attach it by hand, or keep it as an orphan.</source>
      <translation>Sin ubicar con certeza en la nueva versión. Vuelva a vincularlo a mano o consérvelo como huérfano.</translation>
    </message>
    <message>
      <source>Placement confirmed. The printed quote still has the earlier wording: “Update printed quote” takes the new one.</source>
      <translation>Ubicación confirmada. La cita impresa conserva la redacción anterior: «Actualizar la cita impresa» toma la nueva.</translation>
    </message>
    <message>
      <source>Placement confirmed; the printed quote has the new wording.</source>
      <translation>Ubicación confirmada; la cita impresa tiene la nueva redacción.</translation>
    </message>
    <message>
      <source>Placed by an approximate match (score {score} of 100). Confirm it only if the words on the right are the passage you cited.</source>
      <translation>Colocado por coincidencia aproximada (puntuación {score} de 100). Confírmelo solo si las palabras de la derecha son el pasaje que citó.</translation>
    </message>
  </context>
  <context>
    <name>ReattachDialog</name>
    <message>
      <source>Re-attach a passage by hand</source>
      <translation>Vincular un pasaje a mano</translation>
    </message>
    <message>
      <source>Select the words of the new version that stand for: “{words}”</source>
      <translation>Seleccione las palabras de la nueva versión que corresponden a: «{words}»</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>Rejoinder</source>
      <translation>Rejoinder</translation>
    </message>
  </context>
  <context>
    <name>CrashDialog</name>
    <message>
      <source>Rejoinder ran into a problem</source>
      <translation>Rejoinder ha encontrado un problema</translation>
    </message>
    <message>
      <source>Something went wrong that Rejoinder did not expect. Your project is safe: every change was saved when you made it. Please send this report to support.</source>
      <translation>Se ha producido un error imprevisto. Su proyecto está a salvo: cada cambio se guardó en el momento en que lo hizo. Envíe este informe al servicio de asistencia.</translation>
    </message>
    <message>
      <source>The report was also saved as {path}.</source>
      <translation>El informe también se guardó como {path}.</translation>
    </message>
    <message>
      <source>Copy report</source>
      <translation>Copiar el informe</translation>
    </message>
  </context>
  <context>
    <name>exporting</name>
    <message>
      <source>Writing the Word document…</source>
      <translation>Escribiendo el documento de Word…</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Exportar</translation>
    </message>
    <message>
      <source>The contribution was saved as {path}.</source>
      <translation>La contribución se guardó como {path}.</translation>
    </message>
    <message>
      <source>It is recorded as sent ({name}, sha256 {sha}…).</source>
      <translation>Queda registrada como enviada ({name}, sha256 {sha}…).</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>Abrir la carpeta</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <source>Bold</source>
      <translation>Negrita</translation>
    </message>
    <message>
      <source>Italic</source>
      <translation>Cursiva</translation>
    </message>
    <message>
      <source>Underline</source>
      <translation>Subrayado</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>Enlace</translation>
    </message>
    <message>
      <source>Footnote (or edit the footnote at the caret)</source>
      <translation>Nota al pie (o modificar la del cursor)</translation>
    </message>
    <message>
      <source>Phrasebook</source>
      <translation>Frases tipo</translation>
    </message>
    <message>
      <source>Apply the printed quote</source>
      <translation>Aplicar la cita impresa</translation>
    </message>
    <message>
      <source>Extend the selection in the reader</source>
      <translation>Ampliar la selección en el lector</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Atajos de teclado</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Acción</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Teclas</translation>
    </message>
    <message>
      <source>User guide</source>
      <translation>Guía del usuario</translation>
    </message>
    <message>
      <source>&lt;h3&gt;Rejoinder {version}&lt;/h3&gt;&lt;p&gt;Draft a delegation's comments on the other parties' submissions and export them as one Word document.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Logs: {logs}&lt;br&gt;Backups (made before every merge and upgrade): {backups}&lt;br&gt;Settings: {settings}&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Rejoinder {version}&lt;/h3&gt;&lt;p&gt;Redacte las observaciones de una delegación sobre las contribuciones de las demás partes y expórtelas en un único documento de Word.&lt;/p&gt;&lt;p&gt;Software libre bajo la Licencia Pública General de GNU, versión 3 o posterior.&lt;/p&gt;&lt;p&gt;Registros: {logs}&lt;br&gt;Copias de seguridad (hechas antes de cada combinación y actualización): {backups}&lt;br&gt;Configuración: {settings}&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>A&amp;yuda</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
      <source>&amp;User guide</source>
      <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
      <source>&amp;About Rejoinder</source>
      <translation>&amp;Acerca de Rejoinder</translation>
    </message>
    <message>
      <source>About Rejoinder</source>
      <translation>Acerca de Rejoinder</translation>
    </message>
  </context>
  <context>
    <name>importing</name>
    <message>
      <source>Reading the documents…</source>
      <translation>Leyendo los documentos…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <source>Import documents</source>
      <translation>Importar documentos</translation>
    </message>
    <message>
      <source>Some documents were not imported:</source>
      <translation>Algunos documentos no se importaron:</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Rejoinder</source>
      <translation>Rejoinder</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Archivo</translation>
    </message>
    <message>
      <source>&amp;New project…</source>
      <translation>&amp;Nuevo proyecto…</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;Abrir…</translation>
    </message>
    <message>
      <source>Connect to &amp;team server…</source>
      <translation>Conectarse al servidor del &amp;equipo…</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
      <source>Open &amp;demo</source>
      <translation>Abrir la &amp;demostración</translation>
    </message>
    <message>
      <source>&amp;Import documents…</source>
      <translation>&amp;Importar documentos…</translation>
    </message>
    <message>
      <source>&amp;Export contribution…</source>
      <translation>&amp;Exportar la contribución…</translation>
    </message>
    <message>
      <source>Project &amp;properties…</source>
      <translation>&amp;Propiedades del proyecto…</translation>
    </message>
    <message>
      <source>&amp;Close project</source>
      <translation>&amp;Cerrar el proyecto</translation>
    </message>
    <message>
      <source>Se&amp;ttings…</source>
      <translation>Con&amp;figuración…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Salir</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Edición</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Ver</translation>
    </message>
    <message>
      <source>Save the new project as</source>
      <translation>Guardar el nuevo proyecto como</translation>
    </message>
    <message>
      <source>Open a project</source>
      <translation>Abrir un proyecto</translation>
    </message>
    <message>
      <source>{title} — Rejoinder</source>
      <translation>{title} — Rejoinder</translation>
    </message>
    <message>
      <source>Edit project properties</source>
      <translation>Modificar las propiedades del proyecto</translation>
    </message>
  </context>
  <context>
    <name>merge_ui</name>
    <message>
      <source>Merge a colleague's copy of this project</source>
      <translation>Combinar la copia de este proyecto de un colega</translation>
    </message>
    <message>
      <source>Merging “{name}”…</source>
      <translation>Combinando «{name}»…</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>Combinar</translation>
    </message>
    <message>
      <source>Merged: {added}, {changed}, {conflicts}.</source>
      <translation>Combinación hecha: {added}, {changed}, {conflicts}.</translation>
    </message>
    <message numerus="yes">
      <source>%n added</source>
      <translation>
        <numerusform>%n añadido</numerusform>
        <numerusform>%n añadidos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n changed</source>
      <translation>
        <numerusform>%n modificado</numerusform>
        <numerusform>%n modificados</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n conflict(s)</source>
      <translation>
        <numerusform>%n conflicto</numerusform>
        <numerusform>%n conflictos</numerusform>
      </translation>
    </message>
    <message>
      <source>Both of you changed the same things: choose in Edit › Conflicts…</source>
      <translation>Ambos cambiaron los mismos elementos: elija en Edición › Conflictos…</translation>
    </message>
    <message>
      <source>A backup of the project before the merge: {path}</source>
      <translation>Una copia de seguridad del proyecto antes de la combinación: {path}</translation>
    </message>
    <message>
      <source>Undo the merge? The project goes back to how it was before the merge; conflicts you resolved since are undone too.</source>
      <translation>¿Deshacer la combinación? El proyecto vuelve a su estado anterior a la combinación; los conflictos resueltos desde entonces también se deshacen.</translation>
    </message>
    <message>
      <source>The merge was undone.</source>
      <translation>Se deshizo la combinación.</translation>
    </message>
  </context>
  <context>
    <name>NotesPanel</name>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Autor</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Cuándo</translation>
    </message>
    <message>
      <source>Review proposals…</source>
      <translation>Examinar las propuestas…</translation>
    </message>
    <message>
      <source>Notes &amp;on:</source>
      <translation>Notas &amp;sobre:</translation>
    </message>
    <message>
      <source>the passage</source>
      <translation>el pasaje</translation>
    </message>
    <message>
      <source>our response</source>
      <translation>nuestra respuesta</translation>
    </message>
    <message>
      <source>Write a note for the delegation…</source>
      <translation>Escriba una nota para la delegación…</translation>
    </message>
    <message>
      <source>&amp;Add note</source>
      <translation>&amp;Añadir una nota</translation>
    </message>
    <message>
      <source>&amp;Reply</source>
      <translation>&amp;Responder</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Edición</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Eliminar</translation>
    </message>
    <message>
      <source>(deleted)</source>
      <translation>(eliminada)</translation>
    </message>
    <message>
      <source>No response yet.</source>
      <translation>Todavía no hay respuesta.</translation>
    </message>
    <message>
      <source>Status: {status} since {when}, by {who}.</source>
      <translation>Estado: {status} desde {when}, por {who}.</translation>
    </message>
    <message numerus="yes">
      <source>%n proposed text(s) from the Word review</source>
      <translation>
        <numerusform>%n texto propuesto en la revisión de Word</numerusform>
        <numerusform>%n textos propuestos en la revisión de Word</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>opening</name>
    <message>
      <source>Opening “{name}”…</source>
      <translation>Abriendo «{name}»…</translation>
    </message>
    <message>
      <source>Open a project</source>
      <translation>Abrir un proyecto</translation>
    </message>
  </context>
  <context>
    <name>OutlinePanel</name>
    <message>
      <source>Add topic…</source>
      <translation>Añadir un tema…</translation>
    </message>
    <message>
      <source>Cross-reference…</source>
      <translation>Remisión…</translation>
    </message>
    <message>
      <source>Move the section up</source>
      <translation>Subir la sección</translation>
    </message>
    <message>
      <source>Move the section down</source>
      <translation>Bajar la sección</translation>
    </message>
    <message>
      <source>Opening (e.g. “We support this paper.”):</source>
      <translation>Apertura (p. ej. «Apoyamos este documento.»):</translation>
    </message>
    <message>
      <source>Closing remarks:</source>
      <translation>Observaciones finales:</translation>
    </message>
    <message>
      <source>Shared answers print as a cross-reference</source>
      <translation>Las respuestas compartidas se imprimen como una remisión</translation>
    </message>
    <message>
      <source>A passage sharing another's answer (Same answer as…) prints in this section with the phrasebook's cross-reference to where that answer is printed first, instead of the answer's text.</source>
      <translation>Un pasaje que comparte la respuesta de otro (Misma respuesta que…) se imprime en esta sección con la remisión del formulario al lugar donde esa respuesta se imprime primero, en lugar del texto de la respuesta.</translation>
    </message>
    <message>
      <source>Edit opening</source>
      <translation>Modificar la apertura</translation>
    </message>
    <message>
      <source>Print shared answers as cross-references</source>
      <translation>Imprimir las respuestas compartidas como remisiones</translation>
    </message>
    <message>
      <source>Print shared answers in full</source>
      <translation>Imprimir las respuestas compartidas completas</translation>
    </message>
    <message>
      <source>Add topic section</source>
      <translation>Añadir una sección temática</translation>
    </message>
    <message>
      <source>Heading:</source>
      <translation>Título:</translation>
    </message>
    <message>
      <source>Cross-reference</source>
      <translation>Remisión</translation>
    </message>
    <message>
      <source>Refer to the section:</source>
      <translation>Remitir a la sección:</translation>
    </message>
    <message>
      <source>Add cross-reference</source>
      <translation>Añadir una remisión</translation>
    </message>
    <message>
      <source>Move section</source>
      <translation>Mover la sección</translation>
    </message>
  </context>
  <context>
    <name>PassageFilter</name>
    <message>
      <source>A&amp;uthor:</source>
      <translation>A&amp;utor:</translation>
    </message>
    <message>
      <source>S&amp;tatus:</source>
      <translation>Es&amp;tado:</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Todos</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>Borrador</translation>
    </message>
    <message>
      <source>Proposed</source>
      <translation>Propuesto</translation>
    </message>
    <message>
      <source>Agreed</source>
      <translation>Aprobado</translation>
    </message>
    <message>
      <source>Sho&amp;w:</source>
      <translation>Mo&amp;strar:</translation>
    </message>
    <message>
      <source>All passages</source>
      <translation>Todos los pasajes</translation>
    </message>
    <message>
      <source>Answered, no position</source>
      <translation>Respondidos, sin posición</translation>
    </message>
    <message>
      <source>Changed since sent</source>
      <translation>Cambiados desde el envío</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>Todos</translation>
    </message>
  </context>
  <context>
    <name>PassagesPanel</name>
    <message>
      <source>no response</source>
      <translation>sin respuesta</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>borrador</translation>
    </message>
    <message>
      <source>proposed</source>
      <translation>propuesto</translation>
    </message>
    <message>
      <source>agreed</source>
      <translation>aprobado</translation>
    </message>
    <message>
      <source>The colour of a passage says where its response stands</source>
      <translation>El color de un pasaje indica en qué punto está su respuesta</translation>
    </message>
    <message>
      <source>Printed quote (use … for omissions, [ ] for insertions):</source>
      <translation>Cita impresa (… para omisiones, [ ] para inserciones):</translation>
    </message>
    <message>
      <source>Apply quote</source>
      <translation>Aplicar</translation>
    </message>
    <message>
      <source>Save the printed quote (Ctrl+Return)</source>
      <translation>Guardar la cita impresa (Ctrl+Intro)</translation>
    </message>
    <message>
      <source>&amp;Delete passage</source>
      <translation>&amp;Eliminar el pasaje</translation>
    </message>
    <message>
      <source>Move &amp;up</source>
      <translation>&amp;Subir</translation>
    </message>
    <message>
      <source>Move d&amp;own</source>
      <translation>&amp;Bajar</translation>
    </message>
    <message>
      <source>Move to &amp;section…</source>
      <translation>Mover a una s&amp;ección…</translation>
    </message>
    <message>
      <source>Same &amp;answer as…</source>
      <translation>Misma &amp;respuesta que…</translation>
    </message>
    <message>
      <source>Add &amp;note…</source>
      <translation>Añadir una &amp;nota…</translation>
    </message>
    <message>
      <source>p. {label}</source>
      <translation>pág. {label}</translation>
    </message>
    <message>
      <source>para. {n}</source>
      <translation>párr. {n}</translation>
    </message>
    <message>
      <source>not found in the new version</source>
      <translation>no encontrado en la nueva versión</translation>
    </message>
    <message>
      <source>quote differs from the source</source>
      <translation>la cita difiere de la fuente</translation>
    </message>
    <message>
      <source>✎ {n}</source>
      <translation>✎ {n}</translation>
    </message>
    <message numerus="yes">
      <source>%n note(s) on this passage (Notes panel)</source>
      <translation>
        <numerusform>%n nota sobre este pasaje (panel Notas)</numerusform>
        <numerusform>%n notas sobre este pasaje (panel Notas)</numerusform>
      </translation>
    </message>
    <message>
      <source>• no position</source>
      <translation>• sin posición</translation>
    </message>
    <message>
      <source>↻ changed since sent</source>
      <translation>↻ cambiado desde el envío</translation>
    </message>
    <message>
      <source>Faithful</source>
      <translation>Fiel</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>Añadir una nota</translation>
    </message>
    <message>
      <source>Note for the delegation (never exported):</source>
      <translation>Nota para la delegación (nunca se exporta):</translation>
    </message>
    <message>
      <source>Move to section</source>
      <translation>Mover a una sección</translation>
    </message>
    <message>
      <source>Print the passage in:</source>
      <translation>Imprimir el pasaje en:</translation>
    </message>
    <message>
      <source>Same answer as</source>
      <translation>Misma respuesta que</translation>
    </message>
    <message>
      <source>Answer this passage as:</source>
      <translation>Responder a este pasaje como a:</translation>
    </message>
  </context>
  <context>
    <name>PreflightPanel</name>
    <message>
      <source>Check again</source>
      <translation>Volver a comprobar</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Comprobando…</translation>
    </message>
    <message numerus="yes">
      <source>%n problem(s) to fix before sending.</source>
      <translation>
        <numerusform>%n problema que corregir antes del envío.</numerusform>
        <numerusform>%n problemas que corregir antes del envío.</numerusform>
      </translation>
    </message>
    <message>
      <source>No problems found: ready to export.</source>
      <translation>Ningún problema: listo para exportar.</translation>
    </message>
  </context>
  <context>
    <name>PreviewPanel</name>
    <message>
      <source>Layout:</source>
      <translation>Presentación:</translation>
    </message>
    <message>
      <source>Grouped</source>
      <translation>Agrupada</translation>
    </message>
    <message>
      <source>Interleaved</source>
      <translation>Intercalada</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>Tabla</translation>
    </message>
  </context>
  <context>
    <name>SourceView</name>
    <message>
      <source>Cite selection</source>
      <translation>Citar la selección</translation>
    </message>
    <message>
      <source>page {label}</source>
      <translation>página {label}</translation>
    </message>
    <message>
      <source>p. {label}</source>
      <translation>pág. {label}</translation>
    </message>
  </context>
  <context>
    <name>ReaderPanel</name>
    <message>
      <source>Find in this source</source>
      <translation>Buscar en esta fuente</translation>
    </message>
    <message>
      <source>Close the find bar (Esc)</source>
      <translation>Cerrar la barra de búsqueda (Esc)</translation>
    </message>
  </context>
  <context>
    <name>replaced</name>
    <message>
      <source>Merge the two now? The file on disk is opened and your copy is merged into it; your copy stays where it is.</source>
      <translation>¿Combinar ambos ahora? Se abre el archivo del disco y su copia se combina en él; su copia se queda donde está.</translation>
    </message>
  </context>
  <context>
    <name>ResponseEditor</name>
    <message>
      <source>&amp;History…</source>
      <translation>&amp;Historial…</translation>
    </message>
    <message>
      <source>Earlier texts of this response, and restore one</source>
      <translation>Los textos anteriores de esta respuesta, para restaurar uno</translation>
    </message>
    <message>
      <source>Select a passage, then write our comment here.</source>
      <translation>Seleccione un pasaje y escriba aquí nuestra observación.</translation>
    </message>
    <message>
      <source>&amp;Position:</source>
      <translation>&amp;Posición:</translation>
    </message>
    <message>
      <source>— none —</source>
      <translation>— ninguna —</translation>
    </message>
    <message>
      <source>Agree</source>
      <translation>De acuerdo</translation>
    </message>
    <message>
      <source>Partly agree</source>
      <translation>Parcialmente de acuerdo</translation>
    </message>
    <message>
      <source>Disagree</source>
      <translation>En desacuerdo</translation>
    </message>
    <message>
      <source>Strongly disagree</source>
      <translation>Total desacuerdo</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>No position yet</source>
      <translation>Aún sin posición</translation>
    </message>
    <message>
      <source>This response has no position (agree, disagree, …); check lists it</source>
      <translation>Esta respuesta no tiene posición (de acuerdo, en desacuerdo, …); la verificación la señala</translation>
    </message>
    <message>
      <source>&amp;Status:</source>
      <translation>&amp;Estado:</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>Borrador</translation>
    </message>
    <message>
      <source>Proposed</source>
      <translation>Propuesto</translation>
    </message>
    <message>
      <source>Agreed</source>
      <translation>Aprobado</translation>
    </message>
    <message>
      <source>Proposed change (printed by the table layout):</source>
      <translation>Modificación propuesta (impresa en la presentación en tabla):</translation>
    </message>
    <message>
      <source>Link…</source>
      <translation>Enlace…</translation>
    </message>
    <message>
      <source>Link (Ctrl+K)</source>
      <translation>Enlace (Ctrl+K)</translation>
    </message>
    <message>
      <source>Footnote</source>
      <translation>Nota al pie</translation>
    </message>
    <message>
      <source>Footnote ({keys})</source>
      <translation>Nota al pie ({keys})</translation>
    </message>
    <message>
      <source>Phrasebook</source>
      <translation>Frases tipo</translation>
    </message>
    <message>
      <source>Standard sentences (Ctrl+Shift+P)</source>
      <translation>Frases tipo (Ctrl+Mayús+P)</translation>
    </message>
    <message>
      <source>No passage selected.</source>
      <translation>Ningún pasaje seleccionado.</translation>
    </message>
    <message>
      <source>Response to “{quote}”</source>
      <translation>Respuesta a «{quote}»</translation>
    </message>
    <message>
      <source>Draft until someone proposes it</source>
      <translation>Borrador hasta que alguien lo proponga</translation>
    </message>
    <message>
      <source>{status} since {when}, by {who}</source>
      <translation>{status} desde {when}, por {who}</translation>
    </message>
    <message>
      <source>Reopen the response</source>
      <translation>Reabrir la respuesta</translation>
    </message>
    <message>
      <source>Why does the response go back from {old} to {new}?</source>
      <translation>¿Por qué la respuesta vuelve de {old} a {new}?</translation>
    </message>
  </context>
  <context>
    <name>ProposalsDialog</name>
    <message>
      <source>Proposed texts from the Word review</source>
      <translation>Textos propuestos en la revisión de Word</translation>
    </message>
    <message>
      <source>The proposal is marked against the current text: {legend}</source>
      <translation>La propuesta se marca respecto del texto actual: {legend}</translation>
    </message>
    <message>
      <source>&amp;Accept</source>
      <translation>&amp;Aceptar</translation>
    </message>
    <message>
      <source>&amp;Decline…</source>
      <translation>&amp;Rechazar…</translation>
    </message>
    <message>
      <source>Current text</source>
      <translation>Texto actual</translation>
    </message>
    <message>
      <source>Proposed</source>
      <translation>Propuesto</translation>
    </message>
    <message>
      <source>No proposals left to decide.</source>
      <translation>No quedan propuestas por decidir.</translation>
    </message>
    <message>
      <source>Proposed by {who}, {when}</source>
      <translation>Propuesto por {who}, {when}</translation>
    </message>
    <message>
      <source>Decline the proposal</source>
      <translation>Rechazar la propuesta</translation>
    </message>
    <message>
      <source>Why is the proposal not taken? (optional, kept as a note)</source>
      <translation>¿Por qué no se acepta la propuesta? (opcional, se guarda como nota)</translation>
    </message>
  </context>
  <context>
    <name>StaleProposalDialog</name>
    <message>
      <source>A proposal made on an older text</source>
      <translation>Una propuesta hecha sobre un texto anterior</translation>
    </message>
    <message>
      <source>{who} edited the text sent for review. The response was rewritten here since, in the same places, so the two cannot be combined by themselves. Take one of the three texts, or write the text to keep below. Changes against the text sent for review: {legend}</source>
      <translation>{who} modificó el texto enviado para revisión. La respuesta se reescribió aquí desde entonces, en los mismos lugares, así que no pueden combinarse automáticamente. Tome uno de los tres textos o escriba abajo el texto que se conservará. Cambios respecto al texto enviado para revisión: {legend}</translation>
    </message>
    <message>
      <source>Sent for review</source>
      <translation>Enviado para revisión</translation>
    </message>
    <message>
      <source>Current text (our changes)</source>
      <translation>Texto actual (nuestros cambios)</translation>
    </message>
    <message>
      <source>Proposed by {who}</source>
      <translation>Propuesto por {who}</translation>
    </message>
    <message>
      <source>Use this text</source>
      <translation>Usar este texto</translation>
    </message>
    <message>
      <source>Text to keep (edit it to merge both):</source>
      <translation>Texto que se conserva (edítelo para combinar ambos):</translation>
    </message>
    <message>
      <source>&amp;Accept this text</source>
      <translation>&amp;Aceptar este texto</translation>
    </message>
  </context>
  <context>
    <name>review_ui</name>
    <message>
      <source>Export a review copy for Word</source>
      <translation>Exportar una copia de revisión para Word</translation>
    </message>
    <message>
      <source>Import a review copy annotated in Word</source>
      <translation>Importar una copia de revisión anotada en Word</translation>
    </message>
    <message>
      <source>Reading “{name}”…</source>
      <translation>Leyendo «{name}»…</translation>
    </message>
    <message>
      <source>Import Word review</source>
      <translation>Importar la revisión de Word</translation>
    </message>
    <message>
      <source>Notes added: {n}. Proposed texts: {p}.</source>
      <translation>Notas añadidas: {n}. Textos propuestos: {p}.</translation>
    </message>
    <message>
      <source>Already imported before: {n}.</source>
      <translation>Ya importados antes: {n}.</translation>
    </message>
    <message>
      <source>New reviewers: {names}.</source>
      <translation>Nuevos revisores: {names}.</translation>
    </message>
    <message>
      <source>Could not be placed (kept here, not dropped):</source>
      <translation>No se pudieron colocar (se conservan aquí, no se descartan):</translation>
    </message>
  </context>
  <context>
    <name>FootnoteDialog</name>
    <message>
      <source>Footnote</source>
      <translation>Nota al pie</translation>
    </message>
    <message>
      <source>Text of the footnote:</source>
      <translation>Texto de la nota al pie:</translation>
    </message>
  </context>
  <context>
    <name>RichEdit</name>
    <message>
      <source>Link</source>
      <translation>Enlace</translation>
    </message>
    <message>
      <source>Address (https://…):</source>
      <translation>Dirección (https://…):</translation>
    </message>
    <message>
      <source>B</source>
      <translation>N</translation>
    </message>
    <message>
      <source>Bold</source>
      <translation>Negrita</translation>
    </message>
    <message>
      <source>I</source>
      <translation>K</translation>
    </message>
    <message>
      <source>Italic</source>
      <translation>Cursiva</translation>
    </message>
    <message>
      <source>U</source>
      <translation>S</translation>
    </message>
    <message>
      <source>Underline</source>
      <translation>Subrayado</translation>
    </message>
    <message>
      <source>Link…</source>
      <translation>Enlace…</translation>
    </message>
    <message>
      <source>Footnote</source>
      <translation>Nota al pie</translation>
    </message>
    <message>
      <source>Footnote ({keys})</source>
      <translation>Nota al pie ({keys})</translation>
    </message>
  </context>
  <context>
    <name>SearchPanel</name>
    <message>
      <source>Search sources, quotes and responses</source>
      <translation>Buscar en fuentes, citas y respuestas</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Texto</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>Cita</translation>
    </message>
    <message>
      <source>Response</source>
      <translation>Respuesta</translation>
    </message>
    <message numerus="yes">
      <source>%n result(s)</source>
      <translation>
        <numerusform>%n resultado</numerusform>
        <numerusform>%n resultados</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Sending</name>
    <message>
      <source>What &amp;changed since sent…</source>
      <translation>&amp;Cambios desde el envío…</translation>
    </message>
    <message>
      <source>Submission &amp;deadline…</source>
      <translation>&amp;Plazo de presentación…</translation>
    </message>
  </context>
  <context>
    <name>sent_ui</name>
    <message>
      <source>Passage added</source>
      <translation>Pasaje añadido</translation>
    </message>
    <message>
      <source>Passage removed</source>
      <translation>Pasaje eliminado</translation>
    </message>
    <message>
      <source>Quote edited</source>
      <translation>Cita modificada</translation>
    </message>
    <message>
      <source>Response edited</source>
      <translation>Respuesta modificada</translation>
    </message>
    <message>
      <source>Position changed</source>
      <translation>Posición cambiada</translation>
    </message>
    <message>
      <source>Status moved</source>
      <translation>Estado cambiado</translation>
    </message>
    <message>
      <source>Answer printed as</source>
      <translation>Respuesta impresa como</translation>
    </message>
    <message>
      <source>no position</source>
      <translation>sin posición</translation>
    </message>
    <message>
      <source>Agree</source>
      <translation>De acuerdo</translation>
    </message>
    <message>
      <source>Partly agree</source>
      <translation>Parcialmente de acuerdo</translation>
    </message>
    <message>
      <source>Disagree</source>
      <translation>En desacuerdo</translation>
    </message>
    <message>
      <source>Strongly disagree</source>
      <translation>Total desacuerdo</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>Borrador</translation>
    </message>
    <message>
      <source>Proposed</source>
      <translation>Propuesto</translation>
    </message>
    <message>
      <source>Agreed</source>
      <translation>Aprobado</translation>
    </message>
    <message>
      <source>its text</source>
      <translation>su texto</translation>
    </message>
    <message>
      <source>a cross-reference</source>
      <translation>una remisión</translation>
    </message>
    <message>
      <source>The {name} was sent on {when} UTC by {member}: {file} (sha256 {sha}…).</source>
      <translation>La versión {name} se envió el {when} UTC por {member}: {file} (sha256 {sha}…).</translation>
    </message>
  </context>
  <context>
    <name>ChangesDialog</name>
    <message>
      <source>What changed since sent</source>
      <translation>Cambios desde el envío</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Cambio</translation>
    </message>
    <message>
      <source>Party</source>
      <translation>Parte</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>Cita</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Antes</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>Ahora</translation>
    </message>
    <message>
      <source>Nothing has been sent yet. Export the contribution as the final version (File › Export contribution…) to record what is sent.</source>
      <translation>Todavía no se ha enviado nada. Exporte la contribución como versión final (Archivo › Exportar la contribución…) para registrar lo que se envía.</translation>
    </message>
    <message>
      <source>No change since.</source>
      <translation>Ningún cambio desde entonces.</translation>
    </message>
    <message numerus="yes">
      <source>%n change(s) since:</source>
      <translation>
        <numerusform>%n cambio desde entonces:</numerusform>
        <numerusform>%n cambios desde entonces:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SimilarPanel</name>
    <message>
      <source>Select a passage to see what other sources say alike.</source>
      <translation>Elija un pasaje para ver lo que dicen de parecido las demás fuentes.</translation>
    </message>
    <message>
      <source>Cite</source>
      <translation>Citar</translation>
    </message>
    <message>
      <source>Cite this span of the other source</source>
      <translation>Citar este pasaje de la otra fuente</translation>
    </message>
    <message>
      <source>Same answer</source>
      <translation>Misma respuesta</translation>
    </message>
    <message>
      <source>Cite this span (if needed) and answer it with this passage's answer</source>
      <translation>Citar este pasaje (si hace falta) y darle la respuesta de este</translation>
    </message>
    <message>
      <source>Refer to our answer</source>
      <translation>Remitir a nuestra respuesta</translation>
    </message>
    <message>
      <source>Write in the other party's section: we refer to our comments where this passage is answered</source>
      <translation>Escribir en la sección de la otra parte: nos remitimos a nuestros comentarios donde respondemos a este pasaje</translation>
    </message>
    <message>
      <source>Looking for similar passages…</source>
      <translation>Buscando pasajes parecidos…</translation>
    </message>
    <message>
      <source>Our answer ({status}): {text}</source>
      <translation>Nuestra respuesta ({status}): {text}</translation>
    </message>
    <message>
      <source>Cited, not answered yet</source>
      <translation>Citado, aún sin respuesta</translation>
    </message>
    <message numerus="yes">
      <source>%n similar passage(s) in other sources, best first.</source>
      <translation>
        <numerusform>%n pasaje parecido en otras fuentes.</numerusform>
        <numerusform>%n pasajes parecidos en otras fuentes, los más cercanos primero.</numerusform>
      </translation>
    </message>
    <message>
      <source>No other source says anything like this passage.</source>
      <translation>Ninguna otra fuente dice nada parecido.</translation>
    </message>
    <message>
      <source>Cite passage</source>
      <translation>Citar el pasaje</translation>
    </message>
    <message>
      <source>Same answer as</source>
      <translation>Misma respuesta que</translation>
    </message>
  </context>
  <context>
    <name>SourceActions</name>
    <message>
      <source>Save a &amp;copy…</source>
      <translation>Guardar una &amp;copia…</translation>
    </message>
    <message>
      <source>&amp;Source</source>
      <translation>&amp;Fuente</translation>
    </message>
    <message>
      <source>Import new &amp;version…</source>
      <translation>Importar una nueva &amp;versión…</translation>
    </message>
    <message>
      <source>Show &amp;original file</source>
      <translation>Mostrar el archivo &amp;original</translation>
    </message>
    <message>
      <source>Check &amp;placements…</source>
      <translation>Comprobar las &amp;ubicaciones…</translation>
    </message>
    <message>
      <source>Save a copy of the project</source>
      <translation>Guardar una copia del proyecto</translation>
    </message>
    <message>
      <source>A copy was saved as {path}.</source>
      <translation>Se guardó una copia como {path}.</translation>
    </message>
    <message>
      <source>Choose the source that has a new version first.</source>
      <translation>Elija primero la fuente que tiene una nueva versión.</translation>
    </message>
    <message>
      <source>Import a new version</source>
      <translation>Importar una nueva versión</translation>
    </message>
    <message>
      <source>The new version was imported.</source>
      <translation>Se importó la nueva versión.</translation>
    </message>
    <message>
      <source>Passages found at a new place: {n}.</source>
      <translation>Pasajes encontrados en otro lugar: {n}.</translation>
    </message>
    <message>
      <source>Passages re-attached by approximate match (check them): {n}.</source>
      <translation>Pasajes vinculados de nuevo por coincidencia aproximada (compruébelos): {n}.</translation>
    </message>
    <message>
      <source>Passages not found in the new version: {n}. They are kept and marked ✗ in the Passages panel.</source>
      <translation>Pasajes no encontrados en la nueva versión: {n}. Se conservan y se marcan con ✗ en el panel Pasajes.</translation>
    </message>
    <message>
      <source>This source was pasted: there is no original file.</source>
      <translation>Esta fuente se pegó: no hay archivo original.</translation>
    </message>
  </context>
  <context>
    <name>SourcesPanel</name>
    <message>
      <source>&amp;Rename…</source>
      <translation>Cambiar el &amp;nombre…</translation>
    </message>
    <message>
      <source>Re&amp;move</source>
      <translation>&amp;Quitar</translation>
    </message>
    <message>
      <source>&amp;Import documents…</source>
      <translation>&amp;Importar documentos…</translation>
    </message>
    <message>
      <source>submission</source>
      <translation>contribución</translation>
    </message>
    <message>
      <source>reference</source>
      <translation>referencia</translation>
    </message>
    <message numerus="yes">
      <source>%n page(s)</source>
      <translation>
        <numerusform>%n página</numerusform>
        <numerusform>%n páginas</numerusform>
      </translation>
    </message>
    <message>
      <source>{kind} · {pages} · {answered}/{cited} answered</source>
      <translation>{kind} · {pages} · {answered}/{cited} con respuesta</translation>
    </message>
    <message>
      <source>Rename source</source>
      <translation>Cambiar el nombre de la fuente</translation>
    </message>
    <message>
      <source>Party or author:</source>
      <translation>Parte o autor:</translation>
    </message>
    <message>
      <source>Remove “{label}”</source>
      <translation>Quitar «{label}»</translation>
    </message>
  </context>
  <context>
    <name>StatusController</name>
    <message>
      <source>, p. {label}</source>
      <translation>, pág. {label}</translation>
    </message>
    <message>
      <source>passage “{quote}”{page}</source>
      <translation>pasaje «{quote}»{page}</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>Guardado</translation>
    </message>
  </context>
  <context>
    <name>TeamFeature</name>
    <message>
      <source>member</source>
      <translation>miembro</translation>
    </message>
    <message>
      <source>Team server {address} · {role}</source>
      <translation>Servidor del equipo {address} · {role}</translation>
    </message>
    <message>
      <source>Team server: no live updates (the connection was lost); reopen to resume</source>
      <translation>Servidor del equipo: sin actualizaciones en directo (se perdió la conexión); vuelva a abrir el proyecto para reanudarlas</translation>
    </message>
  </context>
  <context>
    <name>WelcomePage</name>
    <message>
      <source>Rejoinder</source>
      <translation>Rejoinder</translation>
    </message>
    <message>
      <source>Cite the passages of other parties' submissions you want to answer, write your comments, and export your contribution as a Word document.</source>
      <translation>Cite los pasajes de las contribuciones de las demás partes a los que quiera responder, redacte sus observaciones y exporte su contribución como documento de Word.</translation>
    </message>
    <message>
      <source>&amp;New project…</source>
      <translation>&amp;Nuevo proyecto…</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;Abrir…</translation>
    </message>
    <message>
      <source>Open &amp;demo</source>
      <translation>Abrir la &amp;demostración</translation>
    </message>
    <message>
      <source>Recent projects:</source>
      <translation>Proyectos recientes:</translation>
    </message>
    <message>
      <source>{title}    —    on the team server {url}</source>
      <translation>{title}    —    en el servidor del equipo {url}</translation>
    </message>
    <message>
      <source>No recent projects yet.</source>
      <translation>Todavía no hay proyectos recientes.</translation>
    </message>
  </context>
  <context>
    <name>Workspace</name>
    <message>
      <source>What next?

1. Import a submission: File › Import documents… (Ctrl+Shift+I), or drop PDF, Word or text files on this window.
2. Choose it under Sources; it opens here.
3. Select a sentence and press Ctrl+Shift+C (Cite selection) to quote it.
4. Write our response in the Response panel on the right.

Help › User guide (F1 for the keys) says more.</source>
      <translation>¿Y ahora?

1. Importe una contribución: Archivo › Importar documentos… (Ctrl+Mayús+I), o arrastre archivos PDF, Word o de texto a esta ventana.
2. Elíjala en Fuentes; se abre aquí.
3. Seleccione una frase y pulse Ctrl+Mayús+C (Citar la selección) para citarla.
4. Escriba nuestra respuesta en el panel Respuesta, a la derecha.

Ayuda › Guía del usuario (F1 para las teclas) explica más.</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>Fuentes</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Búsqueda</translation>
    </message>
    <message>
      <source>Passages</source>
      <translation>Pasajes</translation>
    </message>
    <message>
      <source>Response</source>
      <translation>Respuesta</translation>
    </message>
    <message>
      <source>Similar passages</source>
      <translation>Pasajes parecidos</translation>
    </message>
    <message>
      <source>Outline</source>
      <translation>Esquema</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Vista previa</translation>
    </message>
    <message>
      <source>Preflight</source>
      <translation>Verificación</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Deshacer</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Rehacer</translation>
    </message>
    <message>
      <source>&amp;Cite selection</source>
      <translation>&amp;Citar la selección</translation>
    </message>
    <message>
      <source>&amp;Find in source…</source>
      <translation>&amp;Buscar en la fuente…</translation>
    </message>
    <message>
      <source>&amp;Search the project…</source>
      <translation>Buscar en el &amp;proyecto…</translation>
    </message>
    <message>
      <source>&amp;Preflight check</source>
      <translation>&amp;Verificación previa</translation>
    </message>
    <message>
      <source>Mark cut sentences with …</source>
      <translation>Marcar las frases cortadas con …</translation>
    </message>
    <message>
      <source>Main toolbar</source>
      <translation>Barra de herramientas principal</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Deshacer</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Rehacer</translation>
    </message>
    <message>
      <source>Select some text of the source to cite.</source>
      <translation>Seleccione el texto de la fuente que desea citar.</translation>
    </message>
    <message>
      <source>Import documents</source>
      <translation>Importar documentos</translation>
    </message>
  </context>
</TS>
