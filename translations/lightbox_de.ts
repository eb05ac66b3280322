<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnnotationCommand</name>
    <message>
        <source>ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>box</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Draw a finding (%1)</source>
        <translation>Befund zeichnen (%1)</translation>
    </message>
    <message>
        <source>Extent of finding %1</source>
        <translation>Ausdehnung von Befund %1</translation>
    </message>
    <message>
        <source>Add category “%1”</source>
        <translation>Kategorie „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Rename category “%1” to “%2”</source>
        <translation>Kategorie „%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <source>Remove category “%1”</source>
        <translation>Kategorie „%1“ entfernen</translation>
    </message>
    <message>
        <source>Reorder the categories</source>
        <translation>Kategorien neu ordnen</translation>
    </message>
</context>
<context>
    <name>CurvesText</name>
    <message>
        <source>undefined</source>
        <translation>nicht definiert</translation>
    </message>
    <message>
        <source>ROC — AUROC %1</source>
        <translation>ROC – AUROC %1</translation>
    </message>
    <message>
        <source>Precision–recall — AP %1</source>
        <translation>Präzision–Recall – AP %1</translation>
    </message>
    <message>
        <source>above every score</source>
        <translation>über allen Scores</translation>
    </message>
    <message>
        <source>%1 TP, %2 FP, %3 FN, %4 TN images</source>
        <translation>Bilder: %1 TP, %2 FP, %3 FN, %4 TN</translation>
    </message>
    <message>
        <source>%1 TP, %2 FP, %3 FN, %4 TN voxels</source>
        <translation>Voxel: %1 TP, %2 FP, %3 FN, %4 TN</translation>
    </message>
    <message>
        <source>Threshold %1: TPR %2, FPR %3, precision %4 (%5)</source>
        <translation>Schwellenwert %1: TPR %2, FPR %3, Präzision %4 (%5)</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>Score %1</translation>
    </message>
    <message>
        <source>%1 voxels (%2 % of the image)</source>
        <translation>%1 Voxel (%2 % des Bildes)</translation>
    </message>
    <message>
        <source>%1 voxels (%2 % of its lesion)</source>
        <translation>%1 Voxel (%2 % seiner Läsion)</translation>
    </message>
</context>
<context>
    <name>DeviceControls</name>
    <message>
        <source>Automatic (CUDA)</source>
        <translation>Automatisch (CUDA)</translation>
    </message>
    <message>
        <source>Automatic (CPU: no CUDA device)</source>
        <translation>Automatisch (CPU: kein CUDA-Gerät)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>This LibTorch has no CUDA, or sees no GPU</source>
        <translation>Dieses LibTorch hat kein CUDA oder sieht keine GPU</translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>LibTorch CPU threads</source>
        <translation>LibTorch-CPU-Threads</translation>
    </message>
</context>
<context>
    <name>Eta</name>
    <message>
        <source>almost done</source>
        <translation>fast fertig</translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation>
            <numerusform>noch %n s</numerusform>
            <numerusform>noch %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>noch etwa %n Min.</numerusform>
            <numerusform>noch etwa %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n h left</source>
        <translation>
            <numerusform>noch etwa %n Std.</numerusform>
            <numerusform>noch etwa %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>noch etwa %1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>W %1  L %2</source>
        <translation>FB %1  FL %2</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>unexpected error</source>
        <translation>unerwarteter Fehler</translation>
    </message>
</context>
<context>
    <name>PredictionText</name>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>on %1, %2 s per image</source>
        <translation>auf %1, %2 s pro Bild</translation>
    </message>
    <message>
        <source>No threshold for this model: maps and scores are stored, findings are not made — propose one on the Training page, then press “Find again at this threshold” here.</source>
        <translation>Kein Schwellenwert für dieses Modell: Karten und Scores werden gespeichert, Befunde werden nicht erstellt – schlagen Sie auf der Seite „Training“ einen vor und klicken Sie dann hier auf „Bei diesem Schwellenwert neu suchen“.</translation>
    </message>
    <message numerus="yes">
        <source>Prediction cancelled after %n image(s); the images done so far are kept</source>
        <translation>
            <numerusform>Vorhersage nach %n Bild abgebrochen; die bisher fertigen Bilder bleiben erhalten</numerusform>
            <numerusform>Vorhersage nach %n Bildern abgebrochen; die bisher fertigen Bilder bleiben erhalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Predicted %n image(s)</source>
        <translation>
            <numerusform>%n Bild vorhergesagt</numerusform>
            <numerusform>%n Bilder vorhergesagt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n failed</source>
        <translation>
            <numerusform>; %n fehlgeschlagen</numerusform>
            <numerusform>; %n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n warning(s)</source>
        <translation>
            <numerusform>; %n Warnung</numerusform>
            <numerusform>; %n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source> — see Details…</source>
        <translation> – siehe „Details…“</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>Images predicted: %1</source>
        <translation>Vorhergesagte Bilder: %1</translation>
    </message>
    <message>
        <source>Images predicted before, left as they were: %1</source>
        <translation>Schon zuvor vorhergesagte Bilder, unverändert gelassen: %1</translation>
    </message>
    <message>
        <source>Seconds per image: %1</source>
        <translation>Sekunden pro Bild: %1</translation>
    </message>
    <message>
        <source>Maps stored: %1</source>
        <translation>Gespeicherte Karten: %1</translation>
    </message>
    <message>
        <source>Findings: %1 at threshold %2</source>
        <translation>Befunde: %1 bei Schwellenwert %2</translation>
    </message>
    <message>
        <source>Cancelled: the images not reached have no prediction yet.</source>
        <translation>Abgebrochen: Die nicht erreichten Bilder haben noch keine Vorhersage.</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
    <message>
        <source>Images that failed (they have no prediction; predict the remaining images to retry):</source>
        <translation>Fehlgeschlagene Bilder (sie haben keine Vorhersage; sagen Sie die verbleibenden Bilder vorher, um es erneut zu versuchen):</translation>
    </message>
    <message>
        <source>Prediction failed: %1</source>
        <translation>Vorhersage fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ReviewText</name>
    <message>
        <source>Accepted</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation>Nicht befundet</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>Keine Befunde</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>%1 of %2 reviewed</source>
        <translation>%1 von %2 befundet</translation>
    </message>
    <message>
        <source>(%1, %2, %3) mm</source>
        <translation>(%1; %2; %3) mm</translation>
    </message>
    <message>
        <source>(%1, %2) mm</source>
        <translation>(%1; %2) mm</translation>
    </message>
    <message>
        <source>%1 mm³</source>
        <translation>%1 mm³</translation>
    </message>
    <message>
        <source>%1 mm²</source>
        <translation>%1 mm²</translation>
    </message>
    <message>
        <source>box</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>✎ manual</source>
        <translation>✎ manuell</translation>
    </message>
    <message>
        <source>✎ manual (%1)</source>
        <translation>✎ manuell (%1)</translation>
    </message>
    <message>
        <source>✎ adjusted</source>
        <translation>✎ angepasst</translation>
    </message>
</context>
<context>
    <name>SliceText</name>
    <message>
        <source>slice %1 of %2</source>
        <translation>Schicht %1 von %2</translation>
    </message>
    <message>
        <source>slice %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>preprocessed</source>
        <translation>vorverarbeitet</translation>
    </message>
</context>
<context>
    <name>ThresholdLogic</name>
    <message>
        <source>Run %1 has no best checkpoint yet.</source>
        <translation>Lauf %1 hat noch keinen besten Checkpoint.</translation>
    </message>
    <message>
        <source>Fold %1 of run %2 has no best checkpoint.</source>
        <translation>Fold %1 von Lauf %2 hat keinen besten Checkpoint.</translation>
    </message>
    <message>
        <source>Run %1 has no fold %2.</source>
        <translation>Lauf %1 hat keinen Fold %2.</translation>
    </message>
    <message>
        <source>best pixel F1 on the held-out synthetic tasks</source>
        <translation>bestes Pixel-F1 der zurückgehaltenen Aufgaben</translation>
    </message>
    <message>
        <source>the false-positive rate on the healthy validation images</source>
        <translation>FP-Rate der gesunden Validierungsbilder</translation>
    </message>
    <message>
        <source>set by the user</source>
        <translation>manuell festgelegt</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>&lt;b&gt;Threshold %1&lt;/b&gt;, set by the user (Review page): it stays in force.</source>
        <translation>&lt;b&gt;Schwellenwert %1&lt;/b&gt;, manuell festgelegt (Seite „Befundung“): Er bleibt gültig.</translation>
    </message>
    <message>
        <source>No threshold proposed yet: predicting finds no regions until one is proposed or set on the Review page.</source>
        <translation>Noch kein Schwellenwert vorgeschlagen: Vorhersagen finden keine Regionen, bis einer vorgeschlagen oder auf der Seite „Befundung“ festgelegt ist.</translation>
    </message>
    <message>
        <source>decided by %1 · F1 %2 on the held-out synthetic tasks (best %3 at %4) · healthy false-positive rate %5 (target %6, reached at %7)</source>
        <translation>Kriterium: %1 · F1 %2 auf zurückgehaltenen synthetischen Aufgaben (bestes %3 bei %4) · FP-Rate gesunder Bilder %5 (Ziel %6, erreicht bei %7)</translation>
    </message>
    <message>
        <source>Proposed beside it: %1.</source>
        <translation>Daneben vorgeschlagen: %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Threshold %1&lt;/b&gt;, proposed.</source>
        <translation>&lt;b&gt;Schwellenwert %1&lt;/b&gt;, vorgeschlagen.</translation>
    </message>
    <message>
        <source>Proposing a threshold: held-out-task sample %1 of %2</source>
        <translation>Schwellenwert wird vorgeschlagen: Beispiel %1 von %2 der zurückgehaltenen Aufgaben</translation>
    </message>
    <message>
        <source>Proposing a threshold: loading the run&apos;s healthy images…</source>
        <translation>Schwellenwert wird vorgeschlagen: gesunde Bilder des Laufs werden geladen…</translation>
    </message>
    <message>
        <source>Proposing a threshold: %1</source>
        <translation>Schwellenwert wird vorgeschlagen: %1</translation>
    </message>
    <message>
        <source>Run %1 is still training: a threshold is proposed once it stops.</source>
        <translation>Lauf %1 trainiert noch: Ein Schwellenwert wird vorgeschlagen, sobald er anhält.</translation>
    </message>
    <message>
        <source>fold %1</source>
        <translation>Fold %1</translation>
    </message>
    <message>
        <source>its only model</source>
        <translation>sein einziges Modell</translation>
    </message>
    <message>
        <source>ensemble of folds %1</source>
        <translation>Ensemble der Folds %1</translation>
    </message>
</context>
<context>
    <name>TrainingLogic</name>
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
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>training</source>
        <translation>trainiert</translation>
    </message>
    <message>
        <source>interrupted — resumable</source>
        <translation>unterbrochen – fortsetzbar</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in der Warteschlange</translation>
    </message>
    <message>
        <source>paused — resumable</source>
        <translation>pausiert – fortsetzbar</translation>
    </message>
    <message>
        <source>cancelled — resumable</source>
        <translation>abgebrochen – fortsetzbar</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU, %n Thread</numerusform>
            <numerusform>CPU, %n Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA GPU %1</source>
        <translation>CUDA-GPU %1</translation>
    </message>
    <message>
        <source>CUDA (not available)</source>
        <translation>CUDA (nicht verfügbar)</translation>
    </message>
</context>
<context>
    <name>lightbox::desktop::DemoLauncher</name>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Building the demo project</source>
        <translation>Demoprojekt wird erstellt</translation>
    </message>
    <message>
        <source>Another job is running; start the demo when it has finished.</source>
        <translation>Ein anderer Auftrag läuft; starten Sie die Demo, wenn er fertig ist.</translation>
    </message>
    <message numerus="yes">
        <source>Building the demo project: Colin27 slices, simulated lesions, %n minute(s) of training</source>
        <translation>
            <numerusform>Demoprojekt wird erstellt: Colin27-Schichten, simulierte Läsionen, %n Minute Training</numerusform>
            <numerusform>Demoprojekt wird erstellt: Colin27-Schichten, simulierte Läsionen, %n Minuten Training</numerusform>
        </translation>
    </message>
    <message>
        <source>The demo was cancelled; start it again to build it from the beginning.</source>
        <translation>Die Demo wurde abgebrochen; starten Sie sie erneut, um sie von vorn zu erstellen.</translation>
    </message>
    <message>
        <source>The demo could not be built: %1</source>
        <translation>Die Demo konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Demo project reused: %1 findings on %2 slices with simulated lesions (threshold %3)</source>
        <translation>Demoprojekt wiederverwendet: %1 Befunde auf %2 Schichten mit simulierten Läsionen (Schwellenwert %3)</translation>
    </message>
    <message>
        <source>Demo project built: %1 findings on %2 slices with simulated lesions (threshold %3)</source>
        <translation>Demoprojekt erstellt: %1 Befunde auf %2 Schichten mit simulierten Läsionen (Schwellenwert %3)</translation>
    </message>
    <message>
        <source>The demo project %1 could not be opened.</source>
        <translation>Das Demoprojekt %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>This build of Lightbox has no training (built without LibTorch), so it cannot build the demo.</source>
        <translation>Dieser Build von Lightbox kann nicht trainieren (ohne LibTorch gebaut) und daher die Demo nicht erstellen.</translation>
    </message>
    <message>
        <source>The demo run %1 is not in the review list.</source>
        <translation>Der Demolauf %1 ist nicht in der Befundungsliste.</translation>
    </message>
