<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotationCommand</name>
    <message>
        <source>ellipse</source>
        <translation>椭圆</translation>
    </message>
    <message>
        <source>brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>box</source>
        <translation>矩形</translation>
    </message>
    <message>
        <source>Draw a finding (%1)</source>
        <translation>绘制发现（%1）</translation>
    </message>
    <message>
        <source>Extent of finding %1</source>
        <translation>发现 %1 的范围</translation>
    </message>
    <message>
        <source>Add category “%1”</source>
        <translation>添加类别“%1”</translation>
    </message>
    <message>
        <source>Rename category “%1” to “%2”</source>
        <translation>将类别“%1”重命名为“%2”</translation>
    </message>
    <message>
        <source>Remove category “%1”</source>
        <translation>移除类别“%1”</translation>
    </message>
    <message>
        <source>Reorder the categories</source>
        <translation>重新排列类别</translation>
    </message>
</context>
<context>
    <name>CurvesText</name>
    <message>
        <source>undefined</source>
        <translation>未定义</translation>
    </message>
    <message>
        <source>ROC — AUROC %1</source>
        <translation>ROC — AUROC %1</translation>
    </message>
    <message>
        <source>Precision–recall — AP %1</source>
        <translation>精确率–召回率 — AP %1</translation>
    </message>
    <message>
        <source>above every score</source>
        <translation>高于所有评分</translation>
    </message>
    <message>
        <source>%1 TP, %2 FP, %3 FN, %4 TN images</source>
        <translation>图像：%1 TP，%2 FP，%3 FN，%4 TN</translation>
    </message>
    <message>
        <source>%1 TP, %2 FP, %3 FN, %4 TN voxels</source>
        <translation>体素：%1 TP，%2 FP，%3 FN，%4 TN</translation>
    </message>
    <message>
        <source>Threshold %1: TPR %2, FPR %3, precision %4 (%5)</source>
        <translation>阈值 %1：TPR %2，FPR %3，精确率 %4（%5）</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>评分 %1</translation>
    </message>
    <message>
        <source>%1 voxels (%2 % of the image)</source>
        <translation>%1 个体素（占图像的 %2%）</translation>
    </message>
    <message>
        <source>%1 voxels (%2 % of its lesion)</source>
        <translation>%1 个体素（占其病灶的 %2%）</translation>
    </message>
</context>
<context>
    <name>DeviceControls</name>
    <message>
        <source>Automatic (CUDA)</source>
        <translation>自动（CUDA）</translation>
    </message>
    <message>
        <source>Automatic (CPU: no CUDA device)</source>
        <translation>自动（CPU：无 CUDA 设备）</translation>
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
        <translation>此 LibTorch 不含 CUDA，或未检测到 GPU</translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <source>LibTorch CPU threads</source>
        <translation>LibTorch CPU 线程数</translation>
    </message>
</context>
<context>
    <name>Eta</name>
    <message>
        <source>almost done</source>
        <translation>即将完成</translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation>
            <numerusform>剩余 %n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>约剩 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n h left</source>
        <translation>
            <numerusform>约剩 %n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>约剩 %1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>W %1  L %2</source>
        <translation>窗宽 %1  窗位 %2</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>PredictionText</name>
    <message>
        <source>on %1</source>
        <translation>在 %1 上</translation>
    </message>
    <message>
        <source>on %1, %2 s per image</source>
        <translation>在 %1 上，每幅图像 %2 秒</translation>
    </message>
    <message>
        <source>No threshold for this model: maps and scores are stored, findings are not made — propose one on the Training page, then press “Find again at this threshold” here.</source>
        <translation>此模型没有阈值：热图和评分已存储，但不生成发现——请在“训练”页面建议一个阈值，然后在此点击“按此阈值重新查找”。</translation>
    </message>
    <message numerus="yes">
        <source>Prediction cancelled after %n image(s); the images done so far are kept</source>
        <translation>
            <numerusform>预测在 %n 幅图像后取消；已完成的图像予以保留</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Predicted %n image(s)</source>
        <translation>
            <numerusform>已预测 %n 幅图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n failed</source>
        <translation>
            <numerusform>；%n 幅失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n warning(s)</source>
        <translation>
            <numerusform>；%n 条警告</numerusform>
        </translation>
    </message>
    <message>
        <source> — see Details…</source>
        <translation>——请查看“详细信息…”</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <source>Images predicted: %1</source>
        <translation>已预测图像：%1</translation>
    </message>
    <message>
        <source>Images predicted before, left as they were: %1</source>
        <translation>此前已预测、保持不变的图像：%1</translation>
    </message>
    <message>
        <source>Seconds per image: %1</source>
        <translation>每幅图像秒数：%1</translation>
    </message>
    <message>
        <source>Maps stored: %1</source>
        <translation>已存储热图：%1</translation>
    </message>
    <message>
        <source>Findings: %1 at threshold %2</source>
        <translation>发现：%1 个（阈值 %2）</translation>
    </message>
    <message>
        <source>Cancelled: the images not reached have no prediction yet.</source>
        <translation>已取消：尚未处理到的图像还没有预测结果。</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Images that failed (they have no prediction; predict the remaining images to retry):</source>
        <translation>失败的图像（它们没有预测结果；预测剩余图像即可重试）：</translation>
    </message>
    <message>
        <source>Prediction failed: %1</source>
        <translation>预测失败：%1</translation>
    </message>
</context>
<context>
    <name>ReviewText</name>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation>未审阅</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>无发现</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>%1 of %2 reviewed</source>
        <translation>已审阅 %1 / %2</translation>
    </message>
    <message>
        <source>(%1, %2, %3) mm</source>
        <translation>(%1, %2, %3) mm</translation>
    </message>
    <message>
        <source>(%1, %2) mm</source>
        <translation>(%1, %2) mm</translation>
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
        <translation>矩形</translation>
    </message>
    <message>
        <source>ellipse</source>
        <translation>椭圆</translation>
    </message>
    <message>
        <source>brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>✎ manual</source>
        <translation>✎ 手动</translation>
    </message>
    <message>
        <source>✎ manual (%1)</source>
        <translation>✎ 手动（%1）</translation>
    </message>
    <message>
        <source>✎ adjusted</source>
        <translation>✎ 已调整</translation>
    </message>
</context>
<context>
    <name>SliceText</name>
    <message>
        <source>slice %1 of %2</source>
        <translation>层面 %1 / %2</translation>
    </message>
    <message>
        <source>slice %1</source>
        <translation>层面 %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>preprocessed</source>
        <translation>已预处理</translation>
    </message>
</context>
<context>
    <name>ThresholdLogic</name>
    <message>
        <source>Run %1 has no best checkpoint yet.</source>
        <translation>运行 %1 尚无最佳检查点。</translation>
    </message>
    <message>
        <source>Fold %1 of run %2 has no best checkpoint.</source>
        <translation>运行 %2 的折 %1 没有最佳检查点。</translation>
    </message>
    <message>
        <source>Run %1 has no fold %2.</source>
        <translation>运行 %1 没有折 %2。</translation>
    </message>
    <message>
        <source>best pixel F1 on the held-out synthetic tasks</source>
        <translation>留出合成任务上的最佳像素 F1</translation>
    </message>
    <message>
        <source>the false-positive rate on the healthy validation images</source>
        <translation>健康验证图像上的假阳性率</translation>
    </message>
    <message>
        <source>set by the user</source>
        <translation>由用户设定</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>&lt;b&gt;Threshold %1&lt;/b&gt;, set by the user (Review page): it stays in force.</source>
        <translation>&lt;b&gt;阈值 %1&lt;/b&gt;，由用户设定（“审阅”页面）：保持生效。</translation>
    </message>
    <message>
        <source>No threshold proposed yet: predicting finds no regions until one is proposed or set on the Review page.</source>
        <translation>尚未建议阈值：在建议阈值或在“审阅”页面设定阈值之前，预测不会找到任何区域。</translation>
    </message>
    <message>
        <source>decided by %1 · F1 %2 on the held-out synthetic tasks (best %3 at %4) · healthy false-positive rate %5 (target %6, reached at %7)</source>
        <translation>依据：%1 · 留出合成任务上 F1 %2（最佳 %3，阈值 %4）· 健康图像假阳性率 %5（目标 %6，于阈值 %7 达到）</translation>
    </message>
    <message>
        <source>Proposed beside it: %1.</source>
        <translation>另有建议值：%1。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Threshold %1&lt;/b&gt;, proposed.</source>
        <translation>&lt;b&gt;阈值 %1&lt;/b&gt;，建议值。</translation>
    </message>
    <message>
        <source>Proposing a threshold: held-out-task sample %1 of %2</source>
        <translation>正在建议阈值：留出任务样本 %1 / %2</translation>
    </message>
    <message>
        <source>Proposing a threshold: loading the run&apos;s healthy images…</source>
        <translation>正在建议阈值：正在加载该运行的健康图像…</translation>
    </message>
    <message>
        <source>Proposing a threshold: %1</source>
        <translation>正在建议阈值：%1</translation>
    </message>
    <message>
        <source>Run %1 is still training: a threshold is proposed once it stops.</source>
        <translation>运行 %1 仍在训练：待其停止后才会建议阈值。</translation>
    </message>
    <message>
        <source>fold %1</source>
        <translation>折 %1</translation>
    </message>
    <message>
        <source>its only model</source>
        <translation>其唯一模型</translation>
    </message>
    <message>
        <source>ensemble of folds %1</source>
        <translation>折 %1 的集成</translation>
    </message>
</context>
<context>
    <name>TrainingLogic</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>interrupted — resumable</source>
        <translation>已中断——可继续</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>paused — resumable</source>
        <translation>已暂停——可继续</translation>
    </message>
    <message>
        <source>cancelled — resumable</source>
        <translation>已取消——可继续</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU，%n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA GPU %1</source>
        <translation>CUDA GPU %1</translation>
    </message>
    <message>
        <source>CUDA (not available)</source>
        <translation>CUDA（不可用）</translation>
    </message>
</context>
<context>
    <name>lightbox::desktop::DemoLauncher</name>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Building the demo project</source>
        <translation>正在构建演示项目</translation>
    </message>
    <message>
        <source>Another job is running; start the demo when it has finished.</source>
        <translation>另一个任务正在运行；请在其完成后启动演示。</translation>
    </message>
    <message numerus="yes">
        <source>Building the demo project: Colin27 slices, simulated lesions, %n minute(s) of training</source>
        <translation>
            <numerusform>正在构建演示项目：Colin27 层面、模拟病灶、%n 分钟训练</numerusform>
        </translation>
    </message>
    <message>
        <source>The demo was cancelled; start it again to build it from the beginning.</source>
        <translation>演示已取消；请重新启动以从头构建。</translation>
    </message>
    <message>
        <source>The demo could not be built: %1</source>
        <translation>无法构建演示：%1</translation>
    </message>
    <message>
        <source>Demo project reused: %1 findings on %2 slices with simulated lesions (threshold %3)</source>
        <translation>已复用演示项目：%2 个含模拟病灶的层面上有 %1 个发现（阈值 %3）</translation>
    </message>
    <message>
        <source>Demo project built: %1 findings on %2 slices with simulated lesions (threshold %3)</source>
        <translation>演示项目已构建：%2 个含模拟病灶的层面上有 %1 个发现（阈值 %3）</translation>
    </message>
    <message>
        <source>The demo project %1 could not be opened.</source>
        <translation>无法打开演示项目 %1。</translation>
    </message>
    <message>
        <source>This build of Lightbox has no training (built without LibTorch), so it cannot build the demo.</source>
        <translation>此版本的 Lightbox 不支持训练（构建时未包含 LibTorch），因此无法构建演示。</translation>
    </message>
    <message>
        <source>The demo run %1 is not in the review list.</source>
        <translation>演示运行 %1 不在审阅列表中。</translation>
    </message>
