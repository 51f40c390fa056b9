<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>BlocksPanel</name>
    <message>
      <source>+ Paragraph</source>
      <translation>+ Paragraphe</translation>
    </message>
    <message>
      <source>+ List</source>
      <translation>+ Liste</translation>
    </message>
    <message>
      <source>+ Citations</source>
      <translation>+ Citations</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Supprimer</translation>
    </message>
    <message>
      <source>Move the block up</source>
      <translation>Monter le bloc</translation>
    </message>
    <message>
      <source>Move the block down</source>
      <translation>Descendre le bloc</translation>
    </message>
    <message>
      <source>Text (a list: one item per line):</source>
      <translation>Texte (une liste : un élément par ligne) :</translation>
    </message>
    <message>
      <source>Lead-in before the quotes (empty: the phrasebook's):</source>
      <translation>Phrase d’introduction avant les citations (vide : celle du recueil de formules) :</translation>
    </message>
    <message>
      <source>Lead-in before our comments:</source>
      <translation>Phrase d’introduction avant nos observations :</translation>
    </message>
    <message>
      <source>Numbered 1) 2) 3)</source>
      <translation>Numérotée 1) 2) 3)</translation>
    </message>
    <message>
      <source>Save block</source>
      <translation>Enregistrer le bloc</translation>
    </message>
    <message>
      <source>New paragraph.</source>
      <translation>Nouveau paragraphe.</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Élément</translation>
    </message>
    <message>
      <source>Paragraph: {text}</source>
      <translation>Paragraphe : {text}</translation>
    </message>
    <message>
      <source>List of {n}: {text}</source>
      <translation>Liste de {n} : {text}</translation>
    </message>
    <message>
      <source>Cross-reference to “{name}”</source>
      <translation>Renvoi à « {name} »</translation>
    </message>
    <message numerus="yes">
      <source>Citations: %n passage(s)</source>
      <translation>
        <numerusform>Citations : %n passage</numerusform>
        <numerusform>Citations : %n passages</numerusform>
      </translation>
    </message>
    <message>
      <source>Blocks of “{name}”</source>
      <translation>Blocs de « {name} »</translation>
    </message>
    <message>
      <source>Choose a section in the Outline.</source>
      <translation>Choisissez une section dans le Plan.</translation>
    </message>
  </context>
  <context>
    <name>Collaboration</name>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Blocks</source>
      <translation>Blocs</translation>
    </message>
    <message>
      <source>&amp;Merge a colleague's copy…</source>
      <translation>&amp;Fusionner la copie d’un collègue…</translation>
    </message>
    <message>
      <source>Import &amp;Word review…</source>
      <translation>Importer la relecture &amp;Word…</translation>
    </message>
    <message>
      <source>Export re&amp;view copy…</source>
      <translation>Exporter une copie de &amp;relecture…</translation>
    </message>
    <message>
      <source>Undo &amp;merge</source>
      <translation>Annuler la &amp;fusion</translation>
    </message>
    <message>
      <source>&amp;Conflicts…</source>
      <translation>&amp;Conflits…</translation>
    </message>
    <message>
      <source>&amp;Proposals from the Word review…</source>
      <translation>&amp;Propositions de la relecture Word…</translation>
    </message>
    <message>
      <source>There are no conflicts to decide.</source>
      <translation>Il n’y a aucun conflit à trancher.</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>Avertissement</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Fermer</translation>
    </message>
  </context>
  <context>
    <name>commands</name>
    <message>
      <source>Cite passage</source>
      <translation>Citer le passage</translation>
    </message>
    <message>
      <source>Delete passage</source>
      <translation>Supprimer le passage</translation>
    </message>
    <message>
      <source>Reorder passages</source>
      <translation>Réordonner les passages</translation>
    </message>
    <message>
      <source>Edit printed quote</source>
      <translation>Modifier la citation imprimée</translation>
    </message>
    <message>
      <source>Edit response</source>
      <translation>Modifier la réponse</translation>
    </message>
    <message>
      <source>Same answer as</source>
      <translation>Même réponse que</translation>
    </message>
    <message>
      <source>Rename source</source>
      <translation>Renommer la source</translation>
    </message>
    <message>
      <source>Reorder sources</source>
      <translation>Réordonner les sources</translation>
    </message>
    <message>
      <source>Remove source</source>
      <translation>Retirer la source</translation>
    </message>
    <message>
      <source>Add section</source>
      <translation>Ajouter une section</translation>
    </message>
  </context>
  <context>
    <name>review_commands</name>
    <message>
      <source>Restore earlier text</source>
      <translation>Rétablir un texte antérieur</translation>
    </message>
    <message>
      <source>Reply to note</source>
      <translation>Répondre à la note</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>Ajouter une note</translation>
    </message>
    <message>
      <source>Edit note</source>
      <translation>Modifier la note</translation>
    </message>
    <message>
      <source>Delete note</source>
      <translation>Supprimer la note</translation>
    </message>
    <message>
      <source>Change status</source>
      <translation>Changer le statut</translation>
    </message>
    <message>
      <source>Accept proposal</source>
      <translation>Accepter la proposition</translation>
    </message>
    <message>
      <source>Decline proposal</source>
      <translation>Refuser la proposition</translation>
    </message>
    <message>
      <source>Move passage to section</source>
      <translation>Déplacer le passage vers une section</translation>
    </message>
    <message>
      <source>Add paragraph</source>
      <translation>Ajouter un paragraphe</translation>
    </message>
    <message>
      <source>Add list</source>
      <translation>Ajouter une liste</translation>
    </message>
    <message>
      <source>Add citations block</source>
      <translation>Ajouter un bloc de citations</translation>
    </message>
    <message>
      <source>Add block</source>
      <translation>Ajouter un bloc</translation>
    </message>
    <message>
      <source>Delete block</source>
      <translation>Supprimer le bloc</translation>
    </message>
    <message>
      <source>Move block</source>
      <translation>Déplacer le bloc</translation>
    </message>
    <message>
      <source>Edit block</source>
      <translation>Modifier le bloc</translation>
    </message>
  </context>
  <context>
    <name>deadline</name>
    <message>
      <source>Set deadline</source>
      <translation>Fixer l’échéance</translation>
    </message>
    <message>
      <source>Clear deadline</source>
      <translation>Supprimer l’échéance</translation>
    </message>
  </context>
  <context>
    <name>DeadlineController</name>
    <message>
      <source>Deadline passed {left} ago</source>
      <translation>Échéance dépassée depuis {left}</translation>
    </message>
    <message>
      <source>Deadline in {left}</source>
      <translation>Échéance dans {left}</translation>
    </message>
    <message>
      <source>Submission deadline: {when}</source>
      <translation>Échéance de remise : {when}</translation>
    </message>
    <message>
      <source>The submission deadline passed {left} ago.</source>
      <translation>L’échéance de remise est dépassée depuis {left}.</translation>
    </message>
    <message>
      <source>Only {left} left before the submission deadline.</source>
      <translation>Plus que {left} avant l’échéance de remise.</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Échéance</translation>
    </message>
  </context>
  <context>
    <name>ConflictsDialog</name>
    <message>
      <source>Conflicts from the merge</source>
      <translation>Conflits issus de la fusion</translation>
    </message>
    <message>
      <source>You and your colleague both changed these since your copies parted. The later change is kept until you decide; the other version is marked against it: {legend}</source>
      <translation>Votre collègue et vous avez tous deux modifié ces éléments depuis la séparation de vos copies. La modification la plus récente est conservée jusqu’à votre décision ; l’autre version est marquée par rapport à elle : {legend}</translation>
    </message>
    <message>
      <source>Or write the text to keep:</source>
      <translation>Ou écrivez le texte à conserver :</translation>
    </message>
    <message>
      <source>&amp;Keep this version</source>
      <translation>&amp;Garder cette version</translation>
    </message>
    <message>
      <source>Take the &amp;other version</source>
      <translation>Prendre l’&amp;autre version</translation>
    </message>
    <message>
      <source>Keep the &amp;edited text</source>
      <translation>Garder le texte &amp;modifié</translation>
    </message>
    <message>
      <source>No conflicts left.</source>
      <translation>Plus aucun conflit.</translation>
    </message>
    <message>
      <source>Kept for now — {who}, {when}</source>
      <translation>Conservée pour l’instant — {who}, {when}</translation>
    </message>
    <message>
      <source>Other version — {who}, {when}</source>
      <translation>Autre version — {who}, {when}</translation>
    </message>
  </context>
  <context>
    <name>ConnectDialog</name>
    <message>
      <source>Connect to team server</source>
      <translation>Se connecter au serveur d’équipe</translation>
    </message>
    <message>
      <source>Your coordinator gives you the server, the project's database and your login. Everyone works on the same project at once.</source>
      <translation>Votre coordinateur vous donne le serveur, la base de données du projet et votre identifiant. Tout le monde travaille en même temps sur le même projet.</translation>
    </message>
    <message>
      <source>server.example.org</source>
      <translation>serveur.exemple.org</translation>
    </message>
    <message>
      <source>wgec2</source>
      <translation>wgec2</translation>
    </message>
    <message>
      <source>leave empty if it is saved already</source>
      <translation>laisser vide s’il est déjà enregistré</translation>
    </message>
    <message>
      <source>&amp;Remember the password in the system's keyring</source>
      <translation>&amp;Mémoriser le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
      <source>&amp;Server:</source>
      <translation>&amp;Serveur :</translation>
    </message>
    <message>
      <source>&amp;Port:</source>
      <translation>&amp;Port :</translation>
    </message>
    <message>
      <source>Project &amp;database:</source>
      <translation>&amp;Base de données du projet :</translation>
    </message>
    <message>
      <source>&amp;Login:</source>
      <translation>&amp;Identifiant :</translation>
    </message>
    <message>
      <source>Pass&amp;word:</source>
      <translation>Mot de pa&amp;sse :</translation>
    </message>
    <message>
      <source>&amp;Connect</source>
      <translation>Se &amp;connecter</translation>
    </message>
  </context>
  <context>
    <name>DeadlineDialog</name>
    <message>
      <source>Submission deadline</source>
      <translation>Échéance de remise</translation>
    </message>
    <message>
      <source>When must the contribution reach the secretariat? The window shows the time left and warns a day and an hour before.</source>
      <translation>Quand la contribution doit-elle parvenir au secrétariat ? La fenêtre affiche le temps restant et avertit un jour et une heure avant.</translation>
    </message>
    <message>
      <source>&amp;There is a deadline</source>
      <translation>Il y a une é&amp;chéance</translation>
    </message>
    <message>
      <source>In this computer's time zone.</source>
      <translation>Dans le fuseau horaire de cet ordinateur.</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export contribution</source>
      <translation>Exporter la contribution</translation>
    </message>
    <message>
      <source>Grouped: quotes, then comments</source>
      <translation>Groupée : citations, puis observations</translation>
    </message>
    <message>
      <source>Interleaved: quote, comment, quote…</source>
      <translation>Alternée : citation, observation, citation…</translation>
    </message>
    <message>
      <source>Table: one row per passage</source>
      <translation>Tableau : une ligne par passage</translation>
    </message>
    <message>
      <source>&amp;Layout:</source>
      <translation>&amp;Présentation :</translation>
    </message>
    <message>
      <source>Default template</source>
      <translation>Modèle par défaut</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Parcourir…</translation>
    </message>
    <message>
      <source>&amp;Template:</source>
      <translation>&amp;Modèle :</translation>
    </message>
    <message>
      <source>Include responses still in draft</source>
      <translation>Inclure les réponses encore à l’état de projet</translation>
    </message>
    <message>
      <source>Review copy (statuses and notes as Word comments)</source>
      <translation>Copie de relecture (statuts et notes en commentaires Word)</translation>
    </message>
    <message>
      <source>Final version: record it as sent (time, sha256, responses)</source>
      <translation>Version finale : l’enregistrer comme envoyée (heure, sha256, réponses)</translation>
    </message>
    <message numerus="yes">
      <source>The {name} was sent on {when} UTC; %n change(s) since.</source>
      <translation>
        <numerusform>La version {name} a été envoyée le {when} UTC ; %n modification depuis.</numerusform>
        <numerusform>La version {name} a été envoyée le {when} UTC ; %n modifications depuis.</numerusform>
      </translation>
    </message>
    <message>
      <source>Revised document (Rev.{n}) with the list of changes</source>
      <translation>Document révisé (Rev.{n}) avec la liste des modifications</translation>
    </message>
    <message>
      <source>&amp;Save as:</source>
      <translation>&amp;Enregistrer sous :</translation>
    </message>
    <message>
      <source>Checking the contribution…</source>
      <translation>Vérification de la contribution…</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Exporter</translation>
    </message>
    <message>
      <source>Preflight found no problems.</source>
      <translation>La vérification n’a trouvé aucun problème.</translation>
    </message>
    <message>
      <source>Preflight found these problems (click one to go to it):</source>
      <translation>La vérification a trouvé ces problèmes (cliquez sur l’un d’eux pour y aller) :</translation>
    </message>
    <message>
      <source>Every passage and section will print.</source>
      <translation>Tous les passages et toutes les sections seront imprimés.</translation>
    </message>
    <message>
      <source>1 passage is left out: its response is still a draft.</source>
      <translation>1 passage est laissé de côté : sa réponse est encore un projet.</translation>
    </message>
    <message>
      <source>{n} passages are left out: their responses are still drafts.</source>
      <translation>{n} passages sont laissés de côté : leurs réponses sont encore des projets.</translation>
    </message>
    <message>
      <source>1 passage is left out: it has no response.</source>
      <translation>1 passage est laissé de côté : il n’a pas de réponse.</translation>
    </message>
    <message>
      <source>{n} passages are left out: they have no response.</source>
      <translation>{n} passages sont laissés de côté : ils n’ont pas de réponse.</translation>
    </message>
    <message>
      <source>1 passage is left out: it is in no section.</source>
      <translation>1 passage est laissé de côté : il n’est dans aucune section.</translation>
    </message>
    <message>
      <source>{n} passages are left out: they are in no section.</source>
      <translation>{n} passages sont laissés de côté : ils ne sont dans aucune section.</translation>
    </message>
    <message>
      <source>“{heading}” is left out: it has nothing to print.</source>
      <translation>« {heading} » est laissé de côté : il n’a rien à imprimer.</translation>
    </message>
    <message>
      <source>Word template</source>
      <translation>Modèle Word</translation>
    </message>
    <message>
      <source>Word documents (*.docx *.dotx)</source>
      <translation>Documents Word (*.docx *.dotx)</translation>
    </message>
    <message>
      <source>Export as</source>
      <translation>Exporter sous</translation>
    </message>
    <message>
      <source>Word documents (*.docx)</source>
      <translation>Documents Word (*.docx)</translation>
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message>
      <source>History of the response</source>
      <translation>Historique de la réponse</translation>
    </message>
    <message>
      <source>Choose an earlier text to see how the current text differs from it: {legend}</source>
      <translation>Choisissez un texte antérieur pour voir en quoi le texte actuel en diffère : {legend}</translation>
    </message>
    <message>
      <source>&amp;Restore this version</source>
      <translation>&amp;Rétablir cette version</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>inconnu</translation>
    </message>
    <message>
      <source>Current text — {who}, {when}</source>
      <translation>Texte actuel — {who}, {when}</translation>
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
      <translation>Marie Dupont</translation>
    </message>
    <message>
      <source>Our delegation or organisation</source>
      <translation>Notre délégation ou organisation</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <source>&amp;Initials:</source>
      <translation>&amp;Initiales :</translation>
    </message>
    <message>
      <source>&amp;Organisation:</source>
      <translation>&amp;Organisation :</translation>
    </message>
  </context>
  <context>
    <name>IdentityDialog</name>
    <message>
      <source>Who are you?</source>
      <translation>Qui êtes-vous ?</translation>
    </message>
    <message>
      <source>Your name is shown to your colleagues on every note, status change and text you write. You can change it later in File › Settings….</source>
      <translation>Votre nom est montré à vos collègues sur chaque note, changement de statut et texte que vous écrivez. Vous pourrez le modifier plus tard dans Fichier › Paramètres….</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>Paramètres</translation>
    </message>
    <message>
      <source>The built-in template</source>
      <translation>Le modèle intégré</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Parcourir…</translation>
    </message>
    <message>
      <source>Default Word &amp;template:</source>
      <translation>&amp;Modèle Word par défaut :</translation>
    </message>
    <message>
      <source>&amp;Language of new projects:</source>
      <translation>&amp;Langue des nouveaux projets :</translation>
    </message>
    <message>
      <source>As the system (when it is one of these)</source>
      <translation>Comme le système (s’il s’agit de l’une d’elles)</translation>
    </message>
    <message>
      <source>Takes effect the next time Rejoinder starts</source>
      <translation>S’applique au prochain démarrage de Rejoinder</translation>
    </message>
    <message>
      <source>&amp;Interface language:</source>
      <translation>Langue de l’&amp;interface :</translation>
    </message>
    <message>
      <source>One sentence per line, e.g. “We refer to our earlier contribution.”</source>
      <translation>Une phrase par ligne, p. ex. « Nous renvoyons à notre contribution précédente. »</translation>
    </message>
    <message>
      <source>My &amp;standard sentences