</context>
<context>
    <name>lightbox::params</name>
    <message>
        <source>Smallest anomaly (image fraction)</source>
        <translation>Kleinste Anomalie (Bildanteil)</translation>
    </message>
    <message>
        <source>Lower bound of each axis length, as a fraction of the image side (SPEC 1.1)</source>
        <translation>Untergrenze jeder Achsenlänge, als Anteil der Bildseite (SPEC 1.1)</translation>
    </message>
    <message>
        <source>Largest anomaly (image fraction)</source>
        <translation>Größte Anomalie (Bildanteil)</translation>
    </message>
    <message>
        <source>Upper bound of each axis length, as a fraction of the image side</source>
        <translation>Obergrenze jeder Achsenlänge, als Anteil der Bildseite</translation>
    </message>
    <message>
        <source>Most anomalies per image</source>
        <translation>Höchstzahl Anomalien pro Bild</translation>
    </message>
    <message>
        <source>1 to this many anomalies are inserted</source>
        <translation>Es werden 1 bis so viele Anomalien eingefügt</translation>
    </message>
    <message>
        <source>Chance of another anomaly</source>
        <translation>Chance weiterer Anomalie</translation>
    </message>
    <message>
        <source>After each anomaly, another one follows with this probability</source>
        <translation>Nach jeder Anomalie folgt mit dieser Wahrscheinlichkeit eine weitere</translation>
    </message>
    <message>
        <source>Least overlap with the object</source>
        <translation>Mindestüberlappung mit Objekt</translation>
    </message>
    <message>
        <source>Fraction of the anomaly that must lie on the object (brain) mask</source>
        <translation>Anteil der Anomalie, der auf der Objektmaske (Gehirn) liegen muss</translation>
    </message>
    <message>
        <source>Soft label sigma</source>
        <translation>Sigma des weichen Labels</translation>
    </message>
    <message>
        <source>Width of the flipped Gaussian that turns intensity change into the label (SPEC 2)</source>
        <translation>Breite der gespiegelten Gauß-Funktion, die die Intensitätsänderung in das Label umsetzt (SPEC 2)</translation>
    </message>
    <message>
        <source>Patch rotation (radians, ±)</source>
        <translation>Patch-Drehung (Radiant, ±)</translation>
    </message>
    <message>
        <source>The source patch is rotated by up to this angle per axis pair</source>
        <translation>Der Quell-Patch wird pro Achsenpaar um bis zu diesen Winkel gedreht</translation>
    </message>
    <message>
        <source>Patch scale spread</source>
        <translation>Streuung der Patch-Skalierung</translation>
    </message>
    <message>
        <source>Scale = 1 + Exp(mean), or its inverse</source>
        <translation>Skalierung = 1 + Exp(Mittelwert) oder deren Kehrwert</translation>
    </message>
    <message>
        <source>Largest source patch (fraction)</source>
        <translation>Größter Quell-Patch (Anteil)</translation>
    </message>
    <message>
        <source>The source box may cover at most this fraction of the source image</source>
        <translation>Der Quellbereich darf höchstens diesen Anteil des Quellbilds abdecken</translation>
    </message>
    <message>
        <source>Mask growth threshold</source>
        <translation>Schwelle Maskenwachstum</translation>
    </message>
    <message>
        <source>Voxels whose blended value changed by more than this join the anomaly mask</source>
        <translation>Voxel, deren überblendeter Wert sich um mehr als diesen Betrag ändert, kommen zur Anomaliemaske hinzu</translation>
    </message>
    <message>
        <source>Least opacity</source>
        <translation>Geringste Deckkraft</translation>
    </message>
    <message>
        <source>Patch interpolation mixes the patch in with opacity drawn from [least, most]</source>
        <translation>Die Patch-Interpolation mischt den Patch mit einer aus [geringste, höchste] gezogenen Deckkraft ein</translation>
    </message>
    <message>
        <source>Most opacity</source>
        <translation>Höchste Deckkraft</translation>
    </message>
    <message>
        <source>Upper end of the opacity range</source>
        <translation>Obergrenze des Deckkraftbereichs</translation>
    </message>
    <message>
        <source>Least push distance (voxels)</source>
        <translation>Kleinste Verschiebung (Voxel)</translation>
    </message>
    <message>
        <source>How far tissue is moved at least (SPEC 1.6)</source>
        <translation>Wie weit Gewebe mindestens verschoben wird (SPEC 1.6)</translation>
    </message>
    <message>
        <source>Largest push distance (voxels)</source>
        <translation>Größte Verschiebung (Voxel)</translation>
    </message>
    <message>
        <source>How far tissue is moved at most: 5 for brain, 10 for chest X-ray in the paper</source>
        <translation>Wie weit Gewebe höchstens verschoben wird: in der Publikation 5 für Gehirn, 10 für Thorax-Röntgen</translation>
    </message>
    <message>
        <source>Intensity change scale</source>
        <translation>Skala der Intensitätsänderung</translation>
    </message>
    <message>
        <source>Magnitude 0.1 + Gamma(3, scale), random sign per channel (SPEC 1.7)</source>
        <translation>Betrag 0,1 + Gamma(3, Skala), zufälliges Vorzeichen pro Kanal (SPEC 1.7)</translation>
    </message>
    <message>
        <source>Edge ramp base</source>
        <translation>Basis der Randrampe</translation>
    </message>
    <message>
        <source>The change fades in over min(size) x (base + Gamma(shape, scale))</source>
        <translation>Die Änderung blendet über min(Größe) × (Basis + Gamma(Form, Skala)) ein</translation>
    </message>
    <message>
        <source>Edge ramp gamma shape</source>
        <translation>Gamma-Form der Randrampe</translation>
    </message>
    <message>
        <source>Shape of the Gamma draw of the fade-in width</source>
        <translation>Formparameter der Gamma-Ziehung der Einblendbreite</translation>
    </message>
    <message>
        <source>Edge ramp gamma scale</source>
        <translation>Gamma-Skala der Randrampe</translation>
    </message>
    <message>
        <source>Scale of the Gamma draw of the fade-in width</source>
        <translation>Skalenparameter der Gamma-Ziehung der Einblendbreite</translation>
    </message>
    <message>
        <source>Placement attempts</source>
        <translation>Platzierungsversuche</translation>
    </message>
    <message>
        <source>Draws before placement falls back to the best position seen</source>
        <translation>Ziehungen, bevor die Platzierung auf die beste bisher gefundene Position zurückfällt</translation>
    </message>
</context>
<context>
    <name>lightbox::tasks</name>
    <message>
        <source>Intra-dataset Poisson blending</source>
        <translation>Poisson-Überblendung innerhalb des Datensatzes</translation>
    </message>
    <message>
        <source>Tissue from another healthy image, seamlessly blended in: anatomy in the wrong place.</source>
        <translation>Gewebe aus einem anderen gesunden Bild, nahtlos eingeblendet: Anatomie am falschen Ort.</translation>
    </message>
    <message>
        <source>Inter-dataset Poisson blending</source>
        <translation>Poisson-Überblendung zwischen Datensätzen</translation>
    </message>
    <message>
        <source>Texture from a different kind of image, seamlessly blended in: foreign structure such as a tumour.</source>
        <translation>Textur aus einer anderen Bildart, nahtlos eingeblendet: fremde Struktur wie ein Tumor.</translation>
    </message>
    <message>
        <source>Sink deformation</source>
        <translation>Senken-Deformation</translation>
    </message>
    <message>
        <source>Tissue pulled towards a point: atrophy, retraction or a shrinking lesion.</source>
        <translation>Gewebe zu einem Punkt hin gezogen: Atrophie, Retraktion oder eine schrumpfende Läsion.</translation>
    </message>
    <message>
        <source>Source deformation</source>
        <translation>Quellen-Deformation</translation>
    </message>
    <message>
        <source>Tissue pushed away from a point: mass effect of a growing lesion or swelling.</source>
        <translation>Gewebe von einem Punkt weggedrückt: Raumforderung durch eine wachsende Läsion oder Schwellung.</translation>
    </message>
    <message>
        <source>Smooth intensity change</source>
        <translation>Glatte Intensitätsänderung</translation>
    </message>
    <message>
        <source>A region gently brighter or darker than normal: oedema, hyper- or hypo-intense lesions.</source>
        <translation>Ein Bereich, sanft heller oder dunkler als normal: Ödem, hyper- oder hypointense Läsionen.</translation>
    </message>
    <message>
        <source>Cut-paste (extra)</source>
        <translation>Ausschneiden und Einfügen (Extra)</translation>
    </message>
    <message>
        <source>A patch of another healthy image pasted with hard edges; easy to spot, not used in the paper.</source>
        <translation>Ein Ausschnitt eines anderen gesunden Bildes, mit harten Kanten eingefügt; leicht zu erkennen, in der Publikation nicht verwendet.</translation>
    </message>
    <message>
        <source>Patch interpolation (extra)</source>
        <translation>Patch-Interpolation (Extra)</translation>
    </message>
    <message>
        <source>A patch of another healthy image mixed in with a random opacity; not used in the paper.</source>
        <translation>Ein Ausschnitt eines anderen gesunden Bildes, mit zufälliger Deckkraft eingemischt; in der Publikation nicht verwendet.</translation>
    </message>
    <message>
        <source>Cutout (extra)</source>
        <translation>Ausstanzen (Extra)</translation>
    </message>
    <message>
        <source>A region filled with one constant value, like a dropout artefact; not used in the paper.</source>
        <translation>Ein mit einem konstanten Wert gefüllter Bereich, wie ein Signalausfall-Artefakt; in der Publikation nicht verwendet.</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::AnnotationTools</name>
    <message>
        <source>Navigate</source>
        <translation>Navigieren</translation>
    </message>
    <message>
        <source>The viewer&apos;s usual mouse: window/level, zoom, pan</source>
        <translation>Die übliche Maussteuerung des Viewers: Fensterung, Zoom, Verschieben</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Drag a box on the current slice to add a finding the model missed</source>
        <translation>Ein Rechteck auf der aktuellen Schicht aufziehen, um einen vom Modell übersehenen Befund hinzuzufügen</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Drag an ellipse on the current slice to add a finding</source>
        <translation>Eine Ellipse auf der aktuellen Schicht aufziehen, um einen Befund hinzuzufügen</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>Paint a finding on the current slice; Shift or the right button erases (while editing an extent)</source>
        <translation>Einen Befund auf die aktuelle Schicht malen; Umschalt oder die rechte Maustaste radiert (beim Bearbeiten einer Ausdehnung)</translation>
    </message>
    <message>
        <source> vx</source>
        <translation> vx</translation>
    </message>
    <message>
        <source>Brush diameter in voxels</source>
        <translation>Pinseldurchmesser in Voxeln</translation>
    </message>
    <message>
        <source>Edit extent</source>
        <translation>Ausdehnung bearbeiten</translation>
    </message>
    <message>
        <source>Redraw the selected finding: a box or ellipse replaces its region on the current slice, the brush adds to it (Shift or right button: erases). Esc stops.</source>
        <translation>Den ausgewählten Befund neu zeichnen: Rechteck oder Ellipse ersetzen seine Region auf der aktuellen Schicht, der Pinsel ergänzt sie (Umschalt oder rechte Maustaste: radiert). Esc beendet.</translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation>Kategorien…</translation>
    </message>
    <message>
        <source>Edit the project&apos;s list of finding categories</source>
        <translation>Die Liste der Befundkategorien des Projekts bearbeiten</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::AuditExclusionDialog</name>
    <message>
        <source>Exclude Slice or Volume</source>
        <translation>Schicht oder Volumen ausschließen</translation>
    </message>
    <message>
        <source>Exclude Image</source>
        <translation>Bild ausschließen</translation>
    </message>
    <message>
        <source>Exclude this slice</source>
        <translation>Diese Schicht ausschließen</translation>
    </message>
    <message>
        <source>Exclude the whole volume</source>
        <translation>Das ganze Volumen ausschließen</translation>
    </message>
    <message>
        <source>Reason (optional), e.g. ring artefact</source>
        <translation>Grund (optional), z. B. Ringartefakt</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Ausschließen</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::CategoryDialog</name>
    <message>
        <source>Finding categories</source>
        <translation>Befundkategorien</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Every change is stored at once and can be undone on the review page (Ctrl+Z).</source>
        <translation>Jede Änderung wird sofort gespeichert und kann auf der Seite „Befundung“ rückgängig gemacht werden (Strg+Z).</translation>
    </message>
    <message>
        <source>Remove category</source>
        <translation>Kategorie entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) have the category “%1”; removing it leaves them without one. Remove it?</source>
        <translation>
            <numerusform>%n Befund hat die Kategorie „%1“; durch das Entfernen bleibt er ohne Kategorie. Entfernen?</numerusform>
            <numerusform>%n Befunde haben die Kategorie „%1“; durch das Entfernen bleiben sie ohne Kategorie. Entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>Kategorie hinzufügen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rename category</source>
        <translation>Kategorie umbenennen</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::CurveCharts</name>
    <message>
        <source>false-positive rate</source>
        <translation>Falsch-positiv-Rate</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>true-positive rate</source>
        <translation>Richtig-positiv-Rate</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>voxels</source>
        <translation>Voxel</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>Zufall</translation>
    </message>
    <message>
        <source>review threshold</source>
        <translation>Befundungs-Schwellenwert</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <source>Click near the curve to list the images wrong at that threshold</source>
        <translation>In die Nähe der Kurve klicken, um die bei diesem Schwellenwert falsch beurteilten Bilder aufzulisten</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Precision–recall</source>
        <translation>Präzision–Recall</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::CurvesDialog</name>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Double-click or press Enter to show the image in the review</source>
        <translation>Doppelklicken oder Eingabetaste drücken, um das Bild in der Befundung zu zeigen</translation>
    </message>
    <message>
        <source>Curves — %1</source>
        <translation>Kurven – %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Compute again</source>
        <translation>Neu berechnen</translation>
    </message>
    <message>
        <source>One point per image: its score is the mean of its map (the paper&apos;s image score), its label whether it has any ground-truth voxel. The review threshold applies to voxels, so its marker is on the Pixel tab.</source>
        <translation>Ein Punkt pro Bild: Sein Score ist der Mittelwert seiner Karte (der Bild-Score der Publikation), sein Label, ob es ein Referenz-Voxel hat. Der Befundungs-Schwellenwert gilt für Voxel, daher steht seine Markierung auf der Registerkarte „Pixelebene“.</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Bildebene</translation>
    </message>
    <message>
        <source>Every voxel of the images with ground truth. The orange point is the review threshold; a click counts each image&apos;s false-positive and missed voxels.</source>
        <translation>Jedes Voxel der Bilder mit Referenzdaten. Der orange Punkt ist der Befundungs-Schwellenwert; ein Klick zählt die falsch-positiven und übersehenen Voxel jedes Bildes.</translation>
    </message>
    <message>
        <source>Pixel</source>
        <translation>Pixelebene</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Click a point on a curve to list the images it gets wrong.</source>
        <translation>Auf einen Punkt einer Kurve klicken, um die dort falsch beurteilten Bilder aufzulisten.</translation>
    </message>
    <message>
        <source>False positives</source>
        <translation>Falsch-Positive</translation>
    </message>
    <message>
        <source>False negatives</source>
        <translation>Falsch-Negative</translation>
    </message>
    <message>
        <source>Computing the curves…</source>
        <translation>Kurven werden berechnet…</translation>
    </message>
    <message>
        <source>Computing curves</source>
        <translation>Kurven berechnen</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) with ground truth</source>
        <translation>
            <numerusform>%n Bild mit Referenzdaten</numerusform>
            <numerusform>%n Bilder mit Referenzdaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without, left out</source>
        <translation>
            <numerusform>%n ohne, ausgelassen</numerusform>
            <numerusform>%n ohne, ausgelassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>False positives: %n image(s)</source>
        <translation>
            <numerusform>Falsch-Positive: %n Bild</numerusform>
            <numerusform>Falsch-Positive: %n Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>False negatives: %n image(s)</source>
        <translation>
            <numerusform>Falsch-Negative: %n Bild</numerusform>
            <numerusform>Falsch-Negative: %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>False positives: counting…</source>
        <translation>Falsch-Positive: wird gezählt…</translation>
    </message>
    <message>
        <source>False negatives: counting…</source>
        <translation>Falsch-Negative: wird gezählt…</translation>
    </message>
    <message>
        <source>Counting errors per image</source>
        <translation>Fehler pro Bild werden gezählt</translation>
    </message>
    <message>
        <source>Cannot count the errors: %1</source>
        <translation>Die Fehler können nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>Cannot compute the curves: %1</source>
        <translation>Die Kurven können nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>False positives: cancelled</source>
        <translation>Falsch-Positive: abgebrochen</translation>
    </message>
    <message>
        <source>False negatives: cancelled</source>
        <translation>Falsch-Negative: abgebrochen</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::DatasetBrowser</name>
    <message>
        <source>Show the images of one dataset</source>
        <translation>Die Bilder eines Datensatzes anzeigen</translation>
    </message>
    <message>
        <source>Search file, modality, series, status… (Ctrl+F)</source>
        <translation>Datei, Modalität, Serie, Status suchen… (Strg+F)</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>Miniaturansichten</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>One row per image with its metadata</source>
        <translation>Eine Zeile pro Bild mit seinen Metadaten</translation>
    </message>
    <message>
        <source>Import Images…</source>
        <translation>Bilder importieren…</translation>
    </message>
    <message>
        <source>Show in Viewer</source>
        <translation>Im Viewer anzeigen</translation>
    </message>
    <message>
        <source>Open the image in the viewer (Enter or double-click in the grid or table)</source>
        <translation>Das Bild im Viewer öffnen (Eingabetaste oder Doppelklick im Raster oder in der Tabelle)</translation>
    </message>
    <message>
        <source>Reveal File</source>
        <translation>Datei anzeigen</translation>
    </message>
    <message>
        <source>Open the folder of the original file</source>
        <translation>Den Ordner der Originaldatei öffnen</translation>
    </message>
    <message>
        <source>Remove from Project…</source>
        <translation>Aus dem Projekt entfernen…</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>Alle Datensätze</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation>%1 von %2 Bildern</translation>
    </message>
    <message>
        <source>This project holds no images yet.