</context>
<context>
    <name>lightbox::params</name>
    <message>
        <source>Smallest anomaly (image fraction)</source>
        <translation>最小异常（占图像比例）</translation>
    </message>
    <message>
        <source>Lower bound of each axis length, as a fraction of the image side (SPEC 1.1)</source>
        <translation>每个轴长的下限，以图像边长的比例表示（SPEC 1.1）</translation>
    </message>
    <message>
        <source>Largest anomaly (image fraction)</source>
        <translation>最大异常（占图像比例）</translation>
    </message>
    <message>
        <source>Upper bound of each axis length, as a fraction of the image side</source>
        <translation>每个轴长的上限，以图像边长的比例表示</translation>
    </message>
    <message>
        <source>Most anomalies per image</source>
        <translation>每幅图像最多异常数</translation>
    </message>
    <message>
        <source>1 to this many anomalies are inserted</source>
        <translation>插入 1 至此数目的异常</translation>
    </message>
    <message>
        <source>Chance of another anomaly</source>
        <translation>再插入一个异常的概率</translation>
    </message>
    <message>
        <source>After each anomaly, another one follows with this probability</source>
        <translation>每个异常之后，以此概率再插入一个</translation>
    </message>
    <message>
        <source>Least overlap with the object</source>
        <translation>与目标的最小重叠</translation>
    </message>
    <message>
        <source>Fraction of the anomaly that must lie on the object (brain) mask</source>
        <translation>异常必须落在目标（脑）掩膜内的比例</translation>
    </message>
    <message>
        <source>Soft label sigma</source>
        <translation>软标签 sigma</translation>
    </message>
    <message>
        <source>Width of the flipped Gaussian that turns intensity change into the label (SPEC 2)</source>
        <translation>将强度变化转换为标签的翻转高斯函数的宽度（SPEC 2）</translation>
    </message>
    <message>
        <source>Patch rotation (radians, ±)</source>
        <translation>图块旋转（弧度，±）</translation>
    </message>
    <message>
        <source>The source patch is rotated by up to this angle per axis pair</source>
        <translation>源图块在每对轴上最多旋转此角度</translation>
    </message>
    <message>
        <source>Patch scale spread</source>
        <translation>图块缩放离散度</translation>
    </message>
    <message>
        <source>Scale = 1 + Exp(mean), or its inverse</source>
        <translation>缩放 = 1 + Exp(均值)，或其倒数</translation>
    </message>
    <message>
        <source>Largest source patch (fraction)</source>
        <translation>最大源图块（比例）</translation>
    </message>
    <message>
        <source>The source box may cover at most this fraction of the source image</source>
        <translation>源区域最多可覆盖源图像的此比例</translation>
    </message>
    <message>
        <source>Mask growth threshold</source>
        <translation>掩膜生长阈值</translation>
    </message>
    <message>
        <source>Voxels whose blended value changed by more than this join the anomaly mask</source>
        <translation>融合后数值变化超过此值的体素并入异常掩膜</translation>
    </message>
    <message>
        <source>Least opacity</source>
        <translation>最小不透明度</translation>
    </message>
    <message>
        <source>Patch interpolation mixes the patch in with opacity drawn from [least, most]</source>
        <translation>图块插值以从 [最小, 最大] 中抽取的不透明度混入图块</translation>
    </message>
    <message>
        <source>Most opacity</source>
        <translation>最大不透明度</translation>
    </message>
    <message>
        <source>Upper end of the opacity range</source>
        <translation>不透明度范围的上限</translation>
    </message>
    <message>
        <source>Least push distance (voxels)</source>
        <translation>最小推移距离（体素）</translation>
    </message>
    <message>
        <source>How far tissue is moved at least (SPEC 1.6)</source>
        <translation>组织至少移动的距离（SPEC 1.6）</translation>
    </message>
    <message>
        <source>Largest push distance (voxels)</source>
        <translation>最大推移距离（体素）</translation>
    </message>
    <message>
        <source>How far tissue is moved at most: 5 for brain, 10 for chest X-ray in the paper</source>
        <translation>组织最多移动的距离：论文中脑部为 5，胸部 X 线为 10</translation>
    </message>
    <message>
        <source>Intensity change scale</source>
        <translation>强度变化尺度</translation>
    </message>
    <message>
        <source>Magnitude 0.1 + Gamma(3, scale), random sign per channel (SPEC 1.7)</source>
        <translation>幅度 0.1 + Gamma(3, 尺度)，每个通道符号随机（SPEC 1.7）</translation>
    </message>
    <message>
        <source>Edge ramp base</source>
        <translation>边缘渐变基数</translation>
    </message>
    <message>
        <source>The change fades in over min(size) x (base + Gamma(shape, scale))</source>
        <translation>变化在 min(尺寸) × (基数 + Gamma(形状, 尺度)) 范围内渐入</translation>
    </message>
    <message>
        <source>Edge ramp gamma shape</source>
        <translation>边缘渐变 Gamma 形状</translation>
    </message>
    <message>
        <source>Shape of the Gamma draw of the fade-in width</source>
        <translation>渐入宽度 Gamma 抽样的形状参数</translation>
    </message>
    <message>
        <source>Edge ramp gamma scale</source>
        <translation>边缘渐变 Gamma 尺度</translation>
    </message>
    <message>
        <source>Scale of the Gamma draw of the fade-in width</source>
        <translation>渐入宽度 Gamma 抽样的尺度参数</translation>
    </message>
    <message>
        <source>Placement attempts</source>
        <translation>放置尝试次数</translation>
    </message>
    <message>
        <source>Draws before placement falls back to the best position seen</source>
        <translation>放置退回到已见最佳位置之前的抽样次数</translation>
    </message>
</context>
<context>
    <name>lightbox::tasks</name>
    <message>
        <source>Intra-dataset Poisson blending</source>
        <translation>数据集内泊松融合</translation>
    </message>
    <message>
        <source>Tissue from another healthy image, seamlessly blended in: anatomy in the wrong place.</source>
        <translation>来自另一幅健康图像的组织，无缝融合：解剖结构出现在错误位置。</translation>
    </message>
    <message>
        <source>Inter-dataset Poisson blending</source>
        <translation>跨数据集泊松融合</translation>
    </message>
    <message>
        <source>Texture from a different kind of image, seamlessly blended in: foreign structure such as a tumour.</source>
        <translation>来自另一类图像的纹理，无缝融合：如肿瘤般的外来结构。</translation>
    </message>
    <message>
        <source>Sink deformation</source>
        <translation>汇点形变</translation>
    </message>
    <message>
        <source>Tissue pulled towards a point: atrophy, retraction or a shrinking lesion.</source>
        <translation>组织向一点收缩：萎缩、回缩或缩小的病灶。</translation>
    </message>
    <message>
        <source>Source deformation</source>
        <translation>源点形变</translation>
    </message>
    <message>
        <source>Tissue pushed away from a point: mass effect of a growing lesion or swelling.</source>
        <translation>组织从一点向外推开：生长病灶或肿胀的占位效应。</translation>
    </message>
    <message>
        <source>Smooth intensity change</source>
        <translation>平滑强度变化</translation>
    </message>
    <message>
        <source>A region gently brighter or darker than normal: oedema, hyper- or hypo-intense lesions.</source>
        <translation>某区域比正常略亮或略暗：水肿、高信号或低信号病灶。</translation>
    </message>
    <message>
        <source>Cut-paste (extra)</source>
        <translation>剪切粘贴（附加）</translation>
    </message>
    <message>
        <source>A patch of another healthy image pasted with hard edges; easy to spot, not used in the paper.</source>
        <translation>以硬边缘粘贴的另一幅健康图像的图块；容易识别，论文中未使用。</translation>
    </message>
    <message>
        <source>Patch interpolation (extra)</source>
        <translation>图块插值（附加）</translation>
    </message>
    <message>
        <source>A patch of another healthy image mixed in with a random opacity; not used in the paper.</source>
        <translation>以随机不透明度混入的另一幅健康图像的图块；论文中未使用。</translation>
    </message>
    <message>
        <source>Cutout (extra)</source>
        <translation>挖空（附加）</translation>
    </message>
    <message>
        <source>A region filled with one constant value, like a dropout artefact; not used in the paper.</source>
        <translation>用单一常数值填充的区域，类似信号缺失伪影；论文中未使用。</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::AnnotationTools</name>
    <message>
        <source>Navigate</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>The viewer&apos;s usual mouse: window/level, zoom, pan</source>
        <translation>查看器的常规鼠标操作：窗宽窗位、缩放、平移</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>矩形</translation>
    </message>
    <message>
        <source>Drag a box on the current slice to add a finding the model missed</source>
        <translation>在当前层面上拖出矩形，添加模型遗漏的发现</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>椭圆</translation>
    </message>
    <message>
        <source>Drag an ellipse on the current slice to add a finding</source>
        <translation>在当前层面上拖出椭圆，添加发现</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Paint a finding on the current slice; Shift or the right button erases (while editing an extent)</source>
        <translation>在当前层面上涂画发现；按住 Shift 或使用右键可擦除（仅在编辑范围时）</translation>
    </message>
    <message>
        <source> vx</source>
        <translation> 体素</translation>
    </message>
    <message>
        <source>Brush diameter in voxels</source>
        <translation>画笔直径（体素）</translation>
    </message>
    <message>
        <source>Edit extent</source>
        <translation>编辑范围</translation>
    </message>
    <message>
        <source>Redraw the selected finding: a box or ellipse replaces its region on the current slice, the brush adds to it (Shift or right button: erases). Esc stops.</source>
        <translation>重新绘制所选发现：矩形或椭圆替换其在当前层面上的区域，画笔则向其添加（Shift 或右键：擦除）。按 Esc 结束。</translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation>类别…</translation>
    </message>
    <message>
        <source>Edit the project&apos;s list of finding categories</source>
        <translation>编辑项目的发现类别列表</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::AuditExclusionDialog</name>
    <message>
        <source>Exclude Slice or Volume</source>
        <translation>排除层面或体数据</translation>
    </message>
    <message>
        <source>Exclude Image</source>
        <translation>排除图像</translation>
    </message>
    <message>
        <source>Exclude this slice</source>
        <translation>排除此层面</translation>
    </message>
    <message>
        <source>Exclude the whole volume</source>
        <translation>排除整个体数据</translation>
    </message>
    <message>
        <source>Reason (optional), e.g. ring artefact</source>
        <translation>原因（可选），例如环形伪影</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>排除</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::CategoryDialog</name>
    <message>
        <source>Finding categories</source>
        <translation>发现类别</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Every change is stored at once and can be undone on the review page (Ctrl+Z).</source>
        <translation>每项更改都会立即保存，并可在“审阅”页面撤销（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>Remove category</source>
        <translation>移除类别</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) have the category “%1”; removing it leaves them without one. Remove it?</source>
        <translation>
            <numerusform>%n 个发现属于类别“%1”；移除后它们将没有类别。确定移除吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rename category</source>
        <translation>重命名类别</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::CurveCharts</name>
    <message>
        <source>false-positive rate</source>
        <translation>假阳性率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>true-positive rate</source>
        <translation>真阳性率</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>voxels</source>
        <translation>体素</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>review threshold</source>
        <translation>审阅阈值</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>已选</translation>
    </message>
    <message>
        <source>Click near the curve to list the images wrong at that threshold</source>
        <translation>在曲线附近单击，列出在该阈值下判错的图像</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Precision–recall</source>
        <translation>精确率–召回率</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::CurvesDialog</name>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Double-click or press Enter to show the image in the review</source>
        <translation>双击或按 Enter 键在审阅中显示该图像</translation>
    </message>
    <message>
        <source>Curves — %1</source>
        <translation>曲线 — %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Compute again</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>One point per image: its score is the mean of its map (the paper&apos;s image score), its label whether it has any ground-truth voxel. The review threshold applies to voxels, so its marker is on the Pixel tab.</source>
        <translation>每幅图像一个点：其评分为其热图的均值（论文中的图像评分），其标签取决于是否含有任何真值体素。审阅阈值作用于体素，因此其标记位于“像素级”选项卡上。</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本级</translation>
    </message>
    <message>
        <source>Every voxel of the images with ground truth. The orange point is the review threshold; a click counts each image&apos;s false-positive and missed voxels.</source>
        <translation>所有含真值图像的每个体素。橙色点为审阅阈值；单击即可统计每幅图像的假阳性体素和漏检体素。</translation>
    </message>
    <message>
        <source>Pixel</source>
        <translation>像素级</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Click a point on a curve to list the images it gets wrong.</source>
        <translation>单击曲线上的点，列出该点判错的图像。</translation>
    </message>
    <message>
        <source>False positives</source>
        <translation>假阳性</translation>
    </message>
    <message>
        <source>False negatives</source>
        <translation>假阴性</translation>
    </message>
    <message>
        <source>Computing the curves…</source>
        <translation>正在计算曲线…</translation>
    </message>
    <message>
        <source>Computing curves</source>
        <translation>计算曲线</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) with ground truth</source>
        <translation>
            <numerusform>%n 幅含真值的图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without, left out</source>
        <translation>
            <numerusform>另有 %n 幅不含真值，已排除</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>False positives: %n image(s)</source>
        <translation>
            <numerusform>假阳性：%n 幅图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>False negatives: %n image(s)</source>
        <translation>
            <numerusform>假阴性：%n 幅图像</numerusform>
        </translation>
    </message>
    <message>
        <source>False positives: counting…</source>
        <translation>假阳性：正在统计…</translation>
    </message>
    <message>
        <source>False negatives: counting…</source>
        <translation>假阴性：正在统计…</translation>
    </message>
    <message>
        <source>Counting errors per image</source>
        <translation>正在按图像统计错误</translation>
    </message>
    <message>
        <source>Cannot count the errors: %1</source>
        <translation>无法统计错误：%1</translation>
    </message>
    <message>
        <source>Cannot compute the curves: %1</source>
        <translation>无法计算曲线：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>False positives: cancelled</source>
        <translation>假阳性：已取消</translation>
    </message>
    <message>
        <source>False negatives: cancelled</source>
        <translation>假阴性：已取消</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::DatasetBrowser</name>
    <message>
        <source>Show the images of one dataset</source>
        <translation>显示一个数据集的图像</translation>
    </message>
    <message>
        <source>Search file, modality, series, status… (Ctrl+F)</source>
        <translation>搜索文件、模态、序列、状态…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>One row per image with its metadata</source>
        <translation>每幅图像一行，含其元数据</translation>
    </message>
    <message>
        <source>Import Images…</source>
        <translation>导入图像…</translation>
    </message>
    <message>
        <source>Show in Viewer</source>
        <translation>在查看器中显示</translation>
    </message>
    <message>
        <source>Open the image in the viewer (Enter or double-click in the grid or table)</source>
        <translation>在查看器中打开图像（在网格或表格中按回车或双击）</translation>
    </message>
    <message>
        <source>Reveal File</source>
        <translation>显示文件位置</translation>
    </message>
    <message>
        <source>Open the folder of the original file</source>
        <translation>打开原始文件所在的文件夹</translation>
    </message>
    <message>
        <source>Remove from Project…</source>
        <translation>从项目中移除…</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>所有数据集</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 幅图像</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 幅图像</translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation>%1 / %2 幅图像</translation>
    </message>
    <message>
        <source>This project holds no images yet.
