<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Eta</name>
    <message numerus="yes">
        <source>%n s left</source>
        <translation>
            <numerusform>%n s left</numerusform>
            <numerusform>%n s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>about %n min left</numerusform>
            <numerusform>about %n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n h left</source>
        <translation>
            <numerusform>about %n h left</numerusform>
            <numerusform>about %n h left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PredictionText</name>
    <message numerus="yes">
        <source>Prediction cancelled after %n image(s); the images done so far are kept</source>
        <translation>
            <numerusform>Prediction cancelled after %n image; the images done so far are kept</numerusform>
            <numerusform>Prediction cancelled after %n images; the images done so far are kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Predicted %n image(s)</source>
        <translation>
            <numerusform>Predicted %n image</numerusform>
            <numerusform>Predicted %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n failed</source>
        <translation>
            <numerusform>; %n failed</numerusform>
            <numerusform>; %n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n warning(s)</source>
        <translation>
            <numerusform>; %n warning</numerusform>
            <numerusform>; %n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingLogic</name>
    <message numerus="yes">
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU, %n thread</numerusform>
            <numerusform>CPU, %n threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::desktop::DemoLauncher</name>
    <message numerus="yes">
        <source>Building the demo project: Colin27 slices, simulated lesions, %n minute(s) of training</source>
        <translation>
            <numerusform>Building the demo project: Colin27 slices, simulated lesions, %n minute of training</numerusform>
            <numerusform>Building the demo project: Colin27 slices, simulated lesions, %n minutes of training</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::CategoryDialog</name>
    <message numerus="yes">
        <source>%n finding(s) have the category “%1”; removing it leaves them without one. Remove it?</source>
        <translation>
            <numerusform>%n finding has the category “%1”; removing it leaves it without one. Remove it?</numerusform>
            <numerusform>%n findings have the category “%1”; removing it leaves them without one. Remove it?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::CurvesDialog</name>
    <message numerus="yes">
        <source>%n image(s) with ground truth</source>
        <translation>
            <numerusform>%n image with ground truth</numerusform>
            <numerusform>%n images with ground truth</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without, left out</source>
        <translation>
            <numerusform>%n without, left out</numerusform>
            <numerusform>%n without, left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>False positives: %n image(s)</source>
        <translation>
            <numerusform>False positives: %n image</numerusform>
            <numerusform>False positives: %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>False negatives: %n image(s)</source>
        <translation>
            <numerusform>False negatives: %n image</numerusform>
            <numerusform>False negatives: %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ExportDialog</name>
    <message numerus="yes">
        <source>%n finding(s) written to %1</source>
        <translation>
            <numerusform>%n finding written to %1</numerusform>
            <numerusform>%n findings written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::FindingTableModel</name>
    <message numerus="yes">
        <source>Finding %1: max score %2, mean %3, %n voxel(s), found at threshold %4</source>
        <translation>
            <numerusform>Finding %1: max score %2, mean %3, %n voxel, found at threshold %4</numerusform>
            <numerusform>Finding %1: max score %2, mean %3, %n voxels, found at threshold %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::HealthyAuditModel</name>
    <message numerus="yes">
        <source>%n image(s) excluded: kept in the project, left out of later training runs.</source>
        <translation>
            <numerusform>%n image excluded: kept in the project, left out of later training runs.</numerusform>
            <numerusform>%n images excluded: kept in the project, left out of later training runs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1, fold(s) %2: %3 of %4 healthy images audited by the folds that never trained on them, on %5.</source>
        <translation>
            <numerusform>Run %1, fold %2: %3 of %4 healthy images audited by the fold that never trained on them, on %5.</numerusform>
            <numerusform>Run %1, folds %2: %3 of %4 healthy images audited by the folds that never trained on them, on %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) excluded on their own: kept, left out of later training runs; the rest of each volume stays in.</source>
        <translation>
            <numerusform>%n slice excluded on its own: kept, left out of later training runs; the rest of its volume stays in.</numerusform>
            <numerusform>%n slices excluded on their own: kept, left out of later training runs; the rest of each volume stays in.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ImageTableModel</name>
    <message numerus="yes">
        <source>%1, %n slice(s) excluded</source>
        <translation>
            <numerusform>%1, %n slice excluded</numerusform>
            <numerusform>%1, %n slices excluded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) excluded from later training runs (healthy-set audit)</source>
        <translation>
            <numerusform>%n slice excluded from later training runs (healthy-set audit)</numerusform>
            <numerusform>%n slices excluded from later training runs (healthy-set audit)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ReviewPage</name>
    <message numerus="yes">
        <source>, %n with masks</source>
        <translation>
            <numerusform>, %n with masks</numerusform>
            <numerusform>, %n with masks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n with boxes</source>
        <translation>
            <numerusform>, %n with boxes</numerusform>
            <numerusform>, %n with boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %n image(s)%3)</source>
        <translation>
            <numerusform>%1 (%2, %n image%3)</numerusform>
            <numerusform>%1 (%2, %n images%3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) at the new threshold; %1 reviewed kept</source>
        <translation>
            <numerusform>%n finding at the new threshold; %1 reviewed kept</numerusform>
            <numerusform>%n findings at the new threshold; %1 reviewed kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Predict the remaining %n image(s)</source>
        <translation>
            <numerusform>Predict the remaining %n image</numerusform>
            <numerusform>Predict the remaining %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This model has not predicted %n image(s) of “%1”. Prediction is unavailable in this build (no LibTorch): run `lightbox-cli predict` elsewhere and review the predictions here.</source>
        <translation>
            <numerusform>This model has not predicted %n image of “%1”. Prediction is unavailable in this build (no LibTorch): run `lightbox-cli predict` elsewhere and review the predictions here.</numerusform>
            <numerusform>This model has not predicted %n images of “%1”. Prediction is unavailable in this build (no LibTorch): run `lightbox-cli predict` elsewhere and review the predictions here.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::SimulateLesionsDialog</name>
    <message numerus="yes">
        <source>%1 (%2, %3, %n image(s))</source>
        <translation>
            <numerusform>%1 (%2, %3, %n image)</numerusform>
            <numerusform>%1 (%2, %3, %n images)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;“%1” made&lt;/b&gt; from “%2”: %n held-out slice(s)</source>
        <translation>
            <numerusform>&lt;b&gt;“%1” made&lt;/b&gt; from “%2”: %n held-out slice</numerusform>
            <numerusform>&lt;b&gt;“%1” made&lt;/b&gt; from “%2”: %n held-out slices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n with simulated lesions</source>
        <translation>
            <numerusform>, %n with simulated lesions</numerusform>
            <numerusform>, %n with simulated lesions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n lesion pixel(s) in the masks)</source>
        <translation>
            <numerusform> (%n lesion pixel in the masks)</numerusform>
            <numerusform> (%n lesion pixels in the masks)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n left healthy.</source>
        <translation>
            <numerusform>, %n left healthy.</numerusform>
            <numerusform>, %n left healthy.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::TrainingPage</name>
    <message numerus="yes">
        <source>%n fold(s)</source>
        <translation>
            <numerusform>%n fold</numerusform>
            <numerusform>%n folds</numerusform>
        </translation>
    </message>
</context>
</TS>