(in the Phrasebook menu):</source>
      <translation>Mes &amp;formules
(dans le menu Formules) :</translation>
    </message>
    <message>
      <source>Word template</source>
      <translation>Modèle Word</translation>
    </message>
  </context>
  <context>
    <name>ImportLabelsDialog</name>
    <message>
      <source>Import documents</source>
      <translation>Importer des documents</translation>
    </message>
    <message>
      <source>Contribution from {party}</source>
      <translation>Contribution de {party}</translation>
    </message>
    <message>
      <source>Check who each document comes from: the label names its section of our contribution. A document we only quote is a reference.</source>
      <translation>Vérifiez de qui provient chaque document : le libellé donne son nom à sa section de notre contribution. Un document que nous ne faisons que citer est une référence.</translation>
    </message>
    <message>
      <source>Party or author, e.g. European Union</source>
      <translation>Partie ou auteur, p. ex. Union européenne</translation>
    </message>
    <message>
      <source>Label of {name}</source>
      <translation>Libellé de {name}</translation>
    </message>
    <message>
      <source>Submission (to answer)</source>
      <translation>Contribution (à laquelle répondre)</translation>
    </message>
    <message>
      <source>Reference (to quote)</source>
      <translation>Référence (à citer)</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Importer</translation>
    </message>
    <message>
      <source>A label is needed: who wrote this document?</source>
      <translation>Un libellé est nécessaire : qui a écrit ce document ?</translation>
    </message>
    <message>
      <source>Quoted as “{label}”; no section of its own.</source>
      <translation>Cité comme « {label} » ; pas de section propre.</translation>
    </message>
    <message>
      <source>Heading: {heading}</source>
      <translation>Titre : {heading}</translation>
    </message>
  </context>
  <context>
    <name>NewProjectDialog</name>
    <message>
      <source>Project properties</source>
      <translation>Propriétés du projet</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>Nouveau projet</translation>
    </message>
    <message>
      <source>Comments on contributions to WGEC-2</source>
      <translation>Observations sur les contributions au WGEC-2</translation>
    </message>
    <message>
      <source>Our delegation or organisation</source>
      <translation>Notre délégation ou organisation</translation>
    </message>
    <message>
      <source>&amp;Title:</source>
      <translation>&amp;Titre :</translation>
    </message>
    <message>
      <source>&amp;Organisation:</source>
      <translation>&amp;Organisation :</translation>
    </message>
    <message>
      <source>&amp;Meeting:</source>
      <translation>&amp;Réunion :</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Date :</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Langue :</translation>
    </message>
  </context>
  <context>
    <name>PlacementsDialog</name>
    <message>
      <source>Passages to check in the new version</source>
      <translation>Passages à vérifier dans la nouvelle version</translation>
    </message>
    <message>
      <source>These passages were placed by an approximate match, or not found, in the new version. Compare the words you cited with the words found now.</source>
      <translation>Ces passages ont été placés par correspondance approximative, ou sont introuvables, dans la nouvelle version. Comparez les mots que vous avez cités avec ceux trouvés maintenant.</translation>
    </message>
    <message>
      <source>Cited in the earlier version</source>
      <translation>Cité dans la version précédente</translation>
    </message>
    <message>
      <source>Found in the new version</source>
      <translation>Trouvé dans la nouvelle version</translation>
    </message>
    <message>
      <source>&amp;Confirm placement</source>
      <translation>&amp;Confirmer l’emplacement</translation>
    </message>
    <message>
      <source>&amp;Re-attach by hand…</source>
      <translation>&amp;Rattacher à la main…</translation>
    </message>
    <message>
      <source>Keep as &amp;orphan</source>
      <translation>Garder comme &amp;orphelin</translation>
    </message>
    <message>
      <source>&amp;Update printed quote</source>
      <translation>&amp;Mettre à jour la citation imprimée</translation>
    </message>
    <message>
      <source>✓ confirmed</source>
      <translation>✓ confirmé</translation>
    </message>
    <message>
      <source>? fuzzy {score}</source>
      <translation>? approximatif {score}</translation>
    </message>
    <message>
      <source>✗ orphan</source>
      <translation>✗ orphelin</translation>
    </message>
    <message>
      <source>Nothing waits for a decision.</source>
      <translation>Rien n’attend de décision.</translation>
    </message>
    <message>
      <source>Found in the new version ({version})</source>
      <translation>Trouvé dans la nouvelle version ({version})</translation>
    </message>
    <message>
      <source>Not placed: nothing in the new version matches these words and their context with confidence.</source>
      <translation>Non placé : rien dans la nouvelle version ne correspond avec certitude à ces mots et à leur contexte.</translation>
    </message>
    <message>
      <source>Kept as an orphan: it is listed for review and never deleted.</source>
      <translation>Gardé comme orphelin : il reste listé pour examen et n’est jamais supprimé.</translation>
    </message>
    <message>
      <source>Not placed with confidence in the new version. Re-attach it by hand, or keep it as an orphan.</source>
      <translation>Non placé avec certitude dans la nouvelle version. Rattachez-le à la main, ou gardez-le comme orphelin.</translation>
    </message>
    <message>
      <source>Placement confirmed. The printed quote still has the earlier wording: “Update printed quote” takes the new one.</source>
      <translation>Emplacement confirmé. La citation imprimée garde la formulation précédente : « Mettre à jour la citation imprimée » reprend la nouvelle.</translation>
    </message>
    <message>
      <source>Placement confirmed; the printed quote has the new wording.</source>
      <translation>Emplacement confirmé ; la citation imprimée a la nouvelle formulation.</translation>
    </message>
    <message>
      <source>Placed by an approximate match (score {score} of 100). Confirm it only if the words on the right are the passage you cited.</source>
      <translation>Placé par correspondance approximative (score {score} sur 100). Ne le confirmez que si les mots de droite sont bien le passage que vous avez cité.</translation>
    </message>
  </context>
  <context>
    <name>ReattachDialog</name>
    <message>
      <source>Re-attach a passage by hand</source>
      <translation>Rattacher un passage à la main</translation>
    </message>
    <message>
      <source>Select the words of the new version that stand for: “{words}”</source>
      <translation>Sélectionnez les mots de la nouvelle version qui correspondent à : « {words} »</translation>
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
      <translation>Rejoinder a rencontré un problème</translation>
    </message>
    <message>
      <source>Something went wrong that Rejoinder did not expect. Your project is safe: every change was saved when you made it. Please send this report to support.</source>
      <translation>Un incident imprévu s’est produit. Votre projet est intact : chaque modification a été enregistrée au moment où vous l’avez faite. Veuillez envoyer ce rapport à l’assistance.</translation>
    </message>
    <message>
      <source>The report was also saved as {path}.</source>
      <translation>Le rapport a aussi été enregistré sous {path}.</translation>
    </message>
    <message>
      <source>Copy report</source>
      <translation>Copier le rapport</translation>
    </message>
  </context>
  <context>
    <name>exporting</name>
    <message>
      <source>Writing the Word document…</source>
      <translation>Écriture du document Word…</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Exporter</translation>
    </message>
    <message>
      <source>The contribution was saved as {path}.</source>
      <translation>La contribution a été enregistrée sous {path}.</translation>
    </message>
    <message>
      <source>It is recorded as sent ({name}, sha256 {sha}…).</source>
      <translation>Elle est enregistrée comme envoyée ({name}, sha256 {sha}…).</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>Ouvrir le dossier</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <source>Bold</source>
      <translation>Gras</translation>
    </message>
    <message>
      <source>Italic</source>
      <translation>Italique</translation>
    </message>
    <message>
      <source>Underline</source>
      <translation>Souligné</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>Lien</translation>
    </message>
    <message>
      <source>Footnote (or edit the footnote at the caret)</source>
      <translation>Note de bas de page (ou modifier celle du curseur)</translation>
    </message>
    <message>
      <source>Phrasebook</source>
      <translation>Formules</translation>
    </message>
    <message>
      <source>Apply the printed quote</source>
      <translation>Appliquer la citation imprimée</translation>
    </message>
    <message>
      <source>Extend the selection in the reader</source>
      <translation>Étendre la sélection dans le lecteur</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Raccourcis clavier</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Touches</translation>
    </message>
    <message>
      <source>User guide</source>
      <translation>Guide de l’utilisateur</translation>
    </message>
    <message>
      <source>&lt;h3&gt;Rejoinder {version}&lt;/h3&gt;&lt;p&gt;Draft a delegation's comments on the other parties' submissions and export them as one Word document.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Logs: {logs}&lt;br&gt;Backups (made before every merge and upgrade): {backups}&lt;br&gt;Settings: {settings}&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Rejoinder {version}&lt;/h3&gt;&lt;p&gt;Rédigez les observations d’une délégation sur les contributions des autres parties et exportez-les en un seul document Word.&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence publique générale GNU, version 3 ou ultérieure.&lt;/p&gt;&lt;p&gt;Journaux : {logs}&lt;br&gt;Sauvegardes (faites avant chaque fusion et mise à niveau) : {backups}&lt;br&gt;Paramètres : {settings}&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Aide</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
      <source>&amp;User guide</source>
      <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
      <source>&amp;About Rejoinder</source>
      <translation>À &amp;propos de Rejoinder</translation>
    </message>
    <message>
      <source>About Rejoinder</source>
      <translation>À propos de Rejoinder</translation>
    </message>
  </context>
  <context>
    <name>importing</name>
    <message>
      <source>Reading the documents…</source>
      <translation>Lecture des documents…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Import documents</source>
      <translation>Importer des documents</translation>
    </message>
    <message>
      <source>Some documents were not imported:</source>
      <translation>Certains documents n’ont pas été importés :</translation>
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
      <translation>&amp;Fichier</translation>
    </message>
    <message>
      <source>&amp;New project…</source>
      <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
      <source>Connect to &amp;team server…</source>
      <translation>Se connecter au serveur d’é&amp;quipe…</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>Ouvrir un projet &amp;récent</translation>
    </message>
    <message>
      <source>Open &amp;demo</source>
      <translation>Ouvrir la &amp;démonstration</translation>
    </message>
    <message>
      <source>&amp;Import documents…</source>
      <translation>&amp;Importer des documents…</translation>
    </message>
    <message>
      <source>&amp;Export contribution…</source>
      <translation>&amp;Exporter la contribution…</translation>
    </message>
    <message>
      <source>Project &amp;properties…</source>
      <translation>&amp;Propriétés du projet…</translation>
    </message>
    <message>
      <source>&amp;Close project</source>
      <translation>Fermer le pro&amp;jet</translation>
    </message>
    <message>
      <source>Se&amp;ttings…</source>
      <translation>Para&amp;mètres…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>É&amp;dition</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>Afficha&amp;ge</translation>
    </message>
    <message>
      <source>Save the new project as</source>
      <translation>Enregistrer le nouveau projet sous</translation>
    </message>
    <message>
      <source>Open a project</source>
      <translation>Ouvrir un projet</translation>
    </message>
    <message>
      <source>{title} — Rejoinder</source>
      <translation>{title} — Rejoinder</translation>
    </message>
    <message>
      <source>Edit project properties</source>
      <translation>Modifier les propriétés du projet</translation>
    </message>
  </context>
  <context>
    <name>merge_ui</name>
    <message>
      <source>Merge a colleague's copy of this project</source>
      <translation>Fusionner la copie de ce projet d’un collègue</translation>
    </message>
    <message>
      <source>Merging “{name}”…</source>
      <translation>Fusion de « {name} »…</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>Fusionner</translation>
    </message>
    <message>
      <source>Merged: {added}, {changed}, {conflicts}.</source>
      <translation>Fusion faite : {added}, {changed}, {conflicts}.</translation>
    </message>
    <message numerus="yes">
      <source>%n added</source>
      <translation>
        <numerusform>%n ajout</numerusform>
        <numerusform>%n ajouts</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n changed</source>
      <translation>
        <numerusform>%n modification</numerusform>
        <numerusform>%n modifications</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n conflict(s)</source>
      <translation>
        <numerusform>%n conflit</numerusform>
        <numerusform>%n conflits</numerusform>
      </translation>
    </message>
    <message>
      <source>Both of you changed the same things: choose in Edit › Conflicts…</source>
      <translation>Vous avez tous deux modifié les mêmes éléments : choisissez dans Édition › Conflits…</translation>
    </message>
    <message>
      <source>A backup of the project before the merge: {path}</source>
      <translation>Une sauvegarde du projet avant la fusion : {path}</translation>
    </message>
    <message>
      <source>Undo the merge? The project goes back to how it was before the merge; conflicts you resolved since are undone too.</source>
      <translation>Annuler la fusion ? Le projet revient à son état d’avant la fusion ; les conflits tranchés depuis sont aussi annulés.</translation>
    </message>
    <message>
      <source>The merge was undone.</source>
      <translation>La fusion a été annulée.</translation>
    </message>
  </context>
  <context>
    <name>NotesPanel</name>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Auteur</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>Review proposals…</source>
      <translation>Examiner les propositions…</translation>
    </message>
    <message>
      <source>Notes &amp;on:</source>
      <translation>Notes &amp;sur :</translation>
    </message>
    <message>
      <source>the passage</source>
      <translation>le passage</translation>
    </message>
    <message>
      <source>our response</source>
      <translation>notre réponse</translation>
    </message>
    <message>
      <source>Write a note for the delegation…</source>
      <translation>Écrivez une note pour la délégation…</translation>
    </message>
    <message>
      <source>&amp;Add note</source>
      <translation>&amp;Ajouter une note</translation>
    </message>
    <message>
      <source>&amp;Reply</source>
      <translation>&amp;Répondre</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>É&amp;dition</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Supprimer</translation>
    </message>
    <message>
      <source>(deleted)</source>
      <translation>(supprimée)</translation>
    </message>
    <message>
      <source>No response yet.</source>
      <translation>Pas encore de réponse.</translation>
    </message>
    <message>
      <source>Status: {status} since {when}, by {who}.</source>
      <translation>Statut : {status} depuis {when}, par {who}.</translation>
    </message>
    <message numerus="yes">
      <source>%n proposed text(s) from the Word review</source>
      <translation>
        <numerusform>%n texte proposé par la relecture Word</numerusform>
        <numerusform>%n textes proposés par la relecture Word</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>opening</name>
    <message>
      <source>Opening “{name}”…</source>
      <translation>Ouverture de « {name} »…</translation>
    </message>
    <message>
      <source>Open a project</source>
      <translation>Ouvrir un projet</translation>
    </message>
  </context>
  <context>
    <name>OutlinePanel</name>
    <message>
      <source>Add topic…</source>
      <translation>Ajouter un thème…</translation>
    </message>
    <message>
      <source>Cross-reference…</source>
      <translation>Renvoi…</translation>
    </message>
    <message>
      <source>Move the section up</source>
      <translation>Monter la section</translation>
    </message>
    <message>
      <source>Move the section down</source>
      <translation>Descendre la section</translation>
    </message>
    <message>
      <source>Opening (e.g. “We support this paper.”):</source>
      <translation>Ouverture (p. ex. « Nous appuyons ce document. ») :</translation>
    </message>
    <message>
      <source>Closing remarks:</source>
      <translation>Observations finales :</translation>
    </message>
    <message>
      <source>Shared answers print as a cross-reference</source>
      <translation>Les réponses partagées s’impriment comme un renvoi</translation>
    </message>
    <message>
      <source>A passage sharing another's answer (Same answer as…) prints in this section with the phrasebook's cross-reference to where that answer is printed first, instead of the answer's text.</source>
      <translation>Un passage qui partage la réponse d’un autre (Même réponse que…) s’imprime dans cette section avec le renvoi du recueil de formules vers l’endroit où cette réponse est imprimée en premier, au lieu du texte de la réponse.</translation>
    </message>
    <message>
      <source>Edit opening</source>
      <translation>Modifier l’ouverture</translation>
    </message>
    <message>
      <source>Print shared answers as cross-references</source>
      <translation>Imprimer les réponses partagées comme des renvois</translation>
    </message>
    <message>
      <source>Print shared answers in full</source>
      <translation>Imprimer les réponses partagées en entier</translation>
    </message>
    <message>
      <source>Add topic section</source>
      <translation>Ajouter une section thématique</translation>
    </message>
    <message>
      <source>Heading:</source>
      <translation>Titre :</translation>
    </message>
    <message>
      <source>Cross-reference</source>
      <translation>Renvoi</translation>
    </message>
    <message>
      <source>Refer to the section:</source>
      <translation>Renvoyer à la section :</translation>
    </message>
    <message>
      <source>Add cross-reference</source>
      <translation>Ajouter un renvoi</translation>
    </message>
    <message>
      <source>Move section</source>
      <translation>Déplacer la section</translation>
    </message>
  </context>
  <context>
    <name>PassageFilter</name>
    <message>
      <source>A&amp;uthor:</source>
      <translation>A&amp;uteur :</translation>
    </message>
    <message>
      <source>S&amp;tatus:</source>
      <translation>S&amp;tatut :</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Tous</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>Projet</translation>
    </message>
    <message>
      <source>Proposed</source>
      <translation>Proposé</translation>
    </message>
    <message>
      <source>Agreed</source>
      <translation>Approuvé</translation>
    </message>
    <message>
      <source>Sho&amp;w:</source>
      <translation>Affic&amp;her :</translation>
    </message>
    <message>
      <source>All passages</source>
      <translation>Tous les passages</translation>
    </message>
    <message>
      <source>Answered, no position</source>
      <translation>Répondus, sans position</translation>
    </message>
    <message>
      <source>Changed since sent</source>
      <translation>Modifiés depuis l’envoi</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>Tout le monde</translation>
    </message>
  </context>
  <context>
    <name>PassagesPanel</name>
    <message>
      <source>no response</source>
      <translation>sans réponse</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>projet</translation>
    </message>
    <message>
      <source>proposed</source>
      <translation>proposé</translation>
    </message>
    <message>
      <source>agreed</source>
      <translation>approuvé</translation>
    </message>
    <message>
      <source>The colour of a passage says where its response stands</source>
      <translation>La couleur d’un passage indique où en est sa réponse</translation>
    </message>
    <message>
      <source>Printed quote (use … for omissions, [ ] for insertions):</source>
      <translation>Citation imprimée (… pour les omissions, [ ] pour les ajouts) :</translation>
    </message>
    <message>
      <source>Apply quote</source>
      <translation>Appliquer</translation>
    </message>
    <message>
      <source>Save the printed quote (Ctrl+Return)</source>
      <translation>Enregistrer la citation imprimée (Ctrl+Entrée)</translation>
    </message>
    <message>
      <source>&amp;Delete passage</source>
      <translation>&amp;Supprimer le passage</translation>
    </message>
    <message>
      <source>Move &amp;up</source>
      <translation>&amp;Monter</translation>
    </message>
    <message>
      <source>Move d&amp;own</source>
      <translation>&amp;Descendre</translation>
    </message>
    <message>
      <source>Move to &amp;section…</source>
      <translation>Déplacer vers une s&amp;ection…</translation>
    </message>
    <message>
      <source>Same &amp;answer as…</source>
      <translation>Même &amp;réponse que…</translation>
    </message>
    <message>
      <source>Add &amp;note…</source>
      <translation>Ajouter une &amp;note…</translation>
    </message>
    <message>
      <source>p. {label}</source>
      <translation>p. {label}</translation>
    </message>
    <message>
      <source>para. {n}</source>
      <translation>par. {n}</translation>
    </message>
    <message>
      <source>not found in the new version</source>
      <translation>introuvable dans la nouvelle version</translation>
    </message>
    <message>
      <source>quote differs from the source</source>
      <translation>la citation diffère de la source</translation>
    </message>
    <message>
      <source>✎ {n}</source>
      <translation>✎ {n}</translation>
    </message>
    <message numerus="yes">
      <source>%n note(s) on this passage (Notes panel)</source>
      <translation>
        <numerusform>%n note sur ce passage (panneau Notes)</numerusform>
        <numerusform>%n notes sur ce passage (panneau Notes)</numerusform>
      </translation>
    </message>
    <message>
      <source>• no position</source>
      <translation>• sans position</translation>
    </message>
    <message>
      <source>↻ changed since sent</source>
      <translation>↻ modifié depuis l’envoi</translation>
    </message>
    <message>
      <source>Faithful</source>
      <translation>Fidèle</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>Ajouter une note</translation>
    </message>
    <message>
      <source>Note for the delegation (never exported):</source>
      <translation>Note pour la délégation (jamais exportée) :</translation>
    </message>
    <message>
      <source>Move to section</source>
      <translation>Déplacer vers une section</translation>
    </message>
    <message>
      <source>Print the passage in:</source>
      <translation>Imprimer le passage dans :</translation>
    </message>
    <message>
      <source>Same answer as</source>
      <translation>Même réponse que</translation>
    </message>
    <message>
      <source>Answer this passage as:</source>
      <translation>Répondre à ce passage comme à :</translation>
    </message>
  </context>
  <context>
    <name>PreflightPanel</name>
    <message>
      <source>Check again</source>
      <translation>Vérifier à nouveau</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Vérification…</translation>
    </message>
    <message numerus="yes">
      <source>%n problem(s) to fix before sending.</source>
      <translation>
        <numerusform>%n problème à corriger avant l’envoi.</numerusform>
        <numerusform>%n problèmes à corriger avant l’envoi.</numerusform>
      </translation>
    </message>
    <message>
      <source>No problems found: ready to export.</source>
      <translation>Aucun problème : prêt pour l’export.</translation>
    </message>
  </context>
  <context>
    <name>PreviewPanel</name>
    <message>
      <source>Layout:</source>
      <translation>Présentation :</translation>
    </message>
    <message>
      <source>Grouped</source>
      <translation>Groupée</translation>
    </message>
    <message>
      <source>Interleaved</source>
      <translation>Alternée</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>Tableau</translation>
    </message>
  </context>
  <context>
    <name>SourceView</name>
    <message>
      <source>Cite selection</source>
      <translation>Citer la sélection</translation>
    </message>
    <message>
      <source>page {label}</source>
      <translation>page {label}</translation>
    </message>
    <message>
      <source>p. {label}</source>
      <translation>p. {label}</translation>
    </message>
  </context>
  <context>
    <name>ReaderPanel</name>
    <message>
      <source>Find in this source</source>
      <translation>Rechercher dans cette source</translation>
    </message>
    <message>
      <source>Close the find bar (Esc)</source>
      <translation>Fermer la barre de recherche (Échap)</translation>
    </message>
  </context>
  <context>
    <name>replaced</name>
    <message>
      <source>Merge the two now? The file on disk is opened and your copy is merged into it; your copy stays where it is.</source>
      <translation>Fusionner les deux maintenant ? Le fichier sur le disque est ouvert et votre copie y est fusionnée ; votre copie reste où elle est.</translation>
    </message>
  </context>
  <context>
    <name>ResponseEditor</name>
    <message>
      <source>&amp;History…</source>
      <translation>&amp;Historique…</translation>
    </message>
    <message>
      <source>Earlier texts of this response, and restore one</source>
      <translation>Les textes antérieurs de cette réponse, pour en rétablir un</translation>
    </message>
    <message>
      <source>Select a passage, then write our comment here.</source>
      <translation>Sélectionnez un passage, puis écrivez ici notre observation.</translation>
    </message>
    <message>
      <source>&amp;Position:</source>
      <translation>&amp;Position :</translation>
    </message>
    <message>
      <source>— none —</source>
      <translation>— aucune —</translation>
    </message>
    <message>
      <source>Agree</source>
      <translation>D’accord</translation>
    </message>
    <message>
      <source>Partly agree</source>
      <translation>Partiellement d’accord</translation>
    </message>
    <message>
      <source>Disagree</source>
      <translation>Pas d’accord</translation>
    </message>
    <message>
      <source>Strongly disagree</source>
      <translation>Profond désaccord</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>No position yet</source>
      <translation>Pas encore de position</translation>
    </message>
    <message>
      <source>This response has no position (agree, disagree, …); check lists it</source>
      <translation>Cette réponse n’a pas de position (d’accord, pas d’accord, …) ; la vérification la signale</translation>
    </message>
    <message>
      <source>&amp;Status:</source>
      <translation>&amp;Statut :</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>Projet</translation>
    </message>
    <message>
      <source>Proposed</source>
      <translation>Proposé</translation>
    </message>
    <message>
      <source>Agreed</source>
      <translation>Approuvé</translation>
    </message>
    <message>
      <source>Proposed change (printed by the table layout):</source>
      <translation>Modification proposée (imprimée par la présentation en tableau) :</translation>
    </message>
    <message>
      <source>Link…</source>
      <translation>Lien…</translation>
    </message>
    <message>
      <source>Link (Ctrl+K)</source>
      <translation>Lien (Ctrl+K)</translation>
    </message>
    <message>
      <source>Footnote</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Footnote ({keys})</source>
      <translation>Note de bas de page ({keys})</translation>
    </message>
    <message>
      <source>Phrasebook</source>
      <translation>Formules</translation>
    </message>
    <message>
      <source>Standard sentences (Ctrl+Shift+P)</source>
      <translation>Formules types (Ctrl+Maj+P)</translation>
    </message>
    <message>
      <source>No passage selected.</source>
      <translation>Aucun passage sélectionné.</translation>
    </message>
    <message>
      <source>Response to “{quote}”</source>
      <translation>Réponse à « {quote} »</translation>
    </message>
    <message>
      <source>Draft until someone proposes it</source>
      <translation>Projet tant que personne ne le propose</translation>
    </message>
    <message>
      <source>{status} since {when}, by {who}</source>
      <translation>{status} depuis {when}, par {who}</translation>
    </message>
    <message>
      <source>Reopen the response</source>
      <translation>Rouvrir la réponse</translation>
    </message>
    <message>
      <source>Why does the response go back from {old} to {new}?</source>
      <translation>Pourquoi la réponse repasse-t-elle de {old} à {new} ?</translation>
    </message>
  </context>
  <context>
    <name>ProposalsDialog</name>
    <message>
      <source>Proposed texts from the Word review</source>
      <translation>Textes proposés par la relecture Word</translation>
    </message>
    <message>
      <source>The proposal is marked against the current text: {legend}</source>
      <translation>La proposition est marquée par rapport au texte actuel : {legend}</translation>
    </message>
    <message>
      <source>&amp;Accept</source>
      <translation>&amp;Accepter</translation>
    </message>
    <message>
      <source>&amp;Decline…</source>
      <translation>&amp;Refuser…</translation>
    </message>
    <message>
      <source>Current text</source>
      <translation>Texte actuel</translation>
    </message>
    <message>
      <source>Proposed</source>
      <translation>Proposé</translation>
    </message>
    <message>
      <source>No proposals left to decide.</source>
      <translation>Plus aucune proposition à trancher.</translation>
    </message>
    <message>
      <source>Proposed by {who}, {when}</source>
      <translation>Proposé par {who}, {when}</translation>
    </message>
    <message>
      <source>Decline the proposal</source>
      <translation>Refuser la proposition</translation>
    </message>
    <message>
      <source>Why is the proposal not taken? (optional, kept as a note)</source>
      <translation>Pourquoi la proposition n’est-elle pas retenue ? (facultatif, gardé en note)</translation>
    </message>
  </context>
  <context>
    <name>StaleProposalDialog</name>
    <message>
      <source>A proposal made on an older text</source>
      <translation>Une proposition faite sur un texte antérieur</translation>
    </message>
    <message>
      <source>{who} edited the text sent for review. The response was rewritten here since, in the same places, so the two cannot be combined by themselves. Take one of the three texts, or write the text to keep below. Changes against the text sent for review: {legend}</source>
      <translation>{who} a modifié le texte envoyé pour relecture. La réponse a été réécrite ici depuis, aux mêmes endroits : les deux ne peuvent pas être combinés automatiquement. Reprenez l’un des trois textes, ou écrivez ci-dessous le texte à garder. Modifications par rapport au texte envoyé pour relecture : {legend}</translation>
    </message>
    <message>
      <source>Sent for review</source>
      <translation>Envoyé pour relecture</translation>
    </message>
    <message>
      <source>Current text (our changes)</source>
      <translation>Texte actuel (nos modifications)</translation>
    </message>
    <message>
      <source>Proposed by {who}</source>
      <translation>Proposé par {who}</translation>
    </message>
    <message>
      <source>Use this text</source>
      <translation>Reprendre ce texte</translation>
    </message>
    <message>
      <source>Text to keep (edit it to merge both):</source>
      <translation>Texte à garder (modifiez-le pour fusionner les deux) :</translation>
    </message>
    <message>
      <source>&amp;Accept this text</source>
      <translation>&amp;Accepter ce texte</translation>
    </message>
  </context>
  <context>
    <name>review_ui</name>
    <message>
      <source>Export a review copy for Word</source>
      <translation>Exporter une copie de relecture pour Word</translation>
    </message>
    <message>
      <source>Import a review copy annotated in Word</source>
      <translation>Importer une copie de relecture annotée dans Word</translation>
    </message>
    <message>
      <source>Reading “{name}”…</source>
      <translation>Lecture de « {name} »…</translation>
    </message>
    <message>
      <source>Import Word review</source>
      <translation>Importer la relecture Word</translation>
    </message>
    <message>
      <source>Notes added: {n}. Proposed texts: {p}.</source>
      <translation>Notes ajoutées : {n}. Textes proposés : {p}.</translation>
    </message>
    <message>
      <source>Already imported before: {n}.</source>
      <translation>Déjà importés auparavant : {n}.</translation>
    </message>
    <message>
      <source>New reviewers: {names}.</source>
      <translation>Nouveaux relecteurs : {names}.</translation>
    </message>
    <message>
      <source>Could not be placed (kept here, not dropped):</source>
      <translation>Impossibles à placer (conservés ici, pas abandonnés) :</translation>
    </message>
  </context>
  <context>
    <name>FootnoteDialog</name>
    <message>
      <source>Footnote</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Text of the footnote:</source>
      <translation>Texte de la note de bas de page :</translation>
    </message>
  </context>
  <context>
    <name>RichEdit</name>
    <message>
      <source>Link</source>
      <translation>Lien</translation>
    </message>
    <message>
      <source>Address (https://…):</source>
      <translation>Adresse (https://…) :</translation>
    </message>
    <message>
      <source>B</source>
      <translation>G</translation>
    </message>
    <message>
      <source>Bold</source>
      <translation>Gras</translation>
    </message>
    <message>
      <source>I</source>
      <translation>I</translation>
    </message>
    <message>
      <source>Italic</source>
      <translation>Italique</translation>
    </message>
    <message>
      <source>U</source>
      <translation>S</translation>
    </message>
    <message>
      <source>Underline</source>
      <translation>Souligné</translation>
    </message>
    <message>
      <source>Link…</source>
      <translation>Lien…</translation>
    </message>
    <message>
      <source>Footnote</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Footnote ({keys})</source>
      <translation>Note de bas de page ({keys})</translation>
    </message>
  </context>
  <context>
    <name>SearchPanel</name>
    <message>
      <source>Search sources, quotes and responses</source>
      <translation>Rechercher dans les sources, citations et réponses</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Texte</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>Citation</translation>
    </message>
    <message>
      <source>Response</source>
      <translation>Réponse</translation>
    </message>
    <message numerus="yes">
      <source>%n result(s)</source>
      <translation>
        <numerusform>%n résultat</numerusform>
        <numerusform>%n résultats</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Sending</name>
    <message>
      <source>What &amp;changed since sent…</source>
      <translation>&amp;Modifications depuis l’envoi…</translation>
    </message>
    <message>
      <source>Submission &amp;deadline…</source>
      <translation>É&amp;chéance de remise…</translation>
    </message>
  </context>
  <context>
    <name>sent_ui</name>
    <message>
      <source>Passage added</source>
      <translation>Passage ajouté</translation>
    </message>
    <message>
      <source>Passage removed</source>
      <translation>Passage supprimé</translation>
    </message>
    <message>
      <source>Quote edited</source>
      <translation>Citation modifiée</translation>
    </message>
    <message>
      <source>Response edited</source>
      <translation>Réponse modifiée</translation>
    </message>
    <message>
      <source>Position changed</source>
      <translation>Position changée</translation>
    </message>
    <message>
      <source>Status moved</source>
      <translation>Statut changé</translation>
    </message>
    <message>
      <source>Answer printed as</source>
      <translation>Réponse imprimée comme</translation>
    </message>
    <message>
      <source>no position</source>
      <translation>sans position</translation>
    </message>
    <message>
      <source>Agree</source>
      <translation>D’accord</translation>
    </message>
    <message>
      <source>Partly agree</source>
      <translation>Partiellement d’accord</translation>
    </message>
    <message>
      <source>Disagree</source>
      <translation>Pas d’accord</translation>
    </message>
    <message>
      <source>Strongly disagree</source>
      <translation>Profond désaccord</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>Projet</translation>
    </message>
    <message>
      <source>Proposed</source>
      <translation>Proposé</translation>
    </message>
    <message>
      <source>Agreed</source>
      <translation>Approuvé</translation>
    </message>
    <message>
      <source>its text</source>
      <translation>son texte</translation>
    </message>
    <message>
      <source>a cross-reference</source>
      <translation>un renvoi</translation>
    </message>
    <message>
      <source>The {name} was sent on {when} UTC by {member}: {file} (sha256 {sha}…).</source>
      <translation>La version {name} a été envoyée le {when} UTC par {member} : {file} (sha256 {sha}…).</translation>
    </message>
  </context>
  <context>
    <name>ChangesDialog</name>
    <message>
      <source>What changed since sent</source>
      <translation>Modifications depuis l’envoi</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Modification</translation>
    </message>
    <message>
      <source>Party</source>
      <translation>Partie</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>Citation</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Avant</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>Maintenant</translation>
    </message>
    <message>
      <source>Nothing has been sent yet. Export the contribution as the final version (File › Export contribution…) to record what is sent.</source>
      <translation>Rien n’a encore été envoyé. Exportez la contribution en version finale (Fichier › Exporter la contribution…) pour enregistrer ce qui est envoyé.</translation>
    </message>
    <message>
      <source>No change since.</source>
      <translation>Aucune modification depuis.</translation>
    </message>
    <message numerus="yes">
      <source>%n change(s) since:</source>
      <translation>
        <numerusform>%n modification depuis :</numerusform>
        <numerusform>%n modifications depuis :</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SimilarPanel</name>
    <message>
      <source>Select a passage to see what other sources say alike.</source>
      <translation>Choisissez un passage pour voir ce que les autres sources disent de semblable.</translation>
    </message>
    <message>
      <source>Cite</source>
      <translation>Citer</translation>
    </message>
    <message>
      <source>Cite this span of the other source</source>
      <translation>Citer ce passage de l'autre source</translation>
    </message>
    <message>
      <source>Same answer</source>
      <translation>Même réponse</translation>
    </message>
    <message>
      <source>Cite this span (if needed) and answer it with this passage's answer</source>
      <translation>Citer ce passage (si besoin) et lui donner la réponse de ce passage-ci</translation>
    </message>
    <message>
      <source>Refer to our answer</source>
      <translation>Renvoyer à notre réponse</translation>
    </message>
    <message>
      <source>Write in the other party's section: we refer to our comments where this passage is answered</source>
      <translation>Écrire dans la section de l'autre partie : nous renvoyons à nos commentaires là où ce passage reçoit sa réponse</translation>
    </message>
    <message>
      <source>Looking for similar passages…</source>
      <translation>Recherche de passages semblables…</translation>
    </message>
    <message>
      <source>Our answer ({status}): {text}</source>
      <translation>Notre réponse ({status}) : {text}</translation>
    </message>
    <message>
      <source>Cited, not answered yet</source>
      <translation>Cité, pas encore de réponse</translation>
    </message>
    <message numerus="yes">
      <source>%n similar passage(s) in other sources, best first.</source>
      <translation>
        <numerusform>%n passage semblable dans les autres sources.</numerusform>
        <numerusform>%n passages semblables dans les autres sources, les plus proches d’abord.</numerusform>
      </translation>
    </message>
    <message>
      <source>No other source says anything like this passage.</source>
      <translation>Aucune autre source ne dit rien de semblable.</translation>
    </message>
    <message>
      <source>Cite passage</source>
      <translation>Citer le passage</translation>
    </message>
    <message>
      <source>Same answer as</source>
      <translation>Même réponse que</translation>
    </message>
  </context>
  <context>
    <name>SourceActions</name>
    <message>
      <source>Save a &amp;copy…</source>
      <translation>Enregistrer une &amp;copie…</translation>
    </message>
    <message>
      <source>&amp;Source</source>
      <translation>&amp;Source</translation>
    </message>
    <message>
      <source>Import new &amp;version…</source>
      <translation>Importer une nouvelle &amp;version…</translation>
    </message>
    <message>
      <source>Show &amp;original file</source>
      <translation>Afficher le fichier &amp;original</translation>
    </message>
    <message>
      <source>Check &amp;placements…</source>
      <translation>Vérifier les &amp;emplacements…</translation>
    </message>
    <message>
      <source>Save a copy of the project</source>
      <translation>Enregistrer une copie du projet</translation>
    </message>
    <message>
      <source>A copy was saved as {path}.</source>
      <translation>Une copie a été enregistrée sous {path}.</translation>
    </message>
    <message>
      <source>Choose the source that has a new version first.</source>
      <translation>Choisissez d’abord la source qui a une nouvelle version.</translation>
    </message>
    <message>
      <source>Import a new version</source>
      <translation>Importer une nouvelle version</translation>
    </message>
    <message>
      <source>The new version was imported.</source>
      <translation>La nouvelle version a été importée.</translation>
    </message>
    <message>
      <source>Passages found at a new place: {n}.</source>
      <translation>Passages retrouvés à un nouvel endroit : {n}.</translation>
    </message>
    <message>
      <source>Passages re-attached by approximate match (check them): {n}.</source>
      <translation>Passages rattachés par correspondance approximative (à vérifier) : {n}.</translation>
    </message>
    <message>
      <source>Passages not found in the new version: {n}. They are kept and marked ✗ in the Passages panel.</source>
      <translation>Passages introuvables dans la nouvelle version : {n}. Ils sont conservés et marqués ✗ dans le panneau Passages.</translation>
    </message>
    <message>
      <source>This source was pasted: there is no original file.</source>
      <translation>Cette source a été collée : il n’y a pas de fichier original.</translation>
    </message>
  </context>
  <context>
    <name>SourcesPanel</name>
    <message>
      <source>&amp;Rename…</source>
      <translation>&amp;Renommer…</translation>
    </message>
    <message>
      <source>Re&amp;move</source>
      <translation>Re&amp;tirer</translation>
    </message>
    <message>
      <source>&amp;Import documents…</source>
      <translation>&amp;Importer des documents…</translation>
    </message>
    <message>
      <source>submission</source>
      <translation>contribution</translation>
    </message>
    <message>
      <source>reference</source>
      <translation>référence</translation>
    </message>
    <message numerus="yes">
      <source>%n page(s)</source>
      <translation>
        <numerusform>%n page</numerusform>
        <numerusform>%n pages</numerusform>
      </translation>
    </message>
    <message>
      <source>{kind} · {pages} · {answered}/{cited} answered</source>
      <translation>{kind} · {pages} · {answered}/{cited} avec réponse</translation>
    </message>
    <message>
      <source>Rename source</source>
      <translation>Renommer la source</translation>
    </message>
    <message>
      <source>Party or author:</source>
      <translation>Partie ou auteur :</translation>
    </message>
    <message>
      <source>Remove “{label}”</source>
      <translation>Retirer « {label} »</translation>
    </message>
  </context>
  <context>
    <name>StatusController</name>
    <message>
      <source>, p. {label}</source>
      <translation>, p. {label}</translation>
    </message>
    <message>
      <source>passage “{quote}”{page}</source>
      <translation>passage « {quote} »{page}</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>Enregistré</translation>
    </message>
  </context>
  <context>
    <name>TeamFeature</name>
    <message>
      <source>member</source>
      <translation>membre</translation>
    </message>
    <message>
      <source>Team server {address} · {role}</source>
      <translation>Serveur d’équipe {address} · {role}</translation>
    </message>
    <message>
      <source>Team server: no live updates (the connection was lost); reopen to resume</source>
      <translation>Serveur d’équipe : plus de mises à jour en direct (connexion perdue) ; rouvrez le projet pour les reprendre</translation>
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
      <translation>Citez les passages des contributions des autres parties auxquels vous voulez répondre, rédigez vos observations et exportez votre contribution en document Word.</translation>
    </message>
    <message>
      <source>&amp;New project…</source>
      <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
      <source>Open &amp;demo</source>
      <translation>Ouvrir la &amp;démonstration</translation>
    </message>
    <message>
      <source>Recent projects:</source>
      <translation>Projets récents :</translation>
    </message>
    <message>
      <source>{title}    —    on the team server {url}</source>
      <translation>{title}    —    sur le serveur d’équipe {url}</translation>
    </message>
    <message>
      <source>No recent projects yet.</source>
      <translation>Pas encore de projet récent.</translation>
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
      <translation>Et maintenant ?

1. Importez une contribution : Fichier › Importer des documents… (Ctrl+Maj+I), ou déposez des fichiers PDF, Word ou texte sur cette fenêtre.
2. Choisissez-la sous Sources ; elle s’ouvre ici.
3. Sélectionnez une phrase et appuyez sur Ctrl+Maj+C (Citer la sélection) pour la citer.
4. Écrivez notre réponse dans le panneau Réponse, à droite.

Aide › Guide de l’utilisateur (F1 pour les touches) en dit plus.</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>Sources</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Recherche</translation>
    </message>
    <message>
      <source>Passages</source>
      <translation>Passages</translation>
    </message>
    <message>
      <source>Response</source>
      <translation>Réponse</translation>
    </message>
    <message>
      <source>Similar passages</source>
      <translation>Passages semblables</translation>
    </message>
    <message>
      <source>Outline</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Aperçu</translation>
    </message>
    <message>
      <source>Preflight</source>
      <translation>Vérification</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Annuler</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Rétablir</translation>
    </message>
    <message>
      <source>&amp;Cite selection</source>
      <translation>&amp;Citer la sélection</translation>
    </message>
    <message>
      <source>&amp;Find in source…</source>
      <translation>Rec&amp;hercher dans la source…</translation>
    </message>
    <message>
      <source>&amp;Search the project…</source>
      <translation>Rechercher dans le &amp;projet…</translation>
    </message>
    <message>
      <source>&amp;Preflight check</source>
      <translation>&amp;Vérification avant envoi</translation>
    </message>
    <message>
      <source>Mark cut sentences with …</source>
      <translation>Marquer les phrases coupées par …</translation>
    </message>
    <message>
      <source>Main toolbar</source>
      <translation>Barre d’outils principale</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Rétablir</translation>
    </message>
    <message>
      <source>Select some text of the source to cite.</source>
      <translation>Sélectionnez le texte de la source à citer.</translation>
    </message>
    <message>
      <source>Import documents</source>
      <translation>Importer des documents</translation>
    </message>
  </context>
</TS>