Import a healthy training set (DICOM series, NIfTI volumes, PNG/JPEG/TIFF images) to begin.</source>
        <translation>此项目尚无图像。
请先导入健康训练集（DICOM 序列、NIfTI 体数据、PNG/JPEG/TIFF 图像）。</translation>
    </message>
    <message>
        <source>Remove %1 Images from Project…</source>
        <translation>从项目中移除 %1 幅图像…</translation>
    </message>
    <message>
        <source>The original file is not reachable from this computer:
%1</source>
        <translation>无法从此计算机访问原始文件：
%1</translation>
    </message>
    <message>
        <source>Remove from Project</source>
        <translation>从项目中移除</translation>
    </message>
    <message>
        <source>Remove this image from the project?</source>
        <translation>从项目中移除此图像？</translation>
    </message>
    <message>
        <source>Remove %1 images from the project?</source>
        <translation>从项目中移除 %1 幅图像？</translation>
    </message>
    <message>
        <source>Their preprocessed arrays, thumbnails and ground truth are deleted from the project file. The original files on disk are not touched.</source>
        <translation>其预处理数组、缩略图和真值标注将从项目文件中删除。磁盘上的原始文件不受影响。</translation>
    </message>
    <message>
        <source>Test Set with Simulated &amp;Lesions…</source>
        <translation>含模拟病灶的测试集(&amp;L)…</translation>
    </message>
    <message>
        <source>Hold out every k-th slice of a healthy dataset (they leave training) and make a test dataset of them, most with simulated lesions and their masks</source>
        <translation>留出健康数据集中每隔 k 层的一层（不再用于训练），并用这些层面生成测试数据集，其中多数带有模拟病灶及其掩膜</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ExportDialog</name>
    <message>
        <source>Export findings</source>
        <translation>导出发现</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Accepted only</source>
        <translation>仅已接受</translation>
    </message>
    <message>
        <source>Reviewed (accepted and rejected)</source>
        <translation>已审阅（接受和拒绝）</translation>
    </message>
    <message>
        <source>All findings, with their review state</source>
        <translation>所有发现及其审阅状态</translation>
    </message>
    <message>
        <source>Only dataset “%1”</source>
        <translation>仅数据集“%1”</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open the folder afterwards</source>
        <translation>完成后打开文件夹</translation>
    </message>
    <message>
        <source>UTF-8 CSV with one row per finding: position in mm, size, scores, review state, note, reviewer and time (docs/project-file.md, “Findings CSV”).</source>
        <translation>UTF-8 CSV，每个发现一行：位置（mm）、大小、评分、审阅状态、备注、审阅人和时间（docs/project-file.md，“Findings CSV”）。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <source>Cannot export: %1</source>
        <translation>无法导出：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) written to %1</source>
        <translation>
            <numerusform>已将 %n 个发现写入 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::FindingTableModel</name>
    <message>
        <source>— (manual)</source>
        <translation>—（手动）</translation>
    </message>
    <message>
        <source>
%1 by %2 at %3</source>
        <translation>
%1，由 %2 于 %3</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Max score</source>
        <translation>最高评分</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Position (LPS)</source>
        <translation>位置（LPS）</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>层面</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>
Drawn by hand (%1), not found by the model</source>
        <translation>
手动绘制（%1），并非由模型发现</translation>
    </message>
    <message>
        <source>
Found by the model; its extent was redrawn by hand</source>
        <translation>
由模型发现；其范围已手动重新绘制</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>
Centre %1 (LPS), size %2</source>
        <translation>
中心 %1（LPS），大小 %2</translation>
    </message>
    <message>
        <source>
Category: %1</source>
        <translation>
类别：%1</translation>
    </message>
    <message>
        <source>
Note: %1</source>
        <translation>
备注：%1</translation>
    </message>
    <message numerus="yes">
        <source>Finding %1: max score %2, mean %3, %n voxel(s), found at threshold %4</source>
        <translation>
            <numerusform>发现 %1：最高评分 %2，均值 %3，%n 个体素，于阈值 %4 处发现</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>，%1</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::HealthyAuditModel</name>
    <message>
        <source>Included</source>
        <translation>已纳入</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Excluded: %1</source>
        <translation>已排除：%1</translation>
    </message>
    <message>
        <source>Voxels above the model&apos;s threshold %1.</source>
        <translation>高于模型阈值 %1 的体素。</translation>
    </message>
    <message>
        <source>The model has no threshold yet, so no voxels are counted above it.</source>
        <translation>模型尚无阈值，因此不统计高于阈值的体素。</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) excluded: kept in the project, left out of later training runs.</source>
        <translation>
            <numerusform>已排除 %n 幅图像：保留在项目中，但不用于以后的训练运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>This stored audit is out of date:</source>
        <translation>此已存储的审核已过时：</translation>
    </message>
    <message>
        <source>Run the audit again to bring it up to date.</source>
        <translation>请重新运行审核以更新。</translation>
    </message>
    <message>
        <source>This build has no models (LibTorch): the stored audit is shown; auditing again and heat maps need the models build.</source>
        <translation>此版本不含模型（LibTorch）：显示已存储的审核；重新审核和热图需要含模型的版本。</translation>
    </message>
    <message>
        <source>Not audited: %1</source>
        <translation>未审核：%1</translation>
    </message>
    <message>
        <source>not audited</source>
        <translation>未审核</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Held out by folds</source>
        <translation>留出该图像的折</translation>
    </message>
    <message>
        <source>Voxels &gt; threshold</source>
        <translation>体素 &gt; 阈值</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Slice excluded</source>
        <translation>已排除层面</translation>
    </message>
    <message>
        <source>Slice excluded: %1</source>
        <translation>已排除层面：%1</translation>
    </message>
    <message>
        <source>Why is “%1” not healthy? It stays in the project, marked, and later training runs leave it out.</source>
        <translation>为什么“%1”不健康？它保留在项目中并已标记，以后的训练运行不再使用它。</translation>
    </message>
    <message>
        <source>Why is “%1” not healthy? This slice alone stays in the project, marked, and later training runs leave it out; the other slices of “%2” stay in.</source>
        <translation>为什么“%1”不健康？仅此层面保留在项目中并已标记，以后的训练运行不再使用它；“%2”的其他层面仍被使用。</translation>
    </message>
    <message>
        <source>Why is “%1” not healthy? The whole volume “%2”, all of its slices, stays in the project, marked, and later training runs leave it out.</source>
        <translation>为什么“%1”不健康？整个体数据“%2”及其所有层面保留在项目中并已标记，以后的训练运行不再使用它。</translation>
    </message>
    <message>
        <source>Excluded “%1” alone: it stays in the project, marked, and later training runs leave it out; the rest of the volume stays in.</source>
        <translation>已单独排除“%1”：它保留在项目中并已标记，以后的训练运行不再使用它；该体数据的其余部分仍被使用。</translation>
    </message>
    <message>
        <source>Excluded the whole volume “%1”: it stays in the project, marked, and later training runs leave all of its slices out.</source>
        <translation>已排除整个体数据“%1”：它保留在项目中并已标记，以后的训练运行不再使用其任何层面。</translation>
    </message>
    <message>
        <source>Excluded “%1”: it stays in the project, marked, and later training runs leave it out.</source>
        <translation>已排除“%1”：它保留在项目中并已标记，以后的训练运行不再使用它。</translation>
    </message>
    <message>
        <source>The whole volume “%1” is included again in later training runs.</source>
        <translation>整个体数据“%1”将重新用于以后的训练运行。</translation>
    </message>
    <message>
        <source>“%1” is included again in later training runs.</source>
        <translation>“%1”将重新用于以后的训练运行。</translation>
    </message>
    <message>
        <source>Run %1 (%2, %3)</source>
        <translation>运行 %1（%2，%3）</translation>
    </message>
    <message>
        <source>Run %1 “%2” (%3, %4)</source>
        <translation>运行 %1“%2”（%3，%4）</translation>
    </message>
    <message numerus="yes">
        <source>Run %1, fold(s) %2: %3 of %4 healthy images audited by the folds that never trained on them, on %5.</source>
        <translation>
            <numerusform>运行 %1，折 %2：%4 幅健康图像中有 %3 幅已由从未用其训练的折审核，时间 %5。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) excluded on their own: kept, left out of later training runs; the rest of each volume stays in.</source>
        <translation>
            <numerusform>已单独排除 %n 个层面：保留在项目中，但不用于以后的训练运行；各体数据的其余部分仍被使用。</numerusform>
        </translation>
    </message>
    <message>
        <source>Slice excluded on %1</source>
        <translation>层面排除于 %1</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::HealthyAuditPanel</name>
    <message>
        <source>Healthy-set audit</source>
        <translation>健康数据集审核</translation>
    </message>
    <message>
        <source>The folds whose models judge the images they never trained on</source>
        <translation>用其模型评判从未训练过的图像的折</translation>
    </message>
    <message>
        <source>Run Audit</source>
        <translation>开始审核</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <source>Folds:</source>
        <translation>折：</translation>
    </message>
    <message>
        <source>Exclude…</source>
        <translation>排除…</translation>
    </message>
    <message>
        <source>Not healthy after all: keep the image in the project, marked, and leave it out of later training runs</source>
        <translation>并非健康：将图像保留在项目中并加以标记，不再用于以后的训练运行</translation>
    </message>
    <message>
        <source>Include Again</source>
        <translation>重新纳入</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Cannot read the project: %1</source>
        <translation>无法读取项目：%1</translation>
    </message>
    <message>
        <source>fold %1</source>
        <translation>折 %1</translation>
    </message>
    <message>
        <source>Cannot show the stored audit: %1</source>
        <translation>无法显示已存储的审核：%1</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>请先打开项目。</translation>
    </message>
    <message>
        <source>No training run yet: train one on the Training page first.</source>
        <translation>尚无训练运行：请先在“训练”页面训练一次。</translation>
    </message>
    <message>
        <source>This run has not been audited yet: choose its folds and press Run Audit.</source>
        <translation>此运行尚未审核：请选择其折并点击“开始审核”。</translation>
    </message>
    <message>
        <source>This run has not been audited, and this build has no models (LibTorch) to audit it: run `lightbox-cli audit` in a build with the models.</source>
        <translation>此运行尚未审核，且此版本不含用于审核的模型（LibTorch）：请在含模型的版本中运行 `lightbox-cli audit`。</translation>
    </message>
    <message>
        <source>Check at least one fold to audit with.</source>
        <translation>请至少勾选一个用于审核的折。</translation>
    </message>
    <message>
        <source>Auditing the healthy set of run %1</source>
        <translation>正在审核运行 %1 的健康数据集</translation>
    </message>
    <message>
        <source>Another job is running: wait for it (or cancel it) first.</source>
        <translation>另一个任务正在运行：请先等待其完成（或将其取消）。</translation>
    </message>
    <message>
        <source>The audit failed: %1</source>
        <translation>审核失败：%1</translation>
    </message>
    <message>
        <source>Audit cancelled; the stored audit is unchanged.</source>
        <translation>审核已取消；已存储的审核保持不变。</translation>
    </message>
    <message>
        <source>Audit finished and stored in the project.</source>
        <translation>审核已完成并存储在项目中。</translation>
    </message>
    <message>
        <source>Predicting the heat map of the folds that held it out…</source>
        <translation>正在用留出该图像的折预测热图…</translation>
    </message>
    <message>
        <source>Cannot show the image: %1</source>
        <translation>无法显示图像：%1</translation>
    </message>
    <message>
        <source>Heat map: mean of the held-out folds&apos; maps, drawn above the threshold %1.</source>
        <translation>热图：留出折的热图均值，绘制高于阈值 %1 的部分。</translation>
    </message>
    <message>
        <source>Heat map: mean of the held-out folds&apos; maps.</source>
        <translation>热图：留出折的热图均值。</translation>
    </message>
    <message>
        <source>Cannot exclude the image: %1</source>
        <translation>无法排除图像：%1</translation>
    </message>
    <message>
        <source>Cannot include the image: %1</source>
        <translation>无法重新纳入图像：%1</translation>
    </message>
    <message>
        <source>Predict the checked folds on the images they never trained on</source>
        <translation>用勾选的折预测其从未训练过的图像</translation>
    </message>
    <message>
        <source>Auditing needs a build with the models (LibTorch)</source>
        <translation>审核需要含模型（LibTorch）的版本</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ImageTableModel</name>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>模态</translation>
    </message>
    <message>
        <source>Size (voxels)</source>
        <translation>大小（体素）</translation>
    </message>
    <message>
        <source>Spacing (mm)</source>
        <translation>间距（mm）</translation>
    </message>
    <message>
        <source>Series description</source>
        <translation>序列描述</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n slice(s) excluded</source>
        <translation>
            <numerusform>%1，已排除 %n 个层面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) excluded from later training runs (healthy-set audit)</source>
        <translation>
            <numerusform>%n 个层面不再用于以后的训练运行（健康数据集审核）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ImageViewer</name>
    <message>
        <source>Soft tissue</source>
        <translation>软组织</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>肺</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>肝脏</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>骨</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>脑</translation>
    </message>
    <message>
        <source>Single view</source>
        <translation>单视图</translation>
    </message>
    <message>
        <source>Tri-planar</source>
        <translation>三平面</translation>
    </message>
    <message>
        <source>One plane, or axial, coronal and sagittal side by side</source>
        <translation>单个平面，或轴位、冠状位和矢状位并排显示</translation>
    </message>
    <message>
        <source>Axial</source>
        <translation>轴位</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>冠状位</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>矢状位</translation>
    </message>
    <message>
        <source>W/L drag</source>
        <translation>拖动调窗</translation>
    </message>
    <message>
        <source>On: left-drag changes window (horizontal) and level (vertical).