Import a healthy training set (DICOM series, NIfTI volumes, PNG/JPEG/TIFF images) to begin.</source>
        <translation>Dieses Projekt enthält noch keine Bilder.
Importieren Sie zunächst einen gesunden Trainingsdatensatz (DICOM-Serien, NIfTI-Volumen, PNG/JPEG/TIFF-Bilder).</translation>
    </message>
    <message>
        <source>Remove %1 Images from Project…</source>
        <translation>%1 Bilder aus dem Projekt entfernen…</translation>
    </message>
    <message>
        <source>The original file is not reachable from this computer:
%1</source>
        <translation>Die Originaldatei ist von diesem Computer aus nicht erreichbar:
%1</translation>
    </message>
    <message>
        <source>Remove from Project</source>
        <translation>Aus dem Projekt entfernen</translation>
    </message>
    <message>
        <source>Remove this image from the project?</source>
        <translation>Dieses Bild aus dem Projekt entfernen?</translation>
    </message>
    <message>
        <source>Remove %1 images from the project?</source>
        <translation>%1 Bilder aus dem Projekt entfernen?</translation>
    </message>
    <message>
        <source>Their preprocessed arrays, thumbnails and ground truth are deleted from the project file. The original files on disk are not touched.</source>
        <translation>Ihre vorverarbeiteten Arrays, Miniaturansichten und Referenzdaten (Ground Truth) werden aus der Projektdatei gelöscht. Die Originaldateien auf dem Datenträger bleiben unverändert.</translation>
    </message>
    <message>
        <source>Test Set with Simulated &amp;Lesions…</source>
        <translation>Testdatensatz mit simulierten &amp;Läsionen…</translation>
    </message>
    <message>
        <source>Hold out every k-th slice of a healthy dataset (they leave training) and make a test dataset of them, most with simulated lesions and their masks</source>
        <translation>Jede k-te Schicht eines gesunden Datensatzes zurückhalten (sie scheidet aus dem Training aus) und daraus einen Testdatensatz machen, großteils mit simulierten Läsionen und deren Masken</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ExportDialog</name>
    <message>
        <source>Export findings</source>
        <translation>Befunde exportieren</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Accepted only</source>
        <translation>Nur bestätigte</translation>
    </message>
    <message>
        <source>Reviewed (accepted and rejected)</source>
        <translation>Befundete (bestätigt und verworfen)</translation>
    </message>
    <message>
        <source>All findings, with their review state</source>
        <translation>Alle Befunde mit ihrem Befundungsstatus</translation>
    </message>
    <message>
        <source>Only dataset “%1”</source>
        <translation>Nur Datensatz „%1“</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open the folder afterwards</source>
        <translation>Anschließend den Ordner öffnen</translation>
    </message>
    <message>
        <source>UTF-8 CSV with one row per finding: position in mm, size, scores, review state, note, reviewer and time (docs/project-file.md, “Findings CSV”).</source>
        <translation>UTF-8-CSV mit einer Zeile pro Befund: Position in mm, Größe, Scores, Befundungsstatus, Notiz, befundende Person und Zeitpunkt (docs/project-file.md, „Findings CSV“).</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>Wählen Sie eine Zieldatei.</translation>
    </message>
    <message>
        <source>Cannot export: %1</source>
        <translation>Export nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) written to %1</source>
        <translation>
            <numerusform>%n Befund nach %1 geschrieben</numerusform>
            <numerusform>%n Befunde nach %1 geschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::FindingTableModel</name>
    <message>
        <source>— (manual)</source>
        <translation>— (manuell)</translation>
    </message>
    <message>
        <source>
%1 by %2 at %3</source>
        <translation>
%1 von %2 am %3</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Max score</source>
        <translation>Max. Score</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Position (LPS)</source>
        <translation>Position (LPS)</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>
Drawn by hand (%1), not found by the model</source>
        <translation>
Von Hand gezeichnet (%1), nicht vom Modell gefunden</translation>
    </message>
    <message>
        <source>
Found by the model; its extent was redrawn by hand</source>
        <translation>
Vom Modell gefunden; die Ausdehnung wurde von Hand neu gezeichnet</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>
Centre %1 (LPS), size %2</source>
        <translation>
Zentrum %1 (LPS), Größe %2</translation>
    </message>
    <message>
        <source>
Category: %1</source>
        <translation>
Kategorie: %1</translation>
    </message>
    <message>
        <source>
Note: %1</source>
        <translation>
Notiz: %1</translation>
    </message>
    <message numerus="yes">
        <source>Finding %1: max score %2, mean %3, %n voxel(s), found at threshold %4</source>
        <translation>
            <numerusform>Befund %1: max. Score %2, Mittelwert %3, %n Voxel, gefunden bei Schwellenwert %4</numerusform>
            <numerusform>Befund %1: max. Score %2, Mittelwert %3, %n Voxel, gefunden bei Schwellenwert %4</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::HealthyAuditModel</name>
    <message>
        <source>Included</source>
        <translation>Eingeschlossen</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Ausgeschlossen</translation>
    </message>
    <message>
        <source>Excluded: %1</source>
        <translation>Ausgeschlossen: %1</translation>
    </message>
    <message>
        <source>Voxels above the model&apos;s threshold %1.</source>
        <translation>Voxel über dem Schwellenwert %1 des Modells.</translation>
    </message>
    <message>
        <source>The model has no threshold yet, so no voxels are counted above it.</source>
        <translation>Das Modell hat noch keinen Schwellenwert, daher werden keine Voxel darüber gezählt.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) excluded: kept in the project, left out of later training runs.</source>
        <translation>
            <numerusform>%n Bild ausgeschlossen: bleibt im Projekt, wird in späteren Trainingsläufen ausgelassen.</numerusform>
            <numerusform>%n Bilder ausgeschlossen: bleiben im Projekt, werden in späteren Trainingsläufen ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>This stored audit is out of date:</source>
        <translation>Diese gespeicherte Prüfung ist veraltet:</translation>
    </message>
    <message>
        <source>Run the audit again to bring it up to date.</source>
        <translation>Führen Sie die Prüfung erneut aus, um sie zu aktualisieren.</translation>
    </message>
    <message>
        <source>This build has no models (LibTorch): the stored audit is shown; auditing again and heat maps need the models build.</source>
        <translation>Dieser Build hat keine Modelle (LibTorch): Die gespeicherte Prüfung wird angezeigt; eine erneute Prüfung und Heatmaps erfordern den Build mit Modellen.</translation>
    </message>
    <message>
        <source>Not audited: %1</source>
        <translation>Nicht geprüft: %1</translation>
    </message>
    <message>
        <source>not audited</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Held out by folds</source>
        <translation>Zurückhaltende Folds</translation>
    </message>
    <message>
        <source>Voxels &gt; threshold</source>
        <translation>Voxel &gt; Schwellenwert</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Slice excluded</source>
        <translation>Schicht ausgeschlossen</translation>
    </message>
    <message>
        <source>Slice excluded: %1</source>
        <translation>Schicht ausgeschlossen: %1</translation>
    </message>
    <message>
        <source>Why is “%1” not healthy? It stays in the project, marked, and later training runs leave it out.</source>
        <translation>Warum ist „%1“ nicht gesund? Es bleibt markiert im Projekt, spätere Trainingsläufe lassen es aus.</translation>
    </message>
    <message>
        <source>Why is “%1” not healthy? This slice alone stays in the project, marked, and later training runs leave it out; the other slices of “%2” stay in.</source>
        <translation>Warum ist „%1“ nicht gesund? Nur diese Schicht bleibt markiert im Projekt, spätere Trainingsläufe lassen sie aus; die übrigen Schichten von „%2“ bleiben dabei.</translation>
    </message>
    <message>
        <source>Why is “%1” not healthy? The whole volume “%2”, all of its slices, stays in the project, marked, and later training runs leave it out.</source>
        <translation>Warum ist „%1“ nicht gesund? Das ganze Volumen „%2“ mit allen Schichten bleibt markiert im Projekt, spätere Trainingsläufe lassen es aus.</translation>
    </message>
    <message>
        <source>Excluded “%1” alone: it stays in the project, marked, and later training runs leave it out; the rest of the volume stays in.</source>
        <translation>Nur „%1“ ausgeschlossen: Die Schicht bleibt markiert im Projekt, spätere Trainingsläufe lassen sie aus; der Rest des Volumens bleibt dabei.</translation>
    </message>
    <message>
        <source>Excluded the whole volume “%1”: it stays in the project, marked, and later training runs leave all of its slices out.</source>
        <translation>Das ganze Volumen „%1“ ausgeschlossen: Es bleibt markiert im Projekt, spätere Trainingsläufe lassen alle seine Schichten aus.</translation>
    </message>
    <message>
        <source>Excluded “%1”: it stays in the project, marked, and later training runs leave it out.</source>
        <translation>„%1“ ausgeschlossen: Es bleibt markiert im Projekt, spätere Trainingsläufe lassen es aus.</translation>
    </message>
    <message>
        <source>The whole volume “%1” is included again in later training runs.</source>
        <translation>Das ganze Volumen „%1“ wird in späteren Trainingsläufen wieder verwendet.</translation>
    </message>
    <message>
        <source>“%1” is included again in later training runs.</source>
        <translation>„%1“ wird in späteren Trainingsläufen wieder verwendet.</translation>
    </message>
    <message>
        <source>Run %1 (%2, %3)</source>
        <translation>Lauf %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Run %1 “%2” (%3, %4)</source>
        <translation>Lauf %1 „%2“ (%3, %4)</translation>
    </message>
    <message numerus="yes">
        <source>Run %1, fold(s) %2: %3 of %4 healthy images audited by the folds that never trained on them, on %5.</source>
        <translation>
            <numerusform>Lauf %1, Fold %2: %3 von %4 gesunden Bildern geprüft vom Fold, der nie mit ihnen trainiert hat, am %5.</numerusform>
            <numerusform>Lauf %1, Folds %2: %3 von %4 gesunden Bildern geprüft von den Folds, die nie mit ihnen trainiert haben, am %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) excluded on their own: kept, left out of later training runs; the rest of each volume stays in.</source>
        <translation>
            <numerusform>%n Schicht einzeln ausgeschlossen: bleibt im Projekt, wird in späteren Trainingsläufen ausgelassen; der Rest ihres Volumens bleibt dabei.</numerusform>
            <numerusform>%n Schichten einzeln ausgeschlossen: bleiben im Projekt, werden in späteren Trainingsläufen ausgelassen; der Rest jedes Volumens bleibt dabei.</numerusform>
        </translation>
    </message>
    <message>
        <source>Slice excluded on %1</source>
        <translation>Schicht ausgeschlossen am %1</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::HealthyAuditPanel</name>
    <message>
        <source>Healthy-set audit</source>
        <translation>Prüfung der gesunden Bilder</translation>
    </message>
    <message>
        <source>The folds whose models judge the images they never trained on</source>
        <translation>Die Folds, deren Modelle die Bilder beurteilen, mit denen sie nie trainiert haben</translation>
    </message>
    <message>
        <source>Run Audit</source>
        <translation>Prüfung starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <source>Folds:</source>
        <translation>Folds:</translation>
    </message>
    <message>
        <source>Exclude…</source>
        <translation>Ausschließen…</translation>
    </message>
    <message>
        <source>Not healthy after all: keep the image in the project, marked, and leave it out of later training runs</source>
        <translation>Doch nicht gesund: das Bild markiert im Projekt behalten und aus späteren Trainingsläufen auslassen</translation>
    </message>
    <message>
        <source>Include Again</source>
        <translation>Wieder einschließen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Cannot read the project: %1</source>
        <translation>Das Projekt kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>fold %1</source>
        <translation>Fold %1</translation>
    </message>
    <message>
        <source>Cannot show the stored audit: %1</source>
        <translation>Die gespeicherte Prüfung kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Öffnen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
        <source>No training run yet: train one on the Training page first.</source>
        <translation>Noch kein Trainingslauf: Trainieren Sie zuerst einen auf der Seite „Training“.</translation>
    </message>
    <message>
        <source>This run has not been audited yet: choose its folds and press Run Audit.</source>
        <translation>Dieser Lauf wurde noch nicht geprüft: Wählen Sie seine Folds und klicken Sie auf „Prüfung starten“.</translation>
    </message>
    <message>
        <source>This run has not been audited, and this build has no models (LibTorch) to audit it: run `lightbox-cli audit` in a build with the models.</source>
        <translation>Dieser Lauf wurde nicht geprüft, und dieser Build hat keine Modelle (LibTorch), um ihn zu prüfen: Führen Sie `lightbox-cli audit` in einem Build mit Modellen aus.</translation>
    </message>
    <message>
        <source>Check at least one fold to audit with.</source>
        <translation>Wählen Sie mindestens einen Fold für die Prüfung.</translation>
    </message>
    <message>
        <source>Auditing the healthy set of run %1</source>
        <translation>Gesunde Bilder von Lauf %1 werden geprüft</translation>
    </message>
    <message>
        <source>Another job is running: wait for it (or cancel it) first.</source>
        <translation>Ein anderer Auftrag läuft: Warten Sie zuerst, bis er fertig ist (oder brechen Sie ihn ab).</translation>
    </message>
    <message>
        <source>The audit failed: %1</source>
        <translation>Die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Audit cancelled; the stored audit is unchanged.</source>
        <translation>Prüfung abgebrochen; die gespeicherte Prüfung ist unverändert.</translation>
    </message>
    <message>
        <source>Audit finished and stored in the project.</source>
        <translation>Prüfung abgeschlossen und im Projekt gespeichert.</translation>
    </message>
    <message>
        <source>Predicting the heat map of the folds that held it out…</source>
        <translation>Heatmap der Folds, die das Bild zurückgehalten haben, wird vorhergesagt…</translation>
    </message>
    <message>
        <source>Cannot show the image: %1</source>
        <translation>Das Bild kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Heat map: mean of the held-out folds&apos; maps, drawn above the threshold %1.</source>
        <translation>Heatmap: Mittelwert der Karten der zurückhaltenden Folds, gezeichnet über dem Schwellenwert %1.</translation>
    </message>
    <message>
        <source>Heat map: mean of the held-out folds&apos; maps.</source>
        <translation>Heatmap: Mittelwert der Karten der zurückhaltenden Folds.</translation>
    </message>
    <message>
        <source>Cannot exclude the image: %1</source>
        <translation>Das Bild kann nicht ausgeschlossen werden: %1</translation>
    </message>
    <message>
        <source>Cannot include the image: %1</source>
        <translation>Das Bild kann nicht wieder eingeschlossen werden: %1</translation>
    </message>
    <message>
        <source>Predict the checked folds on the images they never trained on</source>
        <translation>Die ausgewählten Folds auf die Bilder anwenden, mit denen sie nie trainiert haben</translation>
    </message>
    <message>
        <source>Auditing needs a build with the models (LibTorch)</source>
        <translation>Die Prüfung erfordert einen Build mit Modellen (LibTorch)</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ImageTableModel</name>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>ausgeschlossen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <source>Size (voxels)</source>
        <translation>Größe (Voxel)</translation>
    </message>
    <message>
        <source>Spacing (mm)</source>
        <translation>Abstand (mm)</translation>
    </message>
    <message>
        <source>Series description</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n slice(s) excluded</source>
        <translation>
            <numerusform>%1, %n Schicht ausgeschlossen</numerusform>
            <numerusform>%1, %n Schichten ausgeschlossen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) excluded from later training runs (healthy-set audit)</source>
        <translation>
            <numerusform>%n Schicht von späteren Trainingsläufen ausgeschlossen (Prüfung gesunder Bilder)</numerusform>
            <numerusform>%n Schichten von späteren Trainingsläufen ausgeschlossen (Prüfung gesunder Bilder)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ImageViewer</name>
    <message>
        <source>Soft tissue</source>
        <translation>Weichteil</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Lunge</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>Leber</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Knochen</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Gehirn</translation>
    </message>
    <message>
        <source>Single view</source>
        <translation>Einzelansicht</translation>
    </message>
    <message>
        <source>Tri-planar</source>
        <translation>Drei Ebenen</translation>
    </message>
    <message>
        <source>One plane, or axial, coronal and sagittal side by side</source>
        <translation>Eine Ebene oder axial, koronal und sagittal nebeneinander</translation>
    </message>
    <message>
        <source>Axial</source>
        <translation>Axial</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Koronal</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <source>W/L drag</source>
        <translation>FB/FL ziehen</translation>
    </message>
    <message>
        <source>On: left-drag changes window (horizontal) and level (vertical).
Off: left-click moves the cursor. Shift+left-drag always moves the cursor.</source>
        <translation>Ein: Ziehen mit der linken Maustaste ändert Fensterbreite (horizontal) und Fensterlage (vertikal).