Off: left-click moves the cursor. Shift+left-drag always moves the cursor.</source>
        <translation>开：左键拖动调节窗宽（水平）和窗位（垂直）。
关：左键单击移动光标。Shift+左键拖动始终移动光标。</translation>
    </message>
    <message>
        <source>Window preset…</source>
        <translation>窗口预设…</translation>
    </message>
    <message>
        <source>%1: %2  (W %3 / L %4)</source>
        <translation>%1：%2  （窗宽 %3 / 窗位 %4）</translation>
    </message>
    <message>
        <source>CT presets in Hounsfield units (keys 1-5); meaningful on CT originals</source>
        <translation>CT 预设，单位为亨氏单位（按键 1-5）；适用于 CT 原始图像</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the file&apos;s window, else the 0.1-99.9 percentile range (key 0 or R)</source>
        <translation>恢复为文件自带的窗宽窗位，否则为 0.1–99.9 百分位范围（按键 0 或 R）</translation>
    </message>
    <message>
        <source>No image open</source>
        <translation>未打开图像</translation>
    </message>
    <message>
        <source>Slice (mouse wheel over the image)</source>
        <translation>层面（在图像上滚动鼠标滚轮）</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>层面</translation>
    </message>
    <message>
        <source>Loading image %1…</source>
        <translation>正在加载图像 %1…</translation>
    </message>
    <message>
        <source>Cannot show image %1: %2</source>
        <translation>无法显示图像 %1：%2</translation>
    </message>
    <message>
        <source>Original %1 file: %2</source>
        <translation>原始 %1 文件：%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3&lt;br&gt;Size (x × y × z): %4&lt;br&gt;Spacing: %5 mm</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3&lt;br&gt;大小（x × y × z）：%4&lt;br&gt;间距：%5 mm</translation>
    </message>
    <message>
        <source>&lt;br&gt;Origin (LPS): %1, %2, %3 mm</source>
        <translation>&lt;br&gt;原点（LPS）：%1, %2, %3 mm</translation>
    </message>
    <message>
        <source>&lt;br&gt;NIfTI RAS+ converted to LPS+ for display</source>
        <translation>&lt;br&gt;NIfTI RAS+ 已转换为 LPS+ 以供显示</translation>
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
        <translation>将鼠标移到图像上以读取数值</translation>
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
        <translation>数值 %1   体素 %2   患者 LPS (%3, %4, %5) mm</translation>
    </message>
    <message>
        <source>Value %1   Pixel %2</source>
        <translation>数值 %1   像素 %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;File window: %1</source>
        <translation>&lt;br&gt;文件窗宽窗位：%1</translation>
    </message>
    <message>
        <source>Showing the stored working array (%1), the one the model saw, so that map and image share one grid. Values are preprocessed, not in the modality&apos;s units.</source>
        <translation>显示的是已存储的工作数组（%1），即模型所见的数组，使热图与图像共用同一网格。数值经过预处理，并非该模态的单位。</translation>
    </message>
    <message>
        <source>Showing the stored working array (%1), not the original, which could not be read: %2. Values are preprocessed, not in the modality&apos;s units.</source>
        <translation>显示的是已存储的工作数组（%1），而非原始图像（无法读取：%2）。数值经过预处理，并非该模态的单位。</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ImportDialog</name>
    <message>
        <source>Chosen per image: volumes → brain-3d, chest radiographs (CR/DX) → chest-xray-2d, other 2D images → image-2d.</source>
        <translation>按图像自动选择：体数据 → brain-3d，胸部 X 线片（CR/DX）→ chest-xray-2d，其他 2D 图像 → image-2d。</translation>
    </message>
    <message>
        <source>Brain MRI volumes: z-normalised, cropped to the head, 2 mm voxels, 80×112×80.</source>
        <translation>脑 MRI 体数据：z 标准化，裁剪至头部，2 mm 体素，80×112×80。</translation>
    </message>
    <message>
        <source>Chest radiographs: VOI window, histogram equalisation, 256×256 in [−1, 1].</source>
        <translation>胸部 X 线片：VOI 窗，直方图均衡化，256×256，取值 [−1, 1]。</translation>
    </message>
    <message>
        <source>Axial slices of brain volumes with enough brain, z-normalised, 128×128 (one array per slice).</source>
        <translation>含足够脑组织的脑体数据轴位层面，z 标准化，128×128（每层一个数组）。</translation>
    </message>
    <message>
        <source>Any 2D image: resized to 256×256 and mapped to [−1, 1].</source>
        <translation>任意 2D 图像：缩放至 256×256 并映射到 [−1, 1]。</translation>
    </message>
    <message>
        <source>Stored as read, without preprocessing.</source>
        <translation>按读取原样存储，不做预处理。</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>skipped (duplicate)</source>
        <translation>已跳过（重复）</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Import Images</source>
        <translation>导入图像</translation>
    </message>
    <message>
        <source>Add files or folders (folders are searched recursively; DICOM files are grouped into series), or drop them here.</source>
        <translation>添加文件或文件夹（递归搜索文件夹；DICOM 文件按序列分组），或将其拖放到此处。</translation>
    </message>
    <message>
        <source>Add Files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Healthy (training set)</source>
        <translation>健康（训练集）</translation>
    </message>
    <message>
        <source>Test (to be searched for anomalies)</source>
        <translation>测试（待搜索异常）</translation>
    </message>
    <message>
        <source>Blend source (other images for inter-dataset blending)</source>
        <translation>融合源（用于跨数据集融合的其他图像）</translation>
    </message>
    <message>
        <source>A new name creates a dataset; an existing one adds to it</source>
        <translation>新名称会创建数据集；已有名称则向其添加</translation>
    </message>
    <message>
        <source>optional: folder of lesion masks, paired by name (_seg, _mask, BraTS, ISLES)</source>
        <translation>可选：病灶掩膜文件夹，按名称配对（_seg、_mask、BraTS、ISLES）</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the masks folder</source>
        <translation>选择掩膜文件夹</translation>
    </message>
    <message>
        <source>optional: VinDr-style CSV of boxes (image_id = file name)</source>
        <translation>可选：VinDr 格式的边界框 CSV（image_id = 文件名）</translation>
    </message>
    <message>
        <source>Choose the box CSV</source>
        <translation>选择边界框 CSV</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Dataset:</source>
        <translation>数据集(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Preprocessing:</source>
        <translation>预处理(&amp;P)：</translation>
    </message>
    <message>
        <source>Ground-truth &amp;masks:</source>
        <translation>真值掩膜(&amp;M)：</translation>
    </message>
    <message>
        <source>Ground-truth &amp;boxes:</source>
        <translation>真值边界框(&amp;B)：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Add Files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Images (*.dcm *.nii *.nii.gz *.hdr *.img *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>图像 (*.dcm *.nii *.nii.gz *.hdr *.img *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <source>Masks Folder</source>
        <translation>掩膜文件夹</translation>
    </message>
    <message>
        <source>Box CSV</source>
        <translation>边界框 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Each image is committed on its own: cancelling keeps everything imported so far. You can close this window; the import goes on in the status bar.</source>
        <translation>每幅图像单独提交：取消后，已导入的内容均会保留。您可以关闭此窗口；导入将在状态栏中继续。</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy Report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <source>Copy the table (or the selected rows) as tab-separated text</source>
        <translation>将表格（或所选行）复制为制表符分隔文本</translation>
    </message>
    <message>
        <source>folder, searched recursively</source>
        <translation>文件夹，递归搜索</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Importing into %1</source>
        <translation>正在导入到 %1</translation>
    </message>
    <message>
        <source>Looking for images…</source>
        <translation>正在查找图像…</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>准备中…</translation>
    </message>
    <message>
        <source>Cancelling after the current image…</source>
        <translation>将在当前图像完成后取消…</translation>
    </message>
    <message>
        <source>The import could not run: %1</source>
        <translation>导入无法运行：%1</translation>
    </message>
    <message>
        <source>1 image imported</source>
        <translation>已导入 1 幅图像</translation>
    </message>
    <message>
        <source>%1 images imported</source>
        <translation>已导入 %1 幅图像</translation>
    </message>
    <message>
        <source> (%1 working-space arrays)</source>
        <translation>（%1 个工作空间数组）</translation>
    </message>
    <message>
        <source>1 skipped as a duplicate</source>
        <translation>1 个因重复而跳过</translation>
    </message>
    <message>
        <source>%1 skipped as duplicates</source>
        <translation>%1 个因重复而跳过</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 个失败</translation>
    </message>
    <message>
        <source>ground truth: %1 mask(s), %2 image(s) with boxes, %3 marked normal</source>
        <translation>真值：%1 个掩膜，%2 幅图像带边界框，%3 幅标记为正常</translation>
    </message>
    <message>
        <source>Cancelled — everything imported before is in the project. </source>
        <translation>已取消——此前导入的内容都已在项目中。</translation>
    </message>
    <message>
        <source>Stopped early: %1</source>
        <translation>提前停止：%1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation>导入报告</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::JobProgressPage</name>
    <message>
        <source>Run in Background</source>
        <translation>在后台运行</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::JobProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the running job; everything finished so far stays in the project</source>
        <translation>停止正在运行的任务；已完成的内容保留在项目中</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::MainWindow</name>
    <message>
        <source>Lightbox projects (*.lightbox);;All files (*)</source>
        <translation>Lightbox 项目 (*.lightbox);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>Create an empty project file (Ctrl+N)</source>
        <translation>创建空项目文件（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project file (Ctrl+O)</source>
        <translation>打开项目文件（Ctrl+O）</translation>
    </message>
    <message>
        <source>&amp;Import Images…</source>
        <translation>导入图像(&amp;I)…</translation>
    </message>
    <message>
        <source>Import DICOM, NIfTI or PNG/JPEG/TIFF images into a dataset (Ctrl+I)</source>
        <translation>将 DICOM、NIfTI 或 PNG/JPEG/TIFF 图像导入数据集（Ctrl+I）</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find Images</source>
        <translation>查找图像(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>Thumbnail &amp;Grid</source>
        <translation>缩略图网格(&amp;G)</translation>
    </message>
    <message>
        <source>Metadata &amp;Table</source>
        <translation>元数据表格(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>任务(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;raining</source>
        <translation>训练(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>审阅(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;About Lightbox</source>
        <translation>关于 Lightbox(&amp;A)</translation>
    </message>
    <message>
        <source>About Lightbox</source>
        <translation>关于 Lightbox</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lightbox %1&lt;/h3&gt;&lt;p&gt;Anomaly localisation learned from healthy images only, after &lt;i&gt;Many tasks make light work: learning to localise medical anomalies from multiple synthetic tasks&lt;/i&gt; (Baugh et al., MICCAI 2023).&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later. Not a medical device: for research use only.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lightbox %1&lt;/h3&gt;&lt;p&gt;仅从健康图像中学习的异常定位，基于 &lt;i&gt;Many tasks make light work: learning to localise medical anomalies from multiple synthetic tasks&lt;/i&gt;（Baugh 等，MICCAI 2023）。&lt;/p&gt;&lt;p&gt;依据 GNU GPL 第 3 版或更高版本授权。非医疗器械：仅供研究使用。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Lightbox&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Lightbox&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Learn what healthy images look like, then find what does not fit. Create a project, import a healthy training set, look at the synthetic anomaly tasks on your own images, train, and review the findings.</source>
        <translation>学习健康图像的样子，然后找出不相符之处。创建项目，导入健康训练集，在您自己的图像上查看合成异常任务，训练模型，并审阅发现。</translation>
    </message>
    <message>
        <source>New Project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Open Project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent projects&lt;/b&gt;</source>
        <translation>&lt;b&gt;最近的项目&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>Cannot read the project</source>
        <translation>无法读取项目</translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation>正在显示 %1</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Wait for “%1” to finish (or cancel it) before opening another project.</source>
        <translation>请等待“%1”完成（或将其取消）后再打开其他项目。</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>无法创建项目</translation>
    </message>
    <message>
        <source>Removing 1 image</source>
        <translation>正在移除 1 幅图像</translation>
    </message>
    <message>
        <source>Removing %1 images</source>
        <translation>正在移除 %1 幅图像</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1：已取消</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1：完成</translation>
    </message>
    <message>
        <source>Lightbox</source>
        <translation>Lightbox</translation>
    </message>
    <message>
        <source>1 dataset</source>
        <translation>1 个数据集</translation>
    </message>
    <message>
        <source>%1 datasets</source>
        <translation>%1 个数据集</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 幅图像</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 幅图像</translation>
    </message>
    <message>
        <source>%1 — %2 — Lightbox</source>
        <translation>%1 — %2 — Lightbox</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>无最近项目</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>清除菜单</translation>
    </message>
    <message>
        <source>No recent projects yet</source>
        <translation>尚无最近项目</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>study.lightbox</source>
        <translation>研究.lightbox</translation>
    </message>
    <message>
        <source>“%1” already exists. Lightbox never overwrites a project; choose another name or open it.</source>
        <translation>“%1”已存在。Lightbox 从不覆盖项目；请另选名称或打开该项目。</translation>
    </message>
    <message>
        <source>Quit Lightbox</source>
        <translation>退出 Lightbox</translation>
    </message>
    <message>
        <source>“%1” is still running. Stop it and quit? Everything finished so far stays in the project.</source>
        <translation>“%1”仍在运行。停止并退出吗？已完成的内容保留在项目中。</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审阅(&amp;R)</translation>
    </message>
    <message>
        <source>Audit &amp;Healthy Set…</source>
        <translation>审核健康数据集(&amp;H)…</translation>
    </message>
    <message>
        <source>Audit Healthy Set</source>
        <translation>审核健康数据集</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>请先打开或创建项目。</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The language applies to the whole application.</source>
        <translation>该语言适用于整个应用程序。</translation>
    </message>
    <message>
        <source>The new language applies after Lightbox is restarted.</source>
        <translation>新语言将在重新启动 Lightbox 后生效。</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ReviewCommand</name>
    <message>
        <source>Note on finding %1</source>
        <translation>发现 %1 的备注</translation>
    </message>
    <message>
        <source>%1 finding %2</source>
        <translation>%1发现 %2</translation>
    </message>
    <message>
        <source>Category “%1” on finding %2</source>
        <translation>为发现 %2 设置类别“%1”</translation>
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
平均评分 %2，第 75 百分位 %3，最高四分之一均值 %4
%5 个已接受，%6 个已拒绝，%7 个有备注</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ReviewPage</name>
    <message>
        <source>A trained run&apos;s model: the ensemble of its folds (voxel-wise mean) or one fold</source>
        <translation>已训练运行的模型：其各折的集成（逐体素平均）或单个折</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>All images</source>
        <translation>所有图像</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待审阅</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Export findings…</source>
        <translation>导出发现…</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>热图</translation>
    </message>
    <message>
        <source>Stretch to this image</source>
        <translation>按此图像拉伸</translation>
    </message>
    <message>
        <source>Off (default): one colour scale for the whole dataset, so colours compare across images. On: this image&apos;s own minimum to maximum (colours no longer compare).</source>
        <translation>关（默认）：整个数据集使用同一色标，不同图像间颜色可比。开：使用此图像自身的最小值到最大值（颜色不再可比）。</translation>
    </message>
    <message>
        <source>Only above threshold</source>
        <translation>仅显示阈值以上</translation>
    </message>
    <message>
        <source>Ground-truth contours</source>
        <translation>真值轮廓</translation>
    </message>
    <message>
        <source>Fit to dataset</source>
        <translation>适配数据集</translation>
    </message>
    <message>
        <source>Colour scale 0 to the 99th percentile of every score of this model on this dataset, shared by all its images and stored in the project</source>
        <translation>色标范围为 0 至此模型在此数据集上所有评分的第 99 百分位，由其所有图像共享并存储在项目中</translation>
    </message>
    <message>
        <source>0 – 1</source>
        <translation>0 – 1</translation>
    </message>
    <message>
        <source>Colour scale over the whole score range (the default)</source>
        <translation>色标覆盖整个评分范围（默认）</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Find again at this threshold</source>
        <translation>按此阈值重新查找</translation>
    </message>
    <message>
        <source>Records it as the model&apos;s threshold and finds the regions of every image of the dataset again; reviewed findings are kept</source>
        <translation>将其记录为模型的阈值，并重新查找数据集中每幅图像的区域；已审阅的发现予以保留</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>建议值</translation>
    </message>
    <message>
        <source>Move the slider back to the threshold proposed from the held-out tasks</source>
        <translation>将滑块移回根据留出任务建议的阈值</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Accept (A)</source>
        <translation>接受 (A)</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>拒绝 (R)</translation>
    </message>
    <message>
        <source>Note (N)</source>
        <translation>备注 (N)</translation>
    </message>
    <message>
        <source>Category of the selected finding (the project&apos;s editable list)</source>
        <translation>所选发现的类别（项目中可编辑的列表）</translation>
    </message>
    <message>
        <source>A accept · R reject · N note · Space/J/→ next · K/← previous · Ctrl+Shift+→/← image · Ctrl+Z undo · Ctrl+Y redo</source>
        <translation>A 接受 · R 拒绝 · N 备注 · 空格/J/→ 下一个 · K/← 上一个 · Ctrl+Shift+→/← 切换图像 · Ctrl+Z 撤销 · Ctrl+Y 重做</translation>
    </message>
    <message>
        <source>Note on finding %1</source>
        <translation>发现 %1 的备注</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Category not stored: %1</source>
        <translation>类别未保存：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Cannot read the project: %1</source>
        <translation>无法读取项目：%1</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（无类别）</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Run %1 “%2”</source>
        <translation>运行 %1“%2”</translation>
    </message>
    <message>
        <source>ensemble of folds %1</source>
        <translation>折 %1 的集成</translation>
    </message>
    <message>
        <source>fold %1</source>
        <translation>折 %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>, %n with masks</source>
        <translation>
            <numerusform>，%n 幅带掩膜</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n with boxes</source>
        <translation>
            <numerusform>，%n 幅带边界框</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %n image(s)%3)</source>
        <translation>
            <numerusform>%1（%2，%n 幅图像%3）</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a project to review its findings.</source>
        <translation>打开项目以审阅其发现。</translation>
    </message>
    <message>
        <source>No trained model yet: train a run on the Training page, then predict its test images here.</source>
        <translation>尚无已训练的模型：请在“训练”页面训练一次运行，然后在此预测其测试图像。</translation>
    </message>
    <message>
        <source>No dataset with images: import a test dataset on the Data page.</source>
        <translation>没有含图像的数据集：请在“数据”页面导入测试数据集。</translation>
    </message>
    <message>
        <source>This model has no trained checkpoint to predict with.</source>
        <translation>此模型没有可用于预测的已训练检查点。</translation>
    </message>
    <message>
        <source>This model has not predicted “%1” yet: press Predict.</source>
        <translation>此模型尚未预测“%1”：请点击“预测”。</translation>
    </message>
    <message>
        <source>Cannot list the predictions: %1</source>
        <translation>无法列出预测结果：%1</translation>
    </message>
    <message>
        <source>Cannot show the prediction: %1</source>
        <translation>无法显示预测结果：%1</translation>
    </message>
    <message>
        <source>Ground truth: mask (outlined in green)</source>
        <translation>真值：掩膜（绿色轮廓）</translation>
    </message>
    <message>
        <source>Ground truth: boxes (outlined in green)</source>
        <translation>真值：边界框（绿色轮廓）</translation>
    </message>
    <message>
        <source>No ground truth for this image</source>
        <translation>此图像无真值</translation>
    </message>
    <message>
        <source>Stretched to this image: %1 – %2 (colours do not compare across images)</source>
        <translation>按此图像拉伸：%1 – %2（不同图像间颜色不可比）</translation>
    </message>
    <message>
        <source>Dataset-wide scale %1 – %2%3</source>
        <translation>数据集统一色标 %1 – %2%3</translation>
    </message>
    <message>
        <source> (stored in the project)</source>
        <translation>（已存储在项目中）</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>user&apos;s</source>
        <translation>用户设定</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Slider: %1</source>
        <translation>滑块：%1</translation>
    </message>
    <message>
        <source>
In force: %1 (%2)</source>
        <translation>
当前生效：%1（%2）</translation>
    </message>
    <message>
        <source>
No threshold yet</source>
        <translation>
尚无阈值</translation>
    </message>
    <message>
        <source>
Proposed: %1</source>
        <translation>
建议值：%1</translation>
    </message>
    <message>
        <source>
%1 % of voxels above</source>
        <translation>
%1% 的体素高于阈值</translation>
    </message>
    <message>
        <source>This image: %1</source>
        <translation>此图像：%1</translation>
    </message>
    <message>
        <source>No findings in this image at the threshold</source>
        <translation>在此阈值下此图像无发现</translation>
    </message>
    <message>
        <source>Dataset: %1</source>
        <translation>数据集：%1</translation>
    </message>
    <message>
        <source>Colour scale not stored: %1</source>
        <translation>色标未保存：%1</translation>
    </message>
    <message>
        <source>Review not stored: %1</source>
        <translation>审阅未保存：%1</translation>
    </message>
    <message>
        <source>Finding %1: %2</source>
        <translation>发现 %1：%2</translation>
    </message>
    <message>
        <source>Finding regions at threshold %1</source>
        <translation>正在按阈值 %1 查找区域</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) at the new threshold; %1 reviewed kept</source>
        <translation>
            <numerusform>新阈值下有 %n 个发现；保留 %1 个已审阅的发现</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot find regions: %1</source>
        <translation>无法查找区域：%1</translation>
    </message>
    <message>
        <source>Predicting %1</source>
        <translation>正在预测 %1</translation>
    </message>
    <message>
        <source>Another job is running: wait for it (or cancel it) first.</source>
        <translation>另一个任务正在运行：请先等待其完成（或将其取消）。</translation>
    </message>
    <message>
        <source>Prediction is unavailable in this build (no LibTorch).</source>
        <translation>此版本不支持预测（无 LibTorch）。</translation>
    </message>
    <message>
        <source>Cannot fit the colour scale: %1</source>
        <translation>无法适配色标：%1</translation>
    </message>
    <message>
        <source>Curves…</source>
        <translation>曲线…</translation>
    </message>
    <message>
        <source>ROC and precision-recall curves, and the images wrong at a threshold</source>
        <translation>ROC 曲线和精确率–召回率曲线，以及在某一阈值下判错的图像</translation>
    </message>
    <message>
        <source>Editing finding %1: a box or ellipse redraws it on this slice, the brush adds to it (Shift or right button erases). Esc stops.</source>
        <translation>正在编辑发现 %1：矩形或椭圆会在此层面上重新绘制它，画笔则向其添加（Shift 或右键擦除）。按 Esc 结束。</translation>
    </message>
    <message>
        <source>Drag on the current slice to add a finding the model missed. Esc cancels.</source>
        <translation>在当前层面上拖动，添加模型遗漏的发现。按 Esc 取消。</translation>
    </message>
    <message>
        <source>Drawing cancelled.</source>
        <translation>已取消绘制。</translation>
    </message>
    <message>
        <source>Cannot read the finding&apos;s region: %1</source>
        <translation>无法读取发现的区域：%1</translation>
    </message>
    <message>
        <source>That would leave finding %1 empty; reject it instead, or undo its drawing (Ctrl+Z).</source>
        <translation>这会使发现 %1 变为空；请改为拒绝它，或撤销其绘制（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>The brush erases only while editing a finding&apos;s extent (select it, then Edit extent).</source>
        <translation>画笔仅在编辑发现的范围时擦除（先选择发现，再点击“编辑范围”）。</translation>
    </message>
    <message>
        <source>Cannot draw: %1</source>
        <translation>无法绘制：%1</translation>
    </message>
    <message>
        <source>Drawing not stored: %1</source>
        <translation>绘制未保存：%1</translation>
    </message>
    <message>
        <source>Finding stored.</source>
        <translation>发现已保存。</translation>
    </message>
    <message>
        <source>Drawn finding removed.</source>
        <translation>已移除绘制的发现。</translation>
    </message>
    <message>
        <source>Cannot list the findings: %1</source>
        <translation>无法列出发现：%1</translation>
    </message>
    <message>
        <source>Cannot read the categories: %1</source>
        <translation>无法读取类别：%1</translation>
    </message>
    <message>
        <source>Category list not changed: %1</source>
        <translation>类别列表未更改：%1</translation>
    </message>
    <message>
        <source>Where the model runs to predict</source>
        <translation>模型在何处运行以进行预测</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <source>The last prediction: device, speed, warnings and the images that failed</source>
        <translation>上次预测：设备、速度、警告及失败的图像</translation>
    </message>
    <message numerus="yes">
        <source>Predict the remaining %n image(s)</source>
        <translation>
            <numerusform>预测剩余 %n 幅图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This model has not predicted %n image(s) of “%1”. Prediction is unavailable in this build (no LibTorch): run `lightbox-cli predict` elsewhere and review the predictions here.</source>
        <translation>
            <numerusform>此模型尚未预测“%1”中的 %n 幅图像。此版本不支持预测（无 LibTorch）：请在其他地方运行 `lightbox-cli predict`，然后在此审阅预测结果。</numerusform>
        </translation>
    </message>
    <message>
        <source>This model has predicted %1 of %2 images of “%3”: press “Predict the remaining” to finish.</source>
        <translation>此模型已预测“%3”的 %2 幅图像中的 %1 幅：请点击“预测剩余”以完成。</translation>
    </message>
    <message>
        <source>Prediction details</source>
        <translation>预测详细信息</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>无结果</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ScoreHistogramView</name>
    <message>
        <source>Scores of this image&apos;s voxels (logarithmic counts), 0 at the bottom, 1 at the top; the line is the threshold</source>
        <translation>此图像体素的评分（对数计数），底部为 0，顶部为 1；线条表示阈值</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::SimulateLesionsDialog</name>
    <message>
        <source>Test Set with Simulated Lesions</source>
        <translation>含模拟病灶的测试集</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %3, %n image(s))</source>
        <translation>
            <numerusform>%1（%2，%3，%n 幅图像）</numerusform>
        </translation>
    </message>
    <message>
        <source>Holds out every k-th slice of each healthy volume and copies it into a new &lt;b&gt;test&lt;/b&gt; dataset; most of these slices get one or two &lt;b&gt;simulated&lt;/b&gt; lesions (smooth bright or dark ellipses, not one of the training tasks) with their masks as ground truth. The held-out slices are left out of training from now on, so the model is tested on slices it never saw. There are no real lesions in this set: it is marked “simulated” in the project.</source>
        <translation>留出每个健康体数据中每隔 k 层的一层，复制到新的&lt;b&gt;测试&lt;/b&gt;数据集中；其中多数层面会获得一到两个&lt;b&gt;模拟&lt;/b&gt;病灶（平滑的亮或暗椭圆，不属于任何训练任务），其掩膜作为真值。留出的层面从此不再用于训练，因此模型是在从未见过的层面上测试的。此数据集不含真实病灶：它在项目中被标记为“模拟”。</translation>
    </message>
    <message>
        <source>A healthy dataset imported with the brain-slices-2d preset (one working array per axial slice). Its held-out slices stay in it, marked, but no training run uses them any more.</source>
        <translation>以 brain-slices-2d 预设导入的健康数据集（每个轴位层面一个工作数组）。其留出的层面仍保留在其中并已标记，但不再被任何训练运行使用。</translation>
    </message>
    <message>
        <source>Name of the new test dataset; it must not exist yet</source>
        <translation>新测试数据集的名称；该名称不能已存在</translation>
    </message>
    <message>
        <source>1 in </source>
        <translation>每 </translation>
    </message>
    <message>
        <source> slices</source>
        <translation> 层取 1 层</translation>
    </message>
    <message>
        <source>Which slices become test images: slices 0, k, 2k, … of each volume. They are held out of training for good (later runs skip them), so a smaller k makes a bigger test set and leaves less to train on.</source>
        <translation>哪些层面成为测试图像：每个体数据的第 0、k、2k、… 层。它们将永久不再用于训练（以后的运行会跳过它们），因此 k 越小，测试集越大，可用于训练的层面越少。</translation>
    </message>
    <message>
        <source> %</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Share of the held-out slices that get lesions; the others stay healthy, so the test set has negatives too (sample-level AP and AUROC need both).</source>
        <translation>获得病灶的留出层面所占比例；其余层面保持健康，使测试集也包含阴性样本（样本级 AP 和 AUROC 需要两者兼有）。</translation>
    </message>
    <message>
        <source>Where the lesions go, their size, shape and brightness: the same seed makes the same set</source>
        <translation>病灶的位置、大小、形状和亮度：相同的种子生成相同的数据集</translation>
    </message>
    <message>
        <source>&amp;Source (healthy):</source>
        <translation>源数据集（健康）(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;New test dataset:</source>
        <translation>新测试数据集(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Held-out slices:</source>
        <translation>留出层面(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;With lesions:</source>
        <translation>含病灶(&amp;W)：</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <source>Create Test Set</source>
        <translation>创建测试集</translation>
    </message>
    <message>
        <source>The test set is written in one transaction: cancelling leaves the project as it was. You can close this window; the work goes on in the status bar.</source>
        <translation>测试集在一个事务中写入：取消后项目保持原样。您可以关闭此窗口；工作将在状态栏中继续。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>About %1 % of each volume&apos;s slices become test images.</source>
        <translation>每个体数据约 %1% 的层面将成为测试图像。</translation>
    </message>
    <message>
        <source>“%1” was imported with %2, not %3: only slice datasets can be used.</source>
        <translation>“%1”是以 %2 而非 %3 导入的：只能使用层面数据集。</translation>
    </message>
    <message>
        <source>The project has no healthy dataset yet: import a brain volume with the %1 preset first.</source>
        <translation>项目尚无健康数据集：请先以 %1 预设导入脑部体数据。</translation>
    </message>
    <message>
        <source>The project already has a dataset named “%1”.</source>
        <translation>项目中已有名为“%1”的数据集。</translation>
    </message>
    <message>
        <source>Wait for “%1” to finish first</source>
        <translation>请先等待“%1”完成</translation>
    </message>
    <message>
        <source>Choosing the slices to hold out…</source>
        <translation>正在选择要留出的层面…</translation>
    </message>
    <message>
        <source>Simulating lesions on held-out slice %1 of %2</source>
        <translation>正在模拟病灶：留出层面 %1 / %2</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Making test set %1</source>
        <translation>正在创建测试集 %1</translation>
    </message>
    <message>
        <source>Another job is running (“%1”): wait for it, or cancel it, first.</source>
        <translation>另一个任务正在运行（“%1”）：请先等待其完成，或将其取消。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written, and the source dataset is unchanged.</source>
        <translation>已取消：未写入任何内容，源数据集保持不变。</translation>
    </message>
    <message>
        <source>Could not make the test set: %1</source>
        <translation>无法创建测试集：%1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;“%1” made&lt;/b&gt; from “%2”: %n held-out slice(s)</source>
        <translation>
            <numerusform>&lt;b&gt;已创建“%1”&lt;/b&gt;，源自“%2”：%n 个留出层面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n with simulated lesions</source>
        <translation>
            <numerusform>，其中 %n 个带有模拟病灶</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n lesion pixel(s) in the masks)</source>
        <translation>
            <numerusform>（掩膜中共 %n 个病灶像素）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n left healthy.</source>
        <translation>
            <numerusform>，%n 个保持健康。</numerusform>
        </translation>
    </message>
    <message>
        <source>These slices are left out of training from now on. Train a run on “%1”, then predict “%2” on the Review page; its masks give the ROC and PR figures.</source>
        <translation>这些层面从此不再用于训练。请在“%1”上训练一次运行，然后在“审阅”页面预测“%2”；其掩膜将给出 ROC 和 PR 指标。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Test Set Made</source>
        <translation>测试集已创建</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::SliceView</name>
    <message>
        <source>Axial</source>
        <translation>轴位</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>冠状位</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>矢状位</translation>
    </message>
    <message>
        <source>%1  %2 / %3</source>
        <translation>%1  %2 / %3</translation>
    </message>
    <message>
        <source>2D image</source>
        <translation>2D 图像</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::TaskPreviewPanel</name>
    <message>
        <source>The same seed always gives the same sample; type one to see it again</source>
        <translation>相同的种子总是生成相同的样本；输入种子可再次查看</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>A new random seed</source>
        <translation>新的随机种子</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>叠加</translation>
    </message>
    <message>
        <source>Show the soft label and the mask outline over the augmented image</source>
        <translation>在增强图像上显示软标签和掩膜轮廓</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>Augmented</source>
        <translation>增强后</translation>
    </message>
    <message>
        <source>Anomaly mask</source>
        <translation>异常掩膜</translation>
    </message>
    <message>
        <source>Soft label</source>
        <translation>软标签</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>图库</translation>
    </message>
    <message>
        <source> examples</source>
        <translation> 个示例</translation>
    </message>
    <message>
        <source>Task parameters</source>
        <translation>任务参数</translation>
    </message>
    <message>
        <source>Restore paper defaults</source>
        <translation>恢复论文默认值</translation>
    </message>
    <message>
        <source>Cannot reset the settings: %1</source>
        <translation>无法重置设置：%1</translation>
    </message>
    <message>
        <source>No image selected</source>
        <translation>未选择图像</translation>
    </message>
    <message>
        <source>Select an image of a project to see what the tasks do to it.</source>
        <translation>选择项目中的一幅图像，查看各任务对其产生的效果。</translation>
    </message>
    <message>
        <source>Loading the working image and the dataset…</source>
        <translation>正在加载工作图像和数据集…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Cannot preview this image</source>
        <translation>无法预览此图像</translation>
    </message>
    <message>
        <source>Paper task %1. %2</source>
        <translation>论文任务 %1。%2</translation>
    </message>
    <message>
        <source>%1 (needs a blend dataset)</source>
        <translation>%1（需要融合数据集）</translation>
    </message>
    <message>
        <source>&lt;b&gt;All tasks&lt;/b&gt; (anomaly count, size, label)</source>
        <translation>&lt;b&gt;所有任务&lt;/b&gt;（异常数量、大小、标签）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>paper: %1</source>
        <translation>论文：%1</translation>
    </message>
    <message>
        <source>This task has no parameters of its own.</source>
        <translation>此任务没有自己的参数。</translation>
    </message>
    <message>
        <source>Stored in the project; training uses these values.</source>
        <translation>已存储在项目中；训练使用这些值。</translation>
    </message>
    <message>
        <source>Paper defaults (nothing stored for this task yet).</source>
        <translation>论文默认值（此任务尚未存储任何设置）。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Inter-dataset blending needs a blend source</source>
        <translation>跨数据集融合需要融合源</translation>
    </message>
    <message>
        <source>This project has no blend dataset, so inter-dataset Poisson blending cannot be previewed. Import images of another kind (e.g. natural textures) with the role &quot;blend&quot;; training needs them too.</source>
        <translation>此项目没有融合数据集，因此无法预览跨数据集泊松融合。请以“融合源”角色导入另一类图像（例如自然纹理）；训练也需要它们。</translation>
    </message>
    <message>
        <source>No sample</source>
        <translation>无样本</translation>
    </message>
    <message>
        <source>1 anomaly</source>
        <translation>1 个异常</translation>
    </message>
    <message>
        <source>%1 anomalies</source>
        <translation>%1 个异常</translation>
    </message>
    <message>
        <source>%1 covering %2% of the image · seed %3 · on %4 · %5 ms</source>
        <translation>%1，覆盖图像的 %2% · 种子 %3 · 基于 %4 · %5 毫秒</translation>
    </message>
    <message>
        <source>Blend source: %1</source>
        <translation>融合源：%1</translation>
    </message>
    <message>
        <source>Slice %1/%2</source>
        <translation>层面 %1/%2</translation>
    </message>
    <message>
        <source>Augmented + soft label</source>
        <translation>增强后 + 软标签</translation>
    </message>
    <message>
        <source>No blend dataset: nothing to show.</source>
        <translation>无融合数据集：无可显示内容。</translation>
    </message>
    <message>
        <source>Generating %1 examples…</source>
        <translation>正在生成 %1 个示例…</translation>
    </message>
    <message>
        <source>%1 · #%2</source>
        <translation>%1 · #%2</translation>
    </message>
    <message>
        <source>Sample %1 of seed %2 on %3: %4 anomalies</source>
        <translation>种子 %2 在 %3 上的样本 %1：%4 个异常</translation>
    </message>
    <message>
        <source>%1 on the one image of dataset &quot;%2&quot;; outline = anomaly mask</source>
        <translation>%1，基于数据集“%2”中唯一的图像；轮廓 = 异常掩膜</translation>
    </message>
    <message>
        <source>%1 across %2 images of dataset &quot;%3&quot;; outline = anomaly mask</source>
        <translation>%1，遍及数据集“%3”中的 %2 幅图像；轮廓 = 异常掩膜</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::ThresholdPanel</name>
    <message>
        <source>&lt;b&gt;Threshold&lt;/b&gt;</source>
        <translation>&lt;b&gt;阈值&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Propose a threshold when a run finishes</source>
        <translation>运行结束时建议阈值</translation>
    </message>
    <message>
        <source>From the run&apos;s held-out synthetic tasks and its healthy validation images: no ground truth needed. A threshold set by the user stays in force.</source>
        <translation>根据该运行的留出合成任务及其健康验证图像得出：无需真值。用户设定的阈值保持生效。</translation>
    </message>
    <message>
        <source>Propose Threshold</source>
        <translation>建议阈值</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Propose (again) the threshold of the selected run&apos;s ensemble, or of the selected fold</source>
        <translation>（重新）建议所选运行的集成或所选折的阈值</translation>
    </message>
    <message>
        <source>Cancelling the proposal…</source>
        <translation>正在取消建议…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Threshold&lt;/b&gt; — run %1, %2</source>
        <translation>&lt;b&gt;阈值&lt;/b&gt; — 运行 %1，%2</translation>
    </message>
    <message>
        <source>Select a run (its ensemble) or one of its folds to see or propose its threshold.</source>
        <translation>选择一个运行（其集成）或其中一个折，以查看或建议其阈值。</translation>
    </message>
    <message>
        <source>Thresholds are proposed by a build with the models library (LibTorch).</source>
        <translation>阈值需由含模型库（LibTorch）的版本建议。</translation>
    </message>
    <message>
        <source>Could not read the threshold: %1</source>
        <translation>无法读取阈值：%1</translation>
    </message>
    <message>
        <source>Another job is running (%1): propose when it is done.</source>
        <translation>另一个任务正在运行（%1）：请在其完成后再建议。</translation>
    </message>
    <message>
        <source>Proposing the threshold of run %1</source>
        <translation>正在建议运行 %1 的阈值</translation>
    </message>
    <message>
        <source>Proposing the threshold of run %1, fold %2…</source>
        <translation>正在建议运行 %1 折 %2 的阈值…</translation>
    </message>
    <message>
        <source>Proposing the threshold of run %1…</source>
        <translation>正在建议运行 %1 的阈值…</translation>
    </message>
    <message>
        <source>Proposal cancelled: no threshold was recorded.</source>
        <translation>建议已取消：未记录任何阈值。</translation>
    </message>
    <message>
        <source>Threshold of run %1 proposed and stored.</source>
        <translation>运行 %1 的阈值已建议并存储。</translation>
    </message>
    <message>
        <source>Could not propose a threshold for run %1: %2</source>
        <translation>无法为运行 %1 建议阈值：%2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Select a run in the list.</source>
        <translation>请在列表中选择一个运行。</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::TrainingCharts</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Training (moving average)</source>
        <translation>训练（移动平均）</translation>
    </message>
    <message>
        <source>Validation (held-out tasks)</source>
        <translation>验证（留出任务）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Learning rate per step</source>
        <translation>每步学习率</translation>
    </message>
    <message>
        <source>Held-out task pixel AP</source>
        <translation>留出任务像素 AP</translation>
    </message>
    <message>
        <source>Pixel AP per task</source>
        <translation>每个任务的像素 AP</translation>
    </message>
    <message>
        <source>Held out (at the best step)</source>
        <translation>留出（最佳步）</translation>
    </message>
    <message>
        <source>intra</source>
        <translation>数据集内</translation>
    </message>
    <message>
        <source>inter</source>
        <translation>跨数据集</translation>
    </message>
    <message>
        <source>sink</source>
        <translation>汇点</translation>
    </message>
    <message>
        <source>source</source>
        <translation>源点</translation>
    </message>
    <message>
        <source>intensity</source>
        <translation>强度</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Training tasks</source>
        <translation>训练任务</translation>
    </message>
    <message>
        <source>The trainer logs pixel AP on held-out tasks only, so the bars show held-out tasks; AP on the training tasks is not measured.</source>
        <translation>训练器仅记录留出任务的像素 AP，因此柱状图显示的是留出任务；训练任务的 AP 未测量。</translation>
    </message>
    <message>
        <source>No bar for task %1: trained on in every fold of this run.</source>
        <translation>任务 %1 无柱：在此运行的每个折中都用于训练。</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
</context>
<context>
    <name>lightbox::ui::TrainingPage</name>
    <message>
        <source>&lt;b&gt;Training is not available in this build&lt;/b&gt; (it was built without LibTorch). The project&apos;s runs are listed on the right; train with a build that has the models library, or on another machine with &lt;code&gt;lightbox-cli train&lt;/code&gt;.</source>
        <translation>&lt;b&gt;此版本不支持训练&lt;/b&gt;（构建时未包含 LibTorch）。项目的运行列在右侧；请使用包含模型库的版本训练，或在另一台机器上使用 &lt;code&gt;lightbox-cli train&lt;/code&gt;。</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>&lt;small&gt;Network and learning-rate values are the preset&apos;s, read-only here: the run stores all of them, so resuming or predicting rebuilds exactly this network. Choose another preset to change them.&lt;/small&gt;</source>
        <translation>&lt;small&gt;网络和学习率数值来自预设，此处只读：运行会存储全部数值，因此继续训练或预测时会重建完全相同的网络。如需更改，请选择其他预设。&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>The healthy images to train on</source>
        <translation>用于训练的健康图像</translation>
    </message>
    <message>
        <source>Source images of task 1 (inter-dataset Poisson blending), needed whether it trains or is held out</source>
        <translation>任务 1（跨数据集泊松融合）的源图像，无论该任务用于训练还是留出都需要</translation>
    </message>
    <message>
        <source>Healthy images:</source>
        <translation>健康图像：</translation>
    </message>
    <message>
        <source>Blend source:</source>
        <translation>融合源：</translation>
    </message>
    <message>
        <source>Training tasks</source>
        <translation>训练任务</translation>
    </message>
    <message>
        <source>These tasks train; the others are held out for validation:</source>
        <translation>以下任务用于训练；其余任务留出用于验证：</translation>
    </message>
    <message>
        <source>Cross-validation: every fold of T training tasks</source>
        <translation>交叉验证：T 个训练任务的每个折</translation>
    </message>
    <message>
        <source>T =</source>
        <translation>T =</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>the preset&apos;s epochs</source>
        <translation>预设的轮数</translation>
    </message>
    <message>
        <source>Optimiser steps per fold; 0 = the preset&apos;s number of epochs</source>
        <translation>每折的优化步数；0 = 使用预设的轮数</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Wall-clock limit of this call; a run stopped by it is paused and can be resumed</source>
        <translation>本次调用的实际时间上限；因此停止的运行会暂停，可继续</translation>
    </message>
    <message>
        <source>every epoch</source>
        <translation>每轮</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <source>Max steps:</source>
        <translation>最大步数：</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>时间限制：</translation>
    </message>
    <message>
        <source>Validate:</source>
        <translation>验证：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>CPU 线程：</translation>
    </message>
    <message>
        <source>Start Training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <source>Queue (one run at a time)</source>
        <translation>队列（一次一个运行）</translation>
    </message>
    <message>
        <source>Remove from Queue</source>
        <translation>从队列中移除</translation>
    </message>
    <message>
        <source>&lt;b&gt;No run on the monitor&lt;/b&gt;</source>
        <translation>&lt;b&gt;监视器上没有运行&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation>取消运行</translation>
    </message>
    <message>
        <source>Stops after the current step and keeps a checkpoint: the run can be resumed</source>
        <translation>在当前步完成后停止并保留检查点：运行可继续</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue the selected run from its latest checkpoint (with the device, threads and time limit of the form; the run&apos;s own preset, data, tasks and seed)</source>
        <translation>从所选运行的最新检查点继续（使用表单中的设备、线程数和时间限制；沿用该运行自身的预设、数据、任务和种子）</translation>
    </message>
    <message>
        <source>Fold:</source>
        <translation>折：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs&lt;/b&gt;</source>
        <translation>&lt;b&gt;运行&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Run / fold</source>
        <translation>运行 / 折</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Train tasks</source>
        <translation>训练任务</translation>
    </message>
    <message>
        <source>Held-out tasks</source>
        <translation>留出任务</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Best val. loss</source>
        <translation>最佳验证损失</translation>
    </message>
    <message>
        <source>Held-out pixel AP at best</source>
        <translation>最佳时留出像素 AP</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>%1D U-Net, %2 levels, %3 → max %4 features, %5 convolutions per stage</source>
        <translation>%1D U-Net，%2 层级，%3 → 最多 %4 个特征通道，每阶段 %5 个卷积</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>%1, %2 image + %3 position channels</source>
        <translation>%1，%2 个图像通道 + %3 个位置通道</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Base learning rate</source>
        <translation>基础学习率</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>预热</translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation>%1 步</translation>
    </message>
    <message>
        <source>Decay per step</source>
        <translation>每步衰减</translation>
    </message>
    <message>
        <source>LR floor</source>
        <translation>学习率下限</translation>
    </message>
    <message>
        <source>%1 × base</source>
        <translation>%1 × 基础值</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Early-stop patience</source>
        <translation>早停耐心值</translation>
    </message>
    <message>
        <source>Loss average</source>
        <translation>损失平均</translation>
    </message>
    <message>
        <source>EMA %1</source>
        <translation>EMA %1</translation>
    </message>
    <message>
        <source>Left-right flips</source>
        <translation>左右翻转</translation>
    </message>
    <message>
        <source>Meant for</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>a GPU (the paper&apos;s setting)</source>
        <translation>GPU（论文设置）</translation>
    </message>
    <message>
        <source>a CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>all %1 folds</source>
        <translation>全部 %1 个折</translation>
    </message>
    <message>
        <source>fold %1: trains %2, holds out %3</source>
        <translation>折 %1：训练 %2，留出 %3</translation>
    </message>
    <message>
        <source>Check 1 to 4 of the five tasks: at least one must be held out to validate on.</source>
        <translation>请勾选五个任务中的 1 至 4 个：至少须留出一个用于验证。</translation>
    </message>
    <message>
        <source>Held out for validation (the calibration signal): %1.</source>
        <translation>留出用于验证（校准信号）：%1。</translation>
    </message>
    <message>
        <source>%1 folds one after another; each holds out the tasks it does not train on.</source>
        <translation>依次运行 %1 个折；每个折留出其未用于训练的任务。</translation>
    </message>
    <message>
        <source>Only fold %1 (a cluster array job trains one fold each).</source>
        <translation>仅折 %1（集群数组作业每个训练一个折）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is the paper&apos;s GPU setting.&lt;/b&gt; On this CPU one step takes about %2 (benchmark: ~35 s per step for the 2D network at batch 50, ~50 s for the 3D one, on 2 cores), so %3 steps would take about &lt;b&gt;%4&lt;/b&gt; per fold. Use cpu-quick-2d here, or train on a GPU machine with &lt;code&gt;lightbox-cli train&lt;/code&gt;.</source>
        <translation>&lt;b&gt;%1 是论文的 GPU 设置。&lt;/b&gt;在此 CPU 上每步约需 %2（基准：2D 网络批大小 50 时每步约 35 秒，3D 网络约 50 秒，2 核），因此 %3 步每折约需 &lt;b&gt;%4&lt;/b&gt;。请在此使用 cpu-quick-2d，或在 GPU 机器上使用 &lt;code&gt;lightbox-cli train&lt;/code&gt; 训练。</translation>
    </message>
    <message>
        <source>%1 steps per fold.</source>
        <translation>每折 %1 步。</translation>
    </message>
    <message>
        <source>Add to Queue</source>
        <translation>加入队列</translation>
    </message>
    <message>
        <source>Could not read the datasets: %1</source>
        <translation>无法读取数据集：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (%2, %3 images)</source>
        <translation>%1（%2，%3 幅图像）</translation>
    </message>
    <message>
        <source>Choose the healthy images to train on.</source>
        <translation>请选择用于训练的健康图像。</translation>
    </message>
    <message>
        <source>Check 1 to 4 training tasks; the others are held out.</source>
        <translation>请勾选 1 至 4 个训练任务；其余任务留出。</translation>
    </message>
    <message>
        <source>Task 1 (inter-dataset blending) needs a blend source, whether it trains or is held out.</source>
        <translation>任务 1（跨数据集融合）需要融合源，无论其用于训练还是留出。</translation>
    </message>
    <message>
        <source>Paper preset on a CPU</source>
        <translation>在 CPU 上使用论文预设</translation>
    </message>
    <message>
        <source>&lt;p&gt;Start it anyway?&lt;/p&gt;</source>
        <translation>&lt;p&gt;仍然开始吗？&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Queued: it starts when “%1” is done.</source>
        <translation>已加入队列：将在“%1”完成后开始。</translation>
    </message>
    <message>
        <source>Cancelling: the run stops after this step and keeps a checkpoint to resume from…</source>
        <translation>正在取消：运行将在此步后停止，并保留可用于继续的检查点…</translation>
    </message>
    <message>
        <source>Quit Lightbox</source>
        <translation>退出 Lightbox</translation>
    </message>
    <message>
        <source>Run %1 is training.</source>
        <translation>运行 %1 正在训练。</translation>
    </message>
    <message>
        <source>A run is training.</source>
        <translation>有运行正在训练。</translation>
    </message>
    <message>
        <source>Cancel it and quit? It keeps its latest checkpoint and shows as resumable on the Training page.</source>
        <translation>取消并退出吗？它会保留最新检查点，并在“训练”页面显示为可继续。</translation>
    </message>
    <message>
        <source>The %1 queued run(s) will not start.</source>
        <translation>队列中的 %1 个运行将不会开始。</translation>
    </message>
    <message>
        <source>Cancel Run and Quit</source>
        <translation>取消运行并退出</translation>
    </message>
    <message>
        <source>Keep Training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>Training: %1</source>
        <translation>训练：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run %1&lt;/b&gt; — resuming</source>
        <translation>&lt;b&gt;运行 %1&lt;/b&gt; — 正在继续</translation>
    </message>
    <message>
        <source>&lt;b&gt;New run&lt;/b&gt; — starting</source>
        <translation>&lt;b&gt;新运行&lt;/b&gt; — 正在开始</translation>
    </message>
    <message>
        <source>Loading images…</source>
        <translation>正在加载图像…</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>cancelled; resumable from its latest checkpoint</source>
        <translation>已取消；可从最新检查点继续</translation>
    </message>
    <message>
        <source>time limit reached; paused and resumable</source>
        <translation>已达时间限制；已暂停，可继续</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Cancelled — the run can be resumed</source>
        <translation>已取消——运行可继续</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <source>Could not read the run&apos;s metrics: %1</source>
        <translation>无法读取运行的指标：%1</translation>
    </message>
    <message>
        <source>%1 (trains %2, holds out %3)</source>
        <translation>%1（训练 %2，留出 %3）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run %1&lt;/b&gt; — %2 — %3 — %4</source>
        <translation>&lt;b&gt;运行 %1&lt;/b&gt; — %2 — %3 — %4</translation>
    </message>
    <message>
        <source>Fold %1: step %2 of %3</source>
        <translation>折 %1：第 %2 步，共 %3 步</translation>
    </message>
    <message>
        <source>Fold %1: %2 steps</source>
        <translation>折 %1：%2 步</translation>
    </message>
    <message>
        <source> · best validation loss %1 at step %2</source>
        <translation> · 最佳验证损失 %1（第 %2 步）</translation>
    </message>
    <message>
        <source>Could not read the runs: %1</source>
        <translation>无法读取运行：%1</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Marked as training, but not by this window: the process that trained it was interrupted (a crash, a kill), or it trains in another process. Resume continues from its latest checkpoint.</source>
        <translation>标记为训练中，但并非由此窗口运行：训练它的进程已中断（崩溃或被终止），或正在另一个进程中训练。“继续”将从其最新检查点继续。</translation>
    </message>
    <message>
        <source>fold %1</source>
        <translation>折 %1</translation>
    </message>
    <message>
        <source>No training runs in this project yet.</source>
        <translation>此项目尚无训练运行。</translation>
    </message>
    <message>
        <source>No training runs</source>
        <translation>无训练运行</translation>
    </message>
    <message>
        <source>Could not</source>
        <translation>无法完成</translation>
    </message>
    <message numerus="yes">
        <source>%n fold(s)</source>
        <translation>
            <numerusform>%n 个折</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightbox::ui::TrainingQueueModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source> (run %1)</source>
        <translation>（运行 %1）</translation>
    </message>
    <message>
        <source>Resume run %1</source>
        <translation>继续运行 %1</translation>
    </message>
    <message>
        <source>tasks %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>T = %1, fold %2</source>
        <translation>T = %1，折 %2</translation>
    </message>
    <message>
        <source>T = %1, all folds</source>
        <translation>T = %1，全部折</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source> · %1 steps</source>
        <translation> · %1 步</translation>
    </message>
    <message>
        <source> · ≤ %1 min</source>
        <translation> · ≤ %1 分钟</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Anomaly localisation from healthy images</source>
        <translation>基于健康图像的异常定位</translation>
    </message>
    <message>
        <source>Project file (.lightbox) to open</source>
        <translation>要打开的项目文件（.lightbox）</translation>
    </message>
    <message>
        <source>Build the demo project (real healthy brain slices, simulated lesions, a short training) or reuse it, and review it</source>
        <translation>构建演示项目（真实健康脑层面、模拟病灶、短时训练）或复用已有项目，并进行审阅</translation>
    </message>
    <message>
        <source>With --demo: the demo project file</source>
        <translation>与 --demo 一起使用：演示项目文件</translation>
    </message>
    <message>
        <source>With --demo: training time in minutes (default 3)</source>
        <translation>与 --demo 一起使用：训练时长（分钟，默认 3）</translation>
    </message>
</context>
</TS>