Aus: Linksklick setzt den Cursor. Umschalt+Ziehen mit der linken Maustaste setzt immer den Cursor.</translation>
    </message>
    <message>
        <source>Window preset…</source>
        <translation>Fensterwahl…</translation>
    </message>
    <message>
        <source>%1: %2  (W %3 / L %4)</source>
        <translation>%1: %2  (FB %3 / FL %4)</translation>
    </message>
    <message>
        <source>CT presets in Hounsfield units (keys 1-5); meaningful on CT originals</source>
        <translation>CT-Voreinstellungen in Hounsfield-Einheiten (Tasten 1–5); sinnvoll bei CT-Originalen</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the file&apos;s window, else the 0.1-99.9 percentile range (key 0 or R)</source>
        <translation>Zurück zum Fenster der Datei, sonst zum Bereich der 0,1–99,9-Perzentile (Taste 0 oder R)</translation>
    </message>
    <message>
        <source>No image open</source>
        <translation>Kein Bild geöffnet</translation>
    </message>
    <message>
        <source>Slice (mouse wheel over the image)</source>
        <translation>Schicht (Mausrad über dem Bild)</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Loading image %1…</source>
        <translation>Bild %1 wird geladen…</translation>
    </message>
    <message>
        <source>Cannot show image %1: %2</source>
        <translation>Bild %1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>Original %1 file: %2</source>
        <translation>Originale %1-Datei: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3&lt;br&gt;Size (x × y × z): %4&lt;br&gt;Spacing: %5 mm</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3&lt;br&gt;Größe (x × y × z): %4&lt;br&gt;Voxelabstand: %5 mm</translation>
    </message>
    <message>
        <source>&lt;br&gt;Origin (LPS): %1, %2, %3 mm</source>
        <translation>&lt;br&gt;Ursprung (LPS): %1; %2; %3 mm</translation>
    </message>
    <message>
        <source>&lt;br&gt;NIfTI RAS+ converted to LPS+ for display</source>
        <translation>&lt;br&gt;NIfTI RAS+ für die Anzeige in LPS+ umgerechnet</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>2D</source>
        <translation>2D</translation>
    </message>
    <message>
        <source>Move the mouse over the image to read values</source>
        <translation>Bewegen Sie die Maus über das Bild, um Werte abzulesen</translation>
    </message>
    <message>
        <source>(%1, %2, %3)</source>
        <translation>(%1, %2, %3)</translation>
    </message>
    <message>
        <source>(%1, %2)</source>
        <translation>(%1, %2)</translation>
    </message>
    <message>
        <source>Value %1   Voxel %2   Patient LPS (%3, %4, %5) mm</source>
        <translation>Wert %1   Voxel %2   Patient LPS (%3; %4; %5) mm</translation>
    </message>
    <message>
        <source>Value %1   Pixel %2</source>
        <translation>Wert %1   Pixel %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;File window: %1</source>
        <translation>&lt;br&gt;Fenster der Datei: %1</translation>
    </message>
    <message>
        <source>Showing the stored working array (%1), the one the model saw, so that map and image share one grid. Values are preprocessed, not in the modality&apos;s units.</source>
        <translation>Angezeigt wird das gespeicherte Arbeitsarray (%1), das das Modell gesehen hat, damit Karte und Bild ein gemeinsames Raster haben. Die Werte sind vorverarbeitet, nicht in den Einheiten der Modalität.</translation>
    </message>
    <message>
        <source>Showing the stored working array (%1), not the original, which could not be read: %2. Values are preprocessed, not in the modality&apos;s units.</source>
        <translation>Angezeigt wird das gespeicherte Arbeitsarray (%1), nicht das Original, das nicht gelesen werden konnte: %2. Die Werte sind vorverarbeitet, nicht in den Einheiten der Modalität.</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ImportDialog</name>
    <message>
        <source>Chosen per image: volumes → brain-3d, chest radiographs (CR/DX) → chest-xray-2d, other 2D images → image-2d.</source>
        <translation>Pro Bild gewählt: Volumen → brain-3d, Thorax-Röntgenaufnahmen (CR/DX) → chest-xray-2d, andere 2D-Bilder → image-2d.</translation>
    </message>
    <message>
        <source>Brain MRI volumes: z-normalised, cropped to the head, 2 mm voxels, 80×112×80.</source>
        <translation>Gehirn-MRT-Volumen: z-normalisiert, auf den Kopf zugeschnitten, 2-mm-Voxel, 80×112×80.</translation>
    </message>
    <message>
        <source>Chest radiographs: VOI window, histogram equalisation, 256×256 in [−1, 1].</source>
        <translation>Thorax-Röntgenaufnahmen: VOI-Fenster, Histogrammausgleich, 256×256 in [−1, 1].</translation>
    </message>
    <message>
        <source>Axial slices of brain volumes with enough brain, z-normalised, 128×128 (one array per slice).</source>
        <translation>Axiale Schichten von Gehirnvolumen mit genügend Hirngewebe, z-normalisiert, 128×128 (ein Array pro Schicht).</translation>
    </message>
    <message>
        <source>Any 2D image: resized to 256×256 and mapped to [−1, 1].</source>
        <translation>Beliebiges 2D-Bild: auf 256×256 skaliert und auf [−1, 1] abgebildet.</translation>
    </message>
    <message>
        <source>Stored as read, without preprocessing.</source>
        <translation>Unverändert gespeichert, ohne Vorverarbeitung.</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>skipped (duplicate)</source>
        <translation>übersprungen (Duplikat)</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Import Images</source>
        <translation>Bilder importieren</translation>
    </message>
    <message>
        <source>Add files or folders (folders are searched recursively; DICOM files are grouped into series), or drop them here.</source>
        <translation>Dateien oder Ordner hinzufügen (Ordner werden rekursiv durchsucht; DICOM-Dateien werden zu Serien gruppiert) oder hier ablegen.</translation>
    </message>
    <message>
        <source>Add Files…</source>
        <translation>Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Healthy (training set)</source>
        <translation>Gesund (Trainingsdatensatz)</translation>
    </message>
    <message>
        <source>Test (to be searched for anomalies)</source>
        <translation>Test (wird nach Anomalien durchsucht)</translation>
    </message>
    <message>
        <source>Blend source (other images for inter-dataset blending)</source>
        <translation>Überblendungsquelle (andere Bilder für die Überblendung zwischen Datensätzen)</translation>
    </message>
    <message>
        <source>A new name creates a dataset; an existing one adds to it</source>
        <translation>Ein neuer Name legt einen Datensatz an; ein vorhandener wird ergänzt</translation>
    </message>
    <message>
        <source>optional: folder of lesion masks, paired by name (_seg, _mask, BraTS, ISLES)</source>
        <translation>optional: Ordner mit Läsionsmasken, per Name zugeordnet (_seg, _mask, BraTS, ISLES)</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the masks folder</source>
        <translation>Maskenordner wählen</translation>
    </message>
    <message>
        <source>optional: VinDr-style CSV of boxes (image_id = file name)</source>
        <translation>optional: CSV mit Rahmen im VinDr-Format (image_id = Dateiname)</translation>
    </message>
    <message>
        <source>Choose the box CSV</source>
        <translation>Rahmen-CSV wählen</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Dataset:</source>
        <translation>&amp;Datensatz:</translation>
    </message>
    <message>
        <source>&amp;Preprocessing:</source>
        <translation>&amp;Vorverarbeitung:</translation>
    </message>
    <message>
        <source>Ground-truth &amp;masks:</source>
        <translation>Referenz-&amp;Masken:</translation>
    </message>
    <message>
        <source>Ground-truth &amp;boxes:</source>
        <translation>Referenz-&amp;Rahmen:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Add Files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <source>Images (*.dcm *.nii *.nii.gz *.hdr *.img *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Bilder (*.dcm *.nii *.nii.gz *.hdr *.img *.png *.jpg *.jpeg *.tif *.tiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Masks Folder</source>
        <translation>Maskenordner</translation>
    </message>
    <message>
        <source>Box CSV</source>
        <translation>Rahmen-CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Each image is committed on its own: cancelling keeps everything imported so far. You can close this window; the import goes on in the status bar.</source>
        <translation>Jedes Bild wird einzeln gespeichert: Beim Abbrechen bleibt alles bisher Importierte erhalten. Sie können dieses Fenster schließen; der Import läuft in der Statusleiste weiter.</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy Report</source>
        <translation>Bericht kopieren</translation>
    </message>
    <message>
        <source>Copy the table (or the selected rows) as tab-separated text</source>
        <translation>Die Tabelle (oder die ausgewählten Zeilen) als tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <source>folder, searched recursively</source>
        <translation>Ordner, rekursiv durchsucht</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Importing into %1</source>
        <translation>Import in %1</translation>
    </message>
    <message>
        <source>Looking for images…</source>
        <translation>Bilder werden gesucht…</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>%1 importiert</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
    <message>
        <source>Cancelling after the current image…</source>
        <translation>Abbruch nach dem aktuellen Bild…</translation>
    </message>
    <message>
        <source>The import could not run: %1</source>
        <translation>Der Import konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>1 image imported</source>
        <translation>1 Bild importiert</translation>
    </message>
    <message>
        <source>%1 images imported</source>
        <translation>%1 Bilder importiert</translation>
    </message>
    <message>
        <source> (%1 working-space arrays)</source>
        <translation> (%1 Arrays im Arbeitsraum)</translation>
    </message>
    <message>
        <source>1 skipped as a duplicate</source>
        <translation>1 als Duplikat übersprungen</translation>
    </message>
    <message>
        <source>%1 skipped as duplicates</source>
        <translation>%1 als Duplikate übersprungen</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>ground truth: %1 mask(s), %2 image(s) with boxes, %3 marked normal</source>
        <translation>Referenzdaten: %1 Maske(n), %2 Bild(er) mit Rahmen, %3 als normal markiert</translation>
    </message>
    <message>
        <source>Cancelled — everything imported before is in the project. </source>
        <translation>Abgebrochen – alles zuvor Importierte ist im Projekt. </translation>
    </message>
    <message>
        <source>Stopped early: %1</source>
        <translation>Vorzeitig beendet: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation>Importbericht</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::JobProgressPage</name>
    <message>
        <source>Run in Background</source>
        <translation>Im Hintergrund ausführen</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::JobProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running job; everything finished so far stays in the project</source>
        <translation>Den laufenden Auftrag anhalten; alles bisher Fertige bleibt im Projekt</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::MainWindow</name>
    <message>
        <source>Lightbox projects (*.lightbox);;All files (*)</source>
        <translation>Lightbox-Projekte (*.lightbox);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <source>Create an empty project file (Ctrl+N)</source>
        <translation>Eine leere Projektdatei anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a project file (Ctrl+O)</source>
        <translation>Eine Projektdatei öffnen (Strg+O)</translation>
    </message>
    <message>
        <source>&amp;Import Images…</source>
        <translation>Bilder &amp;importieren…</translation>
    </message>
    <message>
        <source>Import DICOM, NIfTI or PNG/JPEG/TIFF images into a dataset (Ctrl+I)</source>
        <translation>DICOM-, NIfTI- oder PNG/JPEG/TIFF-Bilder in einen Datensatz importieren (Strg+I)</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>Projekt &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Find Images</source>
        <translation>Bilder &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Thumbnail &amp;Grid</source>
        <translation>Miniatur&amp;raster</translation>
    </message>
    <message>
        <source>Metadata &amp;Table</source>
        <translation>Metadaten&amp;tabelle</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Daten</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Aufgaben</translation>
    </message>
    <message>
        <source>T&amp;raining</source>
        <translation>T&amp;raining</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>&amp;Befundung</translation>
    </message>
    <message>
        <source>&amp;About Lightbox</source>
        <translation>&amp;Über Lightbox</translation>
    </message>
    <message>
        <source>About Lightbox</source>
        <translation>Über Lightbox</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lightbox %1&lt;/h3&gt;&lt;p&gt;Anomaly localisation learned from healthy images only, after &lt;i&gt;Many tasks make light work: learning to localise medical anomalies from multiple synthetic tasks&lt;/i&gt; (Baugh et al., MICCAI 2023).&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later. Not a medical device: for research use only.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lightbox %1&lt;/h3&gt;&lt;p&gt;Anomalielokalisierung, allein aus gesunden Bildern gelernt, nach &lt;i&gt;Many tasks make light work: learning to localise medical anomalies from multiple synthetic tasks&lt;/i&gt; (Baugh et al., MICCAI 2023).&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL, Version 3 oder neuer. Kein Medizinprodukt: nur für Forschungszwecke.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt-Werkzeugleiste</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Lightbox&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Lightbox&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Learn what healthy images look like, then find what does not fit. Create a project, import a healthy training set, look at the synthetic anomaly tasks on your own images, train, and review the findings.</source>
        <translation>Lernen Sie, wie gesunde Bilder aussehen, und finden Sie dann, was nicht passt. Legen Sie ein Projekt an, importieren Sie einen gesunden Trainingsdatensatz, sehen Sie sich die synthetischen Anomalieaufgaben an Ihren eigenen Bildern an, trainieren Sie und befunden Sie die Ergebnisse.</translation>
    </message>
    <message>
        <source>New Project…</source>
        <translation>Neues Projekt…</translation>
    </message>
    <message>
        <source>Open Project…</source>
        <translation>Projekt öffnen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent projects&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zuletzt geöffnete Projekte&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Befundung</translation>
    </message>
    <message>
        <source>Cannot read the project</source>
        <translation>Das Projekt kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation>%1 wird angezeigt</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Wait for “%1” to finish (or cancel it) before opening another project.</source>
        <translation>Warten Sie, bis „%1“ fertig ist (oder brechen Sie es ab), bevor Sie ein anderes Projekt öffnen.</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Das Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>Das Projekt kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Removing 1 image</source>
        <translation>1 Bild wird entfernt</translation>
    </message>
    <message>
        <source>Removing %1 images</source>
        <translation>%1 Bilder werden entfernt</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: fertig</translation>
    </message>
    <message>
        <source>Lightbox</source>
        <translation>Lightbox</translation>
    </message>
    <message>
        <source>1 dataset</source>
        <translation>1 Datensatz</translation>
    </message>
    <message>
        <source>%1 datasets</source>
        <translation>%1 Datensätze</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <source>%1 — %2 — Lightbox</source>
        <translation>%1 – %2 – Lightbox</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>Menü leeren</translation>
    </message>
    <message>
        <source>No recent projects yet</source>
        <translation>Noch keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>study.lightbox</source>
        <translation>studie.lightbox</translation>
    </message>
    <message>
        <source>“%1” already exists. Lightbox never overwrites a project; choose another name or open it.</source>
        <translation>„%1“ existiert bereits. Lightbox überschreibt nie ein Projekt; wählen Sie einen anderen Namen oder öffnen Sie es.</translation>
    </message>
    <message>
        <source>Quit Lightbox</source>
        <translation>Lightbox beenden</translation>
    </message>
    <message>
        <source>“%1” is still running. Stop it and quit? Everything finished so far stays in the project.</source>
        <translation>„%1“ läuft noch. Anhalten und beenden? Alles bisher Fertige bleibt im Projekt.</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>Be&amp;fundung</translation>
    </message>
    <message>
        <source>Audit &amp;Healthy Set…</source>
        <translation>&amp;Gesunde Bilder prüfen…</translation>
    </message>
    <message>
        <source>Audit Healthy Set</source>
        <translation>Gesunde Bilder prüfen</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>Öffnen oder erstellen Sie zuerst ein Projekt.</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The language applies to the whole application.</source>
        <translation>Die Sprache gilt für die gesamte Anwendung.</translation>
    </message>
    <message>
        <source>The new language applies after Lightbox is restarted.</source>
        <translation>Die neue Sprache gilt nach einem Neustart von Lightbox.</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ReviewCommand</name>
    <message>
        <source>Note on finding %1</source>
        <translation>Notiz zu Befund %1</translation>
    </message>
    <message>
        <source>%1 finding %2</source>
        <translation>Befund %2: %1</translation>
    </message>
    <message>
        <source>Category “%1” on finding %2</source>
        <translation>Kategorie „%1“ für Befund %2</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ReviewImageModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1
Mean score %2, 75th percentile %3, top-quarter mean %4
%5 accepted, %6 rejected, %7 with notes</source>
        <translation>%1
Mittlerer Score %2, 75. Perzentil %3, Mittelwert des oberen Viertels %4
%5 bestätigt, %6 verworfen, %7 mit Notizen</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Befundet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ReviewPage</name>
    <message>
        <source>A trained run&apos;s model: the ensemble of its folds (voxel-wise mean) or one fold</source>
        <translation>Das Modell eines trainierten Laufs: das Ensemble seiner Folds (voxelweiser Mittelwert) oder ein einzelner Fold</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>All images</source>
        <translation>Alle Bilder</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Zu befunden</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Export findings…</source>
        <translation>Befunde exportieren…</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Stretch to this image</source>
        <translation>An dieses Bild anpassen</translation>
    </message>
    <message>
        <source>Off (default): one colour scale for the whole dataset, so colours compare across images. On: this image&apos;s own minimum to maximum (colours no longer compare).</source>
        <translation>Aus (Standard): eine Farbskala für den ganzen Datensatz, sodass Farben zwischen Bildern vergleichbar sind. Ein: Minimum bis Maximum dieses Bildes (Farben nicht mehr vergleichbar).</translation>
    </message>
    <message>
        <source>Only above threshold</source>
        <translation>Nur über dem Schwellenwert</translation>
    </message>
    <message>
        <source>Ground-truth contours</source>
        <translation>Referenzkonturen</translation>
    </message>
    <message>
        <source>Fit to dataset</source>
        <translation>An Datensatz anpassen</translation>
    </message>
    <message>
        <source>Colour scale 0 to the 99th percentile of every score of this model on this dataset, shared by all its images and stored in the project</source>
        <translation>Farbskala von 0 bis zum 99. Perzentil aller Scores dieses Modells auf diesem Datensatz, gemeinsam für alle seine Bilder und im Projekt gespeichert</translation>
    </message>
    <message>
        <source>0 – 1</source>
        <translation>0–1</translation>
    </message>
    <message>
        <source>Colour scale over the whole score range (the default)</source>
        <translation>Farbskala über den gesamten Score-Bereich (Standard)</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>Find again at this threshold</source>
        <translation>Bei diesem Schwellenwert neu suchen</translation>
    </message>
    <message>
        <source>Records it as the model&apos;s threshold and finds the regions of every image of the dataset again; reviewed findings are kept</source>
        <translation>Speichert ihn als Schwellenwert des Modells und sucht die Regionen aller Bilder des Datensatzes erneut; befundete Befunde bleiben erhalten</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>Move the slider back to the threshold proposed from the held-out tasks</source>
        <translation>Den Schieberegler auf den aus den zurückgehaltenen Aufgaben vorgeschlagenen Schwellenwert zurücksetzen</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Accept (A)</source>
        <translation>Bestätigen (A)</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>Verwerfen (R)</translation>
    </message>
    <message>
        <source>Note (N)</source>
        <translation>Notiz (N)</translation>
    </message>
    <message>
        <source>Category of the selected finding (the project&apos;s editable list)</source>
        <translation>Kategorie des ausgewählten Befunds (bearbeitbare Liste des Projekts)</translation>
    </message>
    <message>
        <source>A accept · R reject · N note · Space/J/→ next · K/← previous · Ctrl+Shift+→/← image · Ctrl+Z undo · Ctrl+Y redo</source>
        <translation>A bestätigen · R verwerfen · N Notiz · Leertaste/J/→ nächster · K/← vorheriger · Strg+Umschalt+→/← Bild · Strg+Z rückgängig · Strg+Y wiederholen</translation>
    </message>
    <message>
        <source>Note on finding %1</source>
        <translation>Notiz zu Befund %1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Category not stored: %1</source>
        <translation>Kategorie nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Cannot read the project: %1</source>
        <translation>Das Projekt kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>(keine Kategorie)</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Run %1 “%2”</source>
        <translation>Lauf %1 „%2“</translation>
    </message>
    <message>
        <source>ensemble of folds %1</source>
        <translation>Ensemble der Folds %1</translation>
    </message>
    <message>
        <source>fold %1</source>
        <translation>Fold %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>, %n with masks</source>
        <translation>
            <numerusform>, %n mit Maske</numerusform>
            <numerusform>, %n mit Masken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n with boxes</source>
        <translation>
            <numerusform>, %n mit Rahmen</numerusform>
            <numerusform>, %n mit Rahmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %n image(s)%3)</source>
        <translation>
            <numerusform>%1 (%2, %n Bild%3)</numerusform>
            <numerusform>%1 (%2, %n Bilder%3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a project to review its findings.</source>
        <translation>Öffnen Sie ein Projekt, um seine Befunde zu befunden.</translation>
    </message>
    <message>
        <source>No trained model yet: train a run on the Training page, then predict its test images here.</source>
        <translation>Noch kein trainiertes Modell: Trainieren Sie einen Lauf auf der Seite „Training“ und erstellen Sie dann hier Vorhersagen für die Testbilder.</translation>
    </message>
    <message>
        <source>No dataset with images: import a test dataset on the Data page.</source>
        <translation>Kein Datensatz mit Bildern: Importieren Sie auf der Seite „Daten“ einen Testdatensatz.</translation>
    </message>
    <message>
        <source>This model has no trained checkpoint to predict with.</source>
        <translation>Dieses Modell hat keinen trainierten Checkpoint für Vorhersagen.</translation>
    </message>
    <message>
        <source>This model has not predicted “%1” yet: press Predict.</source>
        <translation>Dieses Modell hat für „%1“ noch keine Vorhersage: Klicken Sie auf „Vorhersagen“.</translation>
    </message>
    <message>
        <source>Cannot list the predictions: %1</source>
        <translation>Die Vorhersagen können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Cannot show the prediction: %1</source>
        <translation>Die Vorhersage kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Ground truth: mask (outlined in green)</source>
        <translation>Referenz: Maske (grün umrandet)</translation>
    </message>
    <message>
        <source>Ground truth: boxes (outlined in green)</source>
        <translation>Referenz: Rahmen (grün umrandet)</translation>
    </message>
    <message>
        <source>No ground truth for this image</source>
        <translation>Keine Referenz für dieses Bild</translation>
    </message>
    <message>
        <source>Stretched to this image: %1 – %2 (colours do not compare across images)</source>
        <translation>An dieses Bild angepasst: %1–%2 (Farben zwischen Bildern nicht vergleichbar)</translation>
    </message>
    <message>
        <source>Dataset-wide scale %1 – %2%3</source>
        <translation>Datensatzweite Skala %1–%2%3</translation>
    </message>
    <message>
        <source> (stored in the project)</source>
        <translation> (im Projekt gespeichert)</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation> (Standard)</translation>
    </message>
    <message>
        <source>user&apos;s</source>
        <translation>vom Benutzer</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <source>Slider: %1</source>
        <translation>Schieberegler: %1</translation>
    </message>
    <message>
        <source>
In force: %1 (%2)</source>
        <translation>
Gültig: %1 (%2)</translation>
    </message>
    <message>
        <source>
No threshold yet</source>
        <translation>
Noch kein Schwellenwert</translation>
    </message>
    <message>
        <source>
Proposed: %1</source>
        <translation>
Vorgeschlagen: %1</translation>
    </message>
    <message>
        <source>
%1 % of voxels above</source>
        <translation>
%1 % der Voxel darüber</translation>
    </message>
    <message>
        <source>This image: %1</source>
        <translation>Dieses Bild: %1</translation>
    </message>
    <message>
        <source>No findings in this image at the threshold</source>
        <translation>Keine Befunde in diesem Bild bei diesem Schwellenwert</translation>
    </message>
    <message>
        <source>Dataset: %1</source>
        <translation>Datensatz: %1</translation>
    </message>
    <message>
        <source>Colour scale not stored: %1</source>
        <translation>Farbskala nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Review not stored: %1</source>
        <translation>Befundung nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Finding %1: %2</source>
        <translation>Befund %1: %2</translation>
    </message>
    <message>
        <source>Finding regions at threshold %1</source>
        <translation>Regionen bei Schwellenwert %1 werden gesucht</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) at the new threshold; %1 reviewed kept</source>
        <translation>
            <numerusform>%n Befund beim neuen Schwellenwert; %1 befundete beibehalten</numerusform>
            <numerusform>%n Befunde beim neuen Schwellenwert; %1 befundete beibehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot find regions: %1</source>
        <translation>Regionen können nicht gesucht werden: %1</translation>
    </message>
    <message>
        <source>Predicting %1</source>
        <translation>Vorhersage für %1</translation>
    </message>
    <message>
        <source>Another job is running: wait for it (or cancel it) first.</source>
        <translation>Ein anderer Auftrag läuft: Warten Sie zuerst, bis er fertig ist (oder brechen Sie ihn ab).</translation>
    </message>
    <message>
        <source>Prediction is unavailable in this build (no LibTorch).</source>
        <translation>In diesem Build ist keine Vorhersage möglich (kein LibTorch).</translation>
    </message>
    <message>
        <source>Cannot fit the colour scale: %1</source>
        <translation>Die Farbskala kann nicht angepasst werden: %1</translation>
    </message>
    <message>
        <source>Curves…</source>
        <translation>Kurven…</translation>
    </message>
    <message>
        <source>ROC and precision-recall curves, and the images wrong at a threshold</source>
        <translation>ROC- und Präzision-Recall-Kurven sowie die bei einem Schwellenwert falsch beurteilten Bilder</translation>
    </message>
    <message>
        <source>Editing finding %1: a box or ellipse redraws it on this slice, the brush adds to it (Shift or right button erases). Esc stops.</source>
        <translation>Befund %1 bearbeiten: Rechteck/Ellipse zeichnet ihn hier neu, der Pinsel ergänzt ihn (Umschalt/rechte Taste radiert). Esc beendet.</translation>
    </message>
    <message>
        <source>Drag on the current slice to add a finding the model missed. Esc cancels.</source>
        <translation>Auf der Schicht ziehen, um einen übersehenen Befund hinzuzufügen. Esc bricht ab.</translation>
    </message>
    <message>
        <source>Drawing cancelled.</source>
        <translation>Zeichnen abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot read the finding&apos;s region: %1</source>
        <translation>Die Region des Befunds kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>That would leave finding %1 empty; reject it instead, or undo its drawing (Ctrl+Z).</source>
        <translation>Damit wäre Befund %1 leer; verwerfen Sie ihn oder machen Sie die Zeichnung rückgängig (Strg+Z).</translation>
    </message>
    <message>
        <source>The brush erases only while editing a finding&apos;s extent (select it, then Edit extent).</source>
        <translation>Der Pinsel radiert nur beim Bearbeiten einer Ausdehnung (Befund wählen, dann „Ausdehnung bearbeiten“).</translation>
    </message>
    <message>
        <source>Cannot draw: %1</source>
        <translation>Zeichnen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Drawing not stored: %1</source>
        <translation>Zeichnung nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Finding stored.</source>
        <translation>Befund gespeichert.</translation>
    </message>
    <message>
        <source>Drawn finding removed.</source>
        <translation>Gezeichneter Befund entfernt.</translation>
    </message>
    <message>
        <source>Cannot list the findings: %1</source>
        <translation>Die Befunde können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the categories: %1</source>
        <translation>Die Kategorien können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Category list not changed: %1</source>
        <translation>Kategorieliste nicht geändert: %1</translation>
    </message>
    <message>
        <source>Where the model runs to predict</source>
        <translation>Wo das Modell für die Vorhersage läuft</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>The last prediction: device, speed, warnings and the images that failed</source>
        <translation>Die letzte Vorhersage: Gerät, Geschwindigkeit, Warnungen und fehlgeschlagene Bilder</translation>
    </message>
    <message numerus="yes">
        <source>Predict the remaining %n image(s)</source>
        <translation>
            <numerusform>Verbleibende vorhersagen (%n Bild)</numerusform>
            <numerusform>Verbleibende vorhersagen (%n Bilder)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This model has not predicted %n image(s) of “%1”. Prediction is unavailable in this build (no LibTorch): run `lightbox-cli predict` elsewhere and review the predictions here.</source>
        <translation>
            <numerusform>Dieses Modell hat für %n Bild von „%1“ keine Vorhersage. In diesem Build ist keine Vorhersage möglich (kein LibTorch): Führen Sie `lightbox-cli predict` anderswo aus und befunden Sie die Vorhersagen hier.</numerusform>
            <numerusform>Dieses Modell hat für %n Bilder von „%1“ keine Vorhersage. In diesem Build ist keine Vorhersage möglich (kein LibTorch): Führen Sie `lightbox-cli predict` anderswo aus und befunden Sie die Vorhersagen hier.</numerusform>
        </translation>
    </message>
    <message>
        <source>This model has predicted %1 of %2 images of “%3”: press “Predict the remaining” to finish.</source>
        <translation>Dieses Modell hat %1 von %2 Bildern von „%3“ vorhergesagt: Klicken Sie zum Abschließen auf „Verbleibende vorhersagen“.</translation>
    </message>
    <message>
        <source>Prediction details</source>
        <translation>Vorhersagedetails</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>kein Ergebnis</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ScoreHistogramView</name>
    <message>
        <source>Scores of this image&apos;s voxels (logarithmic counts), 0 at the bottom, 1 at the top; the line is the threshold</source>
        <translation>Scores der Voxel dieses Bildes (logarithmische Häufigkeiten), 0 unten, 1 oben; die Linie ist der Schwellenwert</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::SimulateLesionsDialog</name>
    <message>
        <source>Test Set with Simulated Lesions</source>
        <translation>Testdatensatz mit simulierten Läsionen</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %3, %n image(s))</source>
        <translation>
            <numerusform>%1 (%2, %3, %n Bild)</numerusform>
            <numerusform>%1 (%2, %3, %n Bilder)</numerusform>
        </translation>
    </message>
    <message>
        <source>Holds out every k-th slice of each healthy volume and copies it into a new &lt;b&gt;test&lt;/b&gt; dataset; most of these slices get one or two &lt;b&gt;simulated&lt;/b&gt; lesions (smooth bright or dark ellipses, not one of the training tasks) with their masks as ground truth. The held-out slices are left out of training from now on, so the model is tested on slices it never saw. There are no real lesions in this set: it is marked “simulated” in the project.</source>
        <translation>Hält jede k-te Schicht jedes gesunden Volumens zurück und kopiert sie in einen neuen &lt;b&gt;Test&lt;/b&gt;datensatz; die meisten dieser Schichten erhalten eine oder zwei &lt;b&gt;simulierte&lt;/b&gt; Läsionen (glatte helle oder dunkle Ellipsen, keine der Trainingsaufgaben) mit ihren Masken als Referenz. Die zurückgehaltenen Schichten sind ab jetzt vom Training ausgeschlossen, sodass das Modell an Schichten getestet wird, die es nie gesehen hat. Dieser Datensatz enthält keine echten Läsionen: Er ist im Projekt als „simuliert“ markiert.</translation>
    </message>
    <message>
        <source>A healthy dataset imported with the brain-slices-2d preset (one working array per axial slice). Its held-out slices stay in it, marked, but no training run uses them any more.</source>
        <translation>Ein gesunder Datensatz, importiert mit der Voreinstellung brain-slices-2d (ein Arbeitsarray pro axialer Schicht). Seine zurückgehaltenen Schichten bleiben darin, markiert, aber kein Trainingslauf verwendet sie mehr.</translation>
    </message>
    <message>
        <source>Name of the new test dataset; it must not exist yet</source>
        <translation>Name des neuen Testdatensatzes; er darf noch nicht existieren</translation>
    </message>
    <message>
        <source>1 in </source>
        <translation>1 aus </translation>
    </message>
    <message>
        <source> slices</source>
        <translation> Schichten</translation>
    </message>
    <message>
        <source>Which slices become test images: slices 0, k, 2k, … of each volume. They are held out of training for good (later runs skip them), so a smaller k makes a bigger test set and leaves less to train on.</source>
        <translation>Welche Schichten zu Testbildern werden: die Schichten 0, k, 2k, … jedes Volumens. Sie sind dauerhaft vom Training ausgeschlossen (spätere Läufe überspringen sie); ein kleineres k ergibt also einen größeren Testdatensatz und lässt weniger zum Trainieren.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Share of the held-out slices that get lesions; the others stay healthy, so the test set has negatives too (sample-level AP and AUROC need both).</source>
        <translation>Anteil der zurückgehaltenen Schichten, die Läsionen erhalten; die übrigen bleiben gesund, sodass der Testdatensatz auch Negative enthält (AP und AUROC auf Bildebene brauchen beides).</translation>
    </message>
    <message>
        <source>Where the lesions go, their size, shape and brightness: the same seed makes the same set</source>
        <translation>Lage, Größe, Form und Helligkeit der Läsionen: Derselbe Seed ergibt denselben Datensatz</translation>
    </message>
    <message>
        <source>&amp;Source (healthy):</source>
        <translation>&amp;Quelle (gesund):</translation>
    </message>
    <message>
        <source>&amp;New test dataset:</source>
        <translation>&amp;Neuer Testdatensatz:</translation>
    </message>
    <message>
        <source>&amp;Held-out slices:</source>
        <translation>&amp;Zurückgehaltene Schichten:</translation>
    </message>
    <message>
        <source>&amp;With lesions:</source>
        <translation>&amp;Mit Läsionen:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <source>Create Test Set</source>
        <translation>Testdatensatz erstellen</translation>
    </message>
    <message>
        <source>The test set is written in one transaction: cancelling leaves the project as it was. You can close this window; the work goes on in the status bar.</source>
        <translation>Der Testdatensatz wird in einer Transaktion geschrieben: Beim Abbrechen bleibt das Projekt unverändert. Sie können dieses Fenster schließen; die Arbeit geht in der Statusleiste weiter.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>About %1 % of each volume&apos;s slices become test images.</source>
        <translation>Etwa %1 % der Schichten jedes Volumens werden zu Testbildern.</translation>
    </message>
    <message>
        <source>“%1” was imported with %2, not %3: only slice datasets can be used.</source>
        <translation>„%1“ wurde mit %2 importiert, nicht mit %3: Nur Schichtdatensätze sind verwendbar.</translation>
    </message>
    <message>
        <source>The project has no healthy dataset yet: import a brain volume with the %1 preset first.</source>
        <translation>Das Projekt hat noch keinen gesunden Datensatz: Importieren Sie zuerst ein Gehirnvolumen mit der Voreinstellung %1.</translation>
    </message>
    <message>
        <source>The project already has a dataset named “%1”.</source>
        <translation>Das Projekt hat bereits einen Datensatz namens „%1“.</translation>
    </message>
    <message>
        <source>Wait for “%1” to finish first</source>
        <translation>Warten Sie zuerst, bis „%1“ fertig ist</translation>
    </message>
    <message>
        <source>Choosing the slices to hold out…</source>
        <translation>Zurückzuhaltende Schichten werden gewählt…</translation>
    </message>
    <message>
        <source>Simulating lesions on held-out slice %1 of %2</source>
        <translation>Läsionen werden simuliert: zurückgehaltene Schicht %1 von %2</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Making test set %1</source>
        <translation>Testdatensatz %1 wird erstellt</translation>
    </message>
    <message>
        <source>Another job is running (“%1”): wait for it, or cancel it, first.</source>
        <translation>Ein anderer Auftrag läuft („%1“): Warten Sie zuerst, bis er fertig ist, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written, and the source dataset is unchanged.</source>
        <translation>Abgebrochen: Nichts wurde geschrieben, der Quelldatensatz ist unverändert.</translation>
    </message>
    <message>
        <source>Could not make the test set: %1</source>
        <translation>Der Testdatensatz konnte nicht erstellt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;“%1” made&lt;/b&gt; from “%2”: %n held-out slice(s)</source>
        <translation>
            <numerusform>&lt;b&gt;„%1“ erstellt&lt;/b&gt; aus „%2“: %n zurückgehaltene Schicht</numerusform>
            <numerusform>&lt;b&gt;„%1“ erstellt&lt;/b&gt; aus „%2“: %n zurückgehaltene Schichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n with simulated lesions</source>
        <translation>
            <numerusform>, %n mit simulierten Läsionen</numerusform>
            <numerusform>, %n mit simulierten Läsionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n lesion pixel(s) in the masks)</source>
        <translation>
            <numerusform> (%n Läsionspixel in den Masken)</numerusform>
            <numerusform> (%n Läsionspixel in den Masken)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n left healthy.</source>
        <translation>
            <numerusform>, %n gesund belassen.</numerusform>
            <numerusform>, %n gesund belassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>These slices are left out of training from now on. Train a run on “%1”, then predict “%2” on the Review page; its masks give the ROC and PR figures.</source>
        <translation>Diese Schichten sind ab jetzt vom Training ausgeschlossen. Trainieren Sie einen Lauf auf „%1“ und erstellen Sie dann auf der Seite „Befundung“ Vorhersagen für „%2“; seine Masken liefern die ROC- und PR-Werte.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Test Set Made</source>
        <translation>Testdatensatz erstellt</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::SliceView</name>
    <message>
        <source>Axial</source>
        <translation>Axial</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Koronal</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <source>%1  %2 / %3</source>
        <translation>%1  %2 / %3</translation>
    </message>
    <message>
        <source>2D image</source>
        <translation>2D-Bild</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::TaskPreviewPanel</name>
    <message>
        <source>The same seed always gives the same sample; type one to see it again</source>
        <translation>Derselbe Seed ergibt immer dasselbe Beispiel; geben Sie ihn ein, um es erneut zu sehen</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>Neu würfeln</translation>
    </message>
    <message>
        <source>A new random seed</source>
        <translation>Ein neuer zufälliger Seed</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Überlagerung</translation>
    </message>
    <message>
        <source>Show the soft label and the mask outline over the augmented image</source>
        <translation>Das weiche Label und den Maskenumriss über dem augmentierten Bild zeigen</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Augmented</source>
        <translation>Augmentiert</translation>
    </message>
    <message>
        <source>Anomaly mask</source>
        <translation>Anomaliemaske</translation>
    </message>
    <message>
        <source>Soft label</source>
        <translation>Weiches Label</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source> examples</source>
        <translation> Beispiele</translation>
    </message>
    <message>
        <source>Task parameters</source>
        <translation>Aufgabenparameter</translation>
    </message>
    <message>
        <source>Restore paper defaults</source>
        <translation>Standardwerte der Publikation wiederherstellen</translation>
    </message>
    <message>
        <source>Cannot reset the settings: %1</source>
        <translation>Die Einstellungen können nicht zurückgesetzt werden: %1</translation>
    </message>
    <message>
        <source>No image selected</source>
        <translation>Kein Bild ausgewählt</translation>
    </message>
    <message>
        <source>Select an image of a project to see what the tasks do to it.</source>
        <translation>Wählen Sie ein Bild eines Projekts, um zu sehen, was die Aufgaben damit machen.</translation>
    </message>
    <message>
        <source>Loading the working image and the dataset…</source>
        <translation>Arbeitsbild und Datensatz werden geladen…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Cannot preview this image</source>
        <translation>Für dieses Bild ist keine Vorschau möglich</translation>
    </message>
    <message>
        <source>Paper task %1. %2</source>
        <translation>Aufgabe %1 der Publikation. %2</translation>
    </message>
    <message>
        <source>%1 (needs a blend dataset)</source>
        <translation>%1 (benötigt einen Überblendungsdatensatz)</translation>
    </message>
    <message>
        <source>&lt;b&gt;All tasks&lt;/b&gt; (anomaly count, size, label)</source>
        <translation>&lt;b&gt;Alle Aufgaben&lt;/b&gt; (Anzahl, Größe, Label der Anomalien)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>paper: %1</source>
        <translation>Paper: %1</translation>
    </message>
    <message>
        <source>This task has no parameters of its own.</source>
        <translation>Diese Aufgabe hat keine eigenen Parameter.</translation>
    </message>
    <message>
        <source>Stored in the project; training uses these values.</source>
        <translation>Im Projekt gespeichert; das Training verwendet diese Werte.</translation>
    </message>
    <message>
        <source>Paper defaults (nothing stored for this task yet).</source>
        <translation>Standardwerte der Publikation (für diese Aufgabe noch nichts gespeichert).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Inter-dataset blending needs a blend source</source>
        <translation>Die Überblendung zwischen Datensätzen benötigt eine Überblendungsquelle</translation>
    </message>
    <message>
        <source>This project has no blend dataset, so inter-dataset Poisson blending cannot be previewed. Import images of another kind (e.g. natural textures) with the role &quot;blend&quot;; training needs them too.</source>
        <translation>Dieses Projekt hat keinen Überblendungsdatensatz, daher ist für die Poisson-Überblendung zwischen Datensätzen keine Vorschau möglich. Importieren Sie Bilder einer anderen Art (z. B. natürliche Texturen) mit der Rolle „Überblendungsquelle“; das Training benötigt sie ebenfalls.</translation>
    </message>
    <message>
        <source>No sample</source>
        <translation>Kein Beispiel</translation>
    </message>
    <message>
        <source>1 anomaly</source>
        <translation>1 Anomalie</translation>
    </message>
    <message>
        <source>%1 anomalies</source>
        <translation>%1 Anomalien</translation>
    </message>
    <message>
        <source>%1 covering %2% of the image · seed %3 · on %4 · %5 ms</source>
        <translation>%1 auf %2 % des Bildes · Seed %3 · auf %4 · %5 ms</translation>
    </message>
    <message>
        <source>Blend source: %1</source>
        <translation>Überblendungsquelle: %1</translation>
    </message>
    <message>
        <source>Slice %1/%2</source>
        <translation>Schicht %1/%2</translation>
    </message>
    <message>
        <source>Augmented + soft label</source>
        <translation>Augmentiert + weiches Label</translation>
    </message>
    <message>
        <source>No blend dataset: nothing to show.</source>
        <translation>Kein Überblendungsdatensatz: nichts anzuzeigen.</translation>
    </message>
    <message>
        <source>Generating %1 examples…</source>
        <translation>%1 Beispiele werden erzeugt…</translation>
    </message>
    <message>
        <source>%1 · #%2</source>
        <translation>%1 · Nr. %2</translation>
    </message>
    <message>
        <source>Sample %1 of seed %2 on %3: %4 anomalies</source>
        <translation>Beispiel %1 von Seed %2 auf %3: %4 Anomalien</translation>
    </message>
    <message>
        <source>%1 on the one image of dataset &quot;%2&quot;; outline = anomaly mask</source>
        <translation>%1 auf dem einzigen Bild des Datensatzes „%2“; Umriss = Anomaliemaske</translation>
    </message>
    <message>
        <source>%1 across %2 images of dataset &quot;%3&quot;; outline = anomaly mask</source>
        <translation>%1 über %2 Bilder des Datensatzes „%3“; Umriss = Anomaliemaske</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ThresholdPanel</name>
    <message>
        <source>&lt;b&gt;Threshold&lt;/b&gt;</source>
        <translation>&lt;b&gt;Schwellenwert&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Propose a threshold when a run finishes</source>
        <translation>Schwellenwert vorschlagen, wenn ein Lauf endet</translation>
    </message>
    <message>
        <source>From the run&apos;s held-out synthetic tasks and its healthy validation images: no ground truth needed. A threshold set by the user stays in force.</source>
        <translation>Aus den zurückgehaltenen synthetischen Aufgaben des Laufs und seinen gesunden Validierungsbildern: keine Referenzdaten nötig. Ein manuell festgelegter Schwellenwert bleibt gültig.</translation>
    </message>
    <message>
        <source>Propose Threshold</source>
        <translation>Schwellenwert vorschlagen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Propose (again) the threshold of the selected run&apos;s ensemble, or of the selected fold</source>
        <translation>Den Schwellenwert des Ensembles des ausgewählten Laufs oder des ausgewählten Folds (erneut) vorschlagen</translation>
    </message>
    <message>
        <source>Cancelling the proposal…</source>
        <translation>Vorschlag wird abgebrochen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Threshold&lt;/b&gt; — run %1, %2</source>
        <translation>&lt;b&gt;Schwellenwert&lt;/b&gt; – Lauf %1, %2</translation>
    </message>
    <message>
        <source>Select a run (its ensemble) or one of its folds to see or propose its threshold.</source>
        <translation>Wählen Sie einen Lauf (sein Ensemble) oder einen seiner Folds, um seinen Schwellenwert zu sehen oder vorzuschlagen.</translation>
    </message>
    <message>
        <source>Thresholds are proposed by a build with the models library (LibTorch).</source>
        <translation>Schwellenwerte schlägt ein Build mit der Modellbibliothek (LibTorch) vor.</translation>
    </message>
    <message>
        <source>Could not read the threshold: %1</source>
        <translation>Der Schwellenwert konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Another job is running (%1): propose when it is done.</source>
        <translation>Ein anderer Auftrag läuft (%1): Schlagen Sie vor, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>Proposing the threshold of run %1</source>
        <translation>Schwellenwert von Lauf %1 wird vorgeschlagen</translation>
    </message>
    <message>
        <source>Proposing the threshold of run %1, fold %2…</source>
        <translation>Schwellenwert von Lauf %1, Fold %2 wird vorgeschlagen…</translation>
    </message>
    <message>
        <source>Proposing the threshold of run %1…</source>
        <translation>Schwellenwert von Lauf %1 wird vorgeschlagen…</translation>
    </message>
    <message>
        <source>Proposal cancelled: no threshold was recorded.</source>
        <translation>Vorschlag abgebrochen: Kein Schwellenwert wurde gespeichert.</translation>
    </message>
    <message>
        <source>Threshold of run %1 proposed and stored.</source>
        <translation>Schwellenwert von Lauf %1 vorgeschlagen und gespeichert.</translation>
    </message>
    <message>
        <source>Could not propose a threshold for run %1: %2</source>
        <translation>Für Lauf %1 konnte kein Schwellenwert vorgeschlagen werden: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Select a run in the list.</source>
        <translation>Wählen Sie einen Lauf in der Liste.</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::TrainingCharts</name>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>Training (moving average)</source>
        <translation>Training (gleitender Mittelwert)</translation>
    </message>
    <message>
        <source>Validation (held-out tasks)</source>
        <translation>Validierung (zurückgehaltene Aufgaben)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Learning rate per step</source>
        <translation>Lernrate pro Schritt</translation>
    </message>
    <message>
        <source>Held-out task pixel AP</source>
        <translation>Pixel-AP der zurückgehaltenen Aufgaben</translation>
    </message>
    <message>
        <source>Pixel AP per task</source>
        <translation>Pixel-AP pro Aufgabe</translation>
    </message>
    <message>
        <source>Held out (at the best step)</source>
        <translation>Zurückgehalten (beim besten Schritt)</translation>
    </message>
    <message>
        <source>intra</source>
        <translation>intra</translation>
    </message>
    <message>
        <source>inter</source>
        <translation>inter</translation>
    </message>
    <message>
        <source>sink</source>
        <translation>Senke</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>intensity</source>
        <translation>Intensität</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Training tasks</source>
        <translation>Trainingsaufgaben</translation>
    </message>
    <message>
        <source>The trainer logs pixel AP on held-out tasks only, so the bars show held-out tasks; AP on the training tasks is not measured.</source>
        <translation>Das Training protokolliert die Pixel-AP nur für zurückgehaltene Aufgaben, daher zeigen die Balken zurückgehaltene Aufgaben; die AP der Trainingsaufgaben wird nicht gemessen.</translation>
    </message>
    <message>
        <source>No bar for task %1: trained on in every fold of this run.</source>
        <translation>Kein Balken für Aufgabe %1: in jedem Fold dieses Laufs trainiert.</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::TrainingPage</name>
    <message>
        <source>&lt;b&gt;Training is not available in this build&lt;/b&gt; (it was built without LibTorch). The project&apos;s runs are listed on the right; train with a build that has the models library, or on another machine with &lt;code&gt;lightbox-cli train&lt;/code&gt;.</source>
        <translation>&lt;b&gt;Training ist in diesem Build nicht verfügbar&lt;/b&gt; (ohne LibTorch gebaut). Die Läufe des Projekts sind rechts aufgeführt; trainieren Sie mit einem Build, der die Modellbibliothek enthält, oder auf einem anderen Rechner mit &lt;code&gt;lightbox-cli train&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>&lt;small&gt;Network and learning-rate values are the preset&apos;s, read-only here: the run stores all of them, so resuming or predicting rebuilds exactly this network. Choose another preset to change them.&lt;/small&gt;</source>
        <translation>&lt;small&gt;Netzwerk- und Lernratenwerte stammen aus der Voreinstellung und sind hier schreibgeschützt: Der Lauf speichert sie alle, sodass Fortsetzen oder Vorhersagen genau dieses Netzwerk wiederherstellt. Wählen Sie eine andere Voreinstellung, um sie zu ändern.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>The healthy images to train on</source>
        <translation>Die gesunden Bilder für das Training</translation>
    </message>
    <message>
        <source>Source images of task 1 (inter-dataset Poisson blending), needed whether it trains or is held out</source>
        <translation>Quellbilder für Aufgabe 1 (Poisson-Überblendung zwischen Datensätzen), nötig, ob sie trainiert oder zurückgehalten wird</translation>
    </message>
    <message>
        <source>Healthy images:</source>
        <translation>Gesunde Bilder:</translation>
    </message>
    <message>
        <source>Blend source:</source>
        <translation>Überblendungsquelle:</translation>
    </message>
    <message>
        <source>Training tasks</source>
        <translation>Trainingsaufgaben</translation>
    </message>
    <message>
        <source>These tasks train; the others are held out for validation:</source>
        <translation>Diese Aufgaben trainieren, die übrigen validieren:</translation>
    </message>
    <message>
        <source>Cross-validation: every fold of T training tasks</source>
        <translation>Kreuzvalidierung: jeder Fold aus T Trainingsaufgaben</translation>
    </message>
    <message>
        <source>T =</source>
        <translation>T =</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>the preset&apos;s epochs</source>
        <translation>Epochen der Voreinstellung</translation>
    </message>
    <message>
        <source>Optimiser steps per fold; 0 = the preset&apos;s number of epochs</source>
        <translation>Optimierungsschritte pro Fold; 0 = Epochenzahl der Voreinstellung</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Wall-clock limit of this call; a run stopped by it is paused and can be resumed</source>
        <translation>Zeitlimit (Echtzeit) dieses Aufrufs; ein dadurch gestoppter Lauf wird pausiert und kann fortgesetzt werden</translation>
    </message>
    <message>
        <source>every epoch</source>
        <translation>jede Epoche</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <source>Max steps:</source>
        <translation>Max. Schritte:</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>Validate:</source>
        <translation>Validieren:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>CPU-Threads:</translation>
    </message>
    <message>
        <source>Start Training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>Queue (one run at a time)</source>
        <translation>Warteschlange (ein Lauf nach dem anderen)</translation>
    </message>
    <message>
        <source>Remove from Queue</source>
        <translation>Aus der Warteschlange entfernen</translation>
    </message>
    <message>
        <source>&lt;b&gt;No run on the monitor&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kein Lauf in der Überwachung&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Stops after the current step and keeps a checkpoint: the run can be resumed</source>
        <translation>Hält nach dem aktuellen Schritt an und behält einen Checkpoint: Der Lauf kann fortgesetzt werden</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Continue the selected run from its latest checkpoint (with the device, threads and time limit of the form; the run&apos;s own preset, data, tasks and seed)</source>
        <translation>Den ausgewählten Lauf ab seinem letzten Checkpoint fortsetzen (mit Gerät, Threads und Zeitlimit aus dem Formular; Voreinstellung, Daten, Aufgaben und Seed des Laufs)</translation>
    </message>
    <message>
        <source>Fold:</source>
        <translation>Fold:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Läufe&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Run / fold</source>
        <translation>Lauf / Fold</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Train tasks</source>
        <translation>Trainingsaufgaben</translation>
    </message>
    <message>
        <source>Held-out tasks</source>
        <translation>Zurückgehaltene Aufgaben</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Best val. loss</source>
        <translation>Bester Val.-Loss</translation>
    </message>
    <message>
        <source>Held-out pixel AP at best</source>
        <translation>Pixel-AP (zurückgehalten) am besten Schritt</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>%1D U-Net, %2 levels, %3 → max %4 features, %5 convolutions per stage</source>
        <translation>%1D-U-Net, %2 Ebenen, %3 → max. %4 Merkmalskanäle, %5 Faltungen pro Stufe</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>%1, %2 image + %3 position channels</source>
        <translation>%1, %2 Bild- + %3 Positionskanäle</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Base learning rate</source>
        <translation>Basis-Lernrate</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Aufwärmphase</translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation>%1 Schritte</translation>
    </message>
    <message>
        <source>Decay per step</source>
        <translation>Abfall pro Schritt</translation>
    </message>
    <message>
        <source>LR floor</source>
        <translation>LR-Untergrenze</translation>
    </message>
    <message>
        <source>%1 × base</source>
        <translation>%1 × Basis</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Early-stop patience</source>
        <translation>Geduld für frühes Stoppen</translation>
    </message>
    <message>
        <source>Loss average</source>
        <translation>Loss-Mittelung</translation>
    </message>
    <message>
        <source>EMA %1</source>
        <translation>EMA %1</translation>
    </message>
    <message>
        <source>Left-right flips</source>
        <translation>Links-rechts-Spiegelungen</translation>
    </message>
    <message>
        <source>Meant for</source>
        <translation>Gedacht für</translation>
    </message>
    <message>
        <source>a GPU (the paper&apos;s setting)</source>
        <translation>eine GPU (Einstellung der Publikation)</translation>
    </message>
    <message>
        <source>a CPU</source>
        <translation>eine CPU</translation>
    </message>
    <message>
        <source>all %1 folds</source>
        <translation>alle %1 Folds</translation>
    </message>
    <message>
        <source>fold %1: trains %2, holds out %3</source>
        <translation>Fold %1: trainiert %2, hält %3 zurück</translation>
    </message>
    <message>
        <source>Check 1 to 4 of the five tasks: at least one must be held out to validate on.</source>
        <translation>Wählen Sie 1 bis 4 der fünf Aufgaben: Mindestens eine muss zur Validierung zurückgehalten werden.</translation>
    </message>
    <message>
        <source>Held out for validation (the calibration signal): %1.</source>
        <translation>Zur Validierung zurückgehalten (das Kalibrierungssignal): %1.</translation>
    </message>
    <message>
        <source>%1 folds one after another; each holds out the tasks it does not train on.</source>
        <translation>%1 Folds nacheinander; jeder hält die Aufgaben zurück, auf denen er nicht trainiert.</translation>
    </message>
    <message>
        <source>Only fold %1 (a cluster array job trains one fold each).</source>
        <translation>Nur Fold %1 (ein Cluster-Array-Job trainiert je einen Fold).</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is the paper&apos;s GPU setting.&lt;/b&gt; On this CPU one step takes about %2 (benchmark: ~35 s per step for the 2D network at batch 50, ~50 s for the 3D one, on 2 cores), so %3 steps would take about &lt;b&gt;%4&lt;/b&gt; per fold. Use cpu-quick-2d here, or train on a GPU machine with &lt;code&gt;lightbox-cli train&lt;/code&gt;.</source>
        <translation>&lt;b&gt;%1 ist die GPU-Einstellung der Publikation.&lt;/b&gt; Auf dieser CPU dauert ein Schritt etwa %2 (Benchmark: ~35 s pro Schritt für das 2D-Netzwerk bei Batchgröße 50, ~50 s für das 3D-Netzwerk, auf 2 Kernen), %3 Schritte würden also etwa &lt;b&gt;%4&lt;/b&gt; pro Fold dauern. Verwenden Sie hier cpu-quick-2d oder trainieren Sie auf einem GPU-Rechner mit &lt;code&gt;lightbox-cli train&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>%1 steps per fold.</source>
        <translation>%1 Schritte pro Fold.</translation>
    </message>
    <message>
        <source>Add to Queue</source>
        <translation>Zur Warteschlange hinzufügen</translation>
    </message>
    <message>
        <source>Could not read the datasets: %1</source>
        <translation>Die Datensätze konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 (%2, %3 images)</source>
        <translation>%1 (%2, %3 Bilder)</translation>
    </message>
    <message>
        <source>Choose the healthy images to train on.</source>
        <translation>Wählen Sie die gesunden Bilder für das Training.</translation>
    </message>
    <message>
        <source>Check 1 to 4 training tasks; the others are held out.</source>
        <translation>Wählen Sie 1 bis 4 Trainingsaufgaben; die übrigen werden zurückgehalten.</translation>
    </message>
    <message>
        <source>Task 1 (inter-dataset blending) needs a blend source, whether it trains or is held out.</source>
        <translation>Aufgabe 1 (Überblendung zwischen Datensätzen) benötigt eine Überblendungsquelle, ob sie trainiert oder zurückgehalten wird.</translation>
    </message>
    <message>
        <source>Paper preset on a CPU</source>
        <translation>Voreinstellung der Publikation auf einer CPU</translation>
    </message>
    <message>
        <source>&lt;p&gt;Start it anyway?&lt;/p&gt;</source>
        <translation>&lt;p&gt;Trotzdem starten?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Queued: it starts when “%1” is done.</source>
        <translation>In der Warteschlange: startet, sobald „%1“ fertig ist.</translation>
    </message>
    <message>
        <source>Cancelling: the run stops after this step and keeps a checkpoint to resume from…</source>
        <translation>Wird abgebrochen: Der Lauf hält nach diesem Schritt an und behält einen Checkpoint zum Fortsetzen…</translation>
    </message>
    <message>
        <source>Quit Lightbox</source>
        <translation>Lightbox beenden</translation>
    </message>
    <message>
        <source>Run %1 is training.</source>
        <translation>Lauf %1 trainiert gerade.</translation>
    </message>
    <message>
        <source>A run is training.</source>
        <translation>Ein Lauf trainiert gerade.</translation>
    </message>
    <message>
        <source>Cancel it and quit? It keeps its latest checkpoint and shows as resumable on the Training page.</source>
        <translation>Abbrechen und beenden? Er behält seinen letzten Checkpoint und erscheint auf der Seite „Training“ als fortsetzbar.</translation>
    </message>
    <message>
        <source>The %1 queued run(s) will not start.</source>
        <translation>Die %1 Läufe in der Warteschlange werden nicht gestartet.</translation>
    </message>
    <message>
        <source>Cancel Run and Quit</source>
        <translation>Lauf abbrechen und beenden</translation>
    </message>
    <message>
        <source>Keep Training</source>
        <translation>Weiter trainieren</translation>
    </message>
    <message>
        <source>Training: %1</source>
        <translation>Training: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run %1&lt;/b&gt; — resuming</source>
        <translation>&lt;b&gt;Lauf %1&lt;/b&gt; – wird fortgesetzt</translation>
    </message>
    <message>
        <source>&lt;b&gt;New run&lt;/b&gt; — starting</source>
        <translation>&lt;b&gt;Neuer Lauf&lt;/b&gt; – wird gestartet</translation>
    </message>
    <message>
        <source>Loading images…</source>
        <translation>Bilder werden geladen…</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>cancelled; resumable from its latest checkpoint</source>
        <translation>abgebrochen; ab dem letzten Checkpoint fortsetzbar</translation>
    </message>
    <message>
        <source>time limit reached; paused and resumable</source>
        <translation>Zeitlimit erreicht; pausiert und fortsetzbar</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled — the run can be resumed</source>
        <translation>Abgebrochen – der Lauf kann fortgesetzt werden</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
    <message>
        <source>Could not read the run&apos;s metrics: %1</source>
        <translation>Die Metriken des Laufs konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (trains %2, holds out %3)</source>
        <translation>%1 (trainiert %2, hält %3 zurück)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run %1&lt;/b&gt; — %2 — %3 — %4</source>
        <translation>&lt;b&gt;Lauf %1&lt;/b&gt; – %2 – %3 – %4</translation>
    </message>
    <message>
        <source>Fold %1: step %2 of %3</source>
        <translation>Fold %1: Schritt %2 von %3</translation>
    </message>
    <message>
        <source>Fold %1: %2 steps</source>
        <translation>Fold %1: %2 Schritte</translation>
    </message>
    <message>
        <source> · best validation loss %1 at step %2</source>
        <translation> · bester Validierungs-Loss %1 bei Schritt %2</translation>
    </message>
    <message>
        <source>Could not read the runs: %1</source>
        <translation>Die Läufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Marked as training, but not by this window: the process that trained it was interrupted (a crash, a kill), or it trains in another process. Resume continues from its latest checkpoint.</source>
        <translation>Als trainierend markiert, aber nicht von diesem Fenster: Der trainierende Prozess wurde unterbrochen (Absturz, Abbruch) oder er trainiert in einem anderen Prozess. „Fortsetzen“ macht ab dem letzten Checkpoint weiter.</translation>
    </message>
    <message>
        <source>fold %1</source>
        <translation>Fold %1</translation>
    </message>
    <message>
        <source>No training runs in this project yet.</source>
        <translation>In diesem Projekt gibt es noch keine Trainingsläufe.</translation>
    </message>
    <message>
        <source>No training runs</source>
        <translation>Keine Trainingsläufe</translation>
    </message>
    <message>
        <source>Could not</source>
        <translation>Nicht möglich</translation>
    </message>
    <message numerus="yes">
        <source>%n fold(s)</source>
        <translation>
            <numerusform>%n Fold</numerusform>
            <numerusform>%n Folds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::TrainingQueueModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source> (run %1)</source>
        <translation> (Lauf %1)</translation>
    </message>
    <message>
        <source>Resume run %1</source>
        <translation>Lauf %1 fortsetzen</translation>
    </message>
    <message>
        <source>tasks %1</source>
        <translation>Aufgaben %1</translation>
    </message>
    <message>
        <source>T = %1, fold %2</source>
        <translation>T = %1, Fold %2</translation>
    </message>
    <message>
        <source>T = %1, all folds</source>
        <translation>T = %1, alle Folds</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source> · %1 steps</source>
        <translation> · %1 Schritte</translation>
    </message>
    <message>
        <source> · ≤ %1 min</source>
        <translation> · ≤ %1 Min.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Anomaly localisation from healthy images</source>
        <translation>Anomalielokalisierung aus gesunden Bildern</translation>
    </message>
    <message>
        <source>Project file (.lightbox) to open</source>
        <translation>Zu öffnende Projektdatei (.lightbox)</translation>
    </message>
    <message>
        <source>Build the demo project (real healthy brain slices, simulated lesions, a short training) or reuse it, and review it</source>
        <translation>Das Demoprojekt erstellen (echte gesunde Hirnschichten, simulierte Läsionen, ein kurzes Training) oder wiederverwenden und befunden</translation>
    </message>
    <message>
        <source>With --demo: the demo project file</source>
        <translation>Mit --demo: die Projektdatei der Demo</translation>
    </message>
    <message>
        <source>With --demo: training time in minutes (default 3)</source>
        <translation>Mit --demo: Trainingsdauer in Minuten (Standard 3)</translation>
    </message>
</context>
</TS>
