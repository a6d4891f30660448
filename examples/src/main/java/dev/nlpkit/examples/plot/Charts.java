package dev.nlpkit.examples.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import dev.nlpkit.classify.metrics.RocCurve;
import dev.nlpkit.core.AtomicFiles;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.None;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG charts for the sentiment workflow, drawn with XChart off-screen (headless) and written atomically
 * ({@link AtomicFiles}): learning curves, ROC curves of several models, and a 2-D map of word vectors coloured by
 * polarity. Each method returns the path it wrote.
 */
public final class Charts {

    static {
        // Drawing into a BufferedImage needs no display; say so before AWT initializes.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Size of every chart, in pixels. */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 600;

    private static final Color TRAIN = new Color(0x1f77b4);
    private static final Color VALIDATION = new Color(0xff7f0e);

    private Charts() {
    }

    /** Training and validation loss per epoch. */
    public static Path writeLossCurves(Path target, TrainingHistory history) throws IOException {
        return writeCurves(target, "Loss per epoch", "binary cross-entropy", history.trainLoss(),
                history.hasValidation() ? history.validationLoss() : null);
    }

    /** Training and validation accuracy per epoch. */
    public static Path writeAccuracyCurves(Path target, TrainingHistory history) throws IOException {
        return writeCurves(target, "Accuracy per epoch", "accuracy", history.trainAccuracy(),
                history.hasValidation() ? history.validationAccuracy() : null);
    }

    private static Path writeCurves(Path target, String title, String yTitle, double[] train, double[] validation)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setMarkerSize(6);
        styler.setXAxisDecimalPattern("0");
        double[] epochs = IntStream.rangeClosed(1, train.length).asDoubleStream().toArray();
        XYSeries trainSeries = chart.addSeries("training", epochs, train);
        trainSeries.setLineColor(TRAIN);
        trainSeries.setMarkerColor(TRAIN);
        trainSeries.setMarker(SeriesMarkers.CIRCLE);
        if (validation != null) {
            XYSeries validationSeries = chart.addSeries("validation", epochs, validation);
            validationSeries.setLineColor(VALIDATION);
            validationSeries.setMarkerColor(VALIDATION);
            validationSeries.setMarker(SeriesMarkers.DIAMOND);
        }
        return save(target, chart);
    }

    /** The ROC curves of several models, each labelled with its AUC, and the chance diagonal. */
    public static Path writeRocCurves(Path target, Map<String, RocCurve> curves) throws IOException {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("a ROC chart needs at least one model");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("ROC curves (test split)")
                .xAxisTitle("false positive rate").yAxisTitle("true positive rate").build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideSE);
        styler.setXAxisMin(0.0);
        styler.setXAxisMax(1.0);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(1.0);
        styler.setXAxisDecimalPattern("0.0");
        styler.setYAxisDecimalPattern("0.0");
        for (Map.Entry<String, RocCurve> e : curves.entrySet()) {
            RocCurve roc = e.getValue();
            double[][] xy = thin(roc.falsePositiveRates(), roc.truePositiveRates(), 2000);
            XYSeries series = chart.addSeries(String.format(Locale.ROOT, "%s (AUC %.4f)", e.getKey(), roc.auc()),
                    xy[0], xy[1]);
            series.setMarker(new None());
        }
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(new None());
        chance.setLineColor(Color.GRAY);
        return save(target, chart);
    }

    /**
     * A scatter of 2-D word positions (from {@link WordMapProjection}), one colour per {@link Polarity}, each point
     * labelled with its word.
     *
     * @param words     the words, {@code n}
     * @param positions {@code [n][2]} coordinates
     * @param polarity  the colour class of each word, {@code n}
     */
    public static Path writeWordMap(Path target, String title, List<String> words, double[][] positions,
            List<Polarity> polarity) throws IOException {
        if (words.size() != positions.length || words.size() != polarity.size()) {
            throw new IllegalArgumentException("word map needs as many positions and polarities as words: "
                    + words.size() + " words, " + positions.length + " positions, " + polarity.size() + " polarities");
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a word map needs at least one word");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("component 1")
                .yAxisTitle("component 2").build();
        XYStyler styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setMarkerSize(7);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        Map<Polarity, List<double[]>> groups = new EnumMap<>(Polarity.class);
        for (int i = 0; i < words.size(); i++) {
            if (positions[i].length != 2 || !Double.isFinite(positions[i][0]) || !Double.isFinite(positions[i][1])) {
                throw new IllegalArgumentException("position of '" + words.get(i) + "' must be 2 finite numbers");
            }
            groups.computeIfAbsent(polarity.get(i), p -> new ArrayList<>()).add(positions[i]);
        }
        Map<Polarity, Color> colours = Map.of(Polarity.POSITIVE, new Color(0x2ca02c), Polarity.NEGATIVE,
                new Color(0xd62728), Polarity.UNKNOWN, new Color(0x7f7f7f));
        for (Map.Entry<Polarity, List<double[]>> group : groups.entrySet()) {
            double[] x = group.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] y = group.getValue().stream().mapToDouble(p -> p[1]).toArray();
            XYSeries series = chart.addSeries(group.getKey().name().toLowerCase(Locale.ROOT), x, y);
            series.setMarkerColor(colours.get(group.getKey()));
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        for (int i = 0; i < words.size(); i++) {
            chart.addAnnotation(new AnnotationText(words.get(i), positions[i][0], positions[i][1], false));
        }
        styler.setAnnotationTextFontColor(Color.DARK_GRAY);
        return save(target, chart);
    }

    /** Keeps at most {@code max} points, always the first and last, so huge test sets draw quickly. */
    private static double[][] thin(double[] x, double[] y, int max) {
        if (x.length <= max) {
            return new double[][] {x, y};
        }
        double[] tx = new double[max];
        double[] ty = new double[max];
        for (int i = 0; i < max; i++) {
            int source = (int) Math.round((double) i * (x.length - 1) / (max - 1));
            tx[i] = x[source];
            ty[i] = y[source];
        }
        return new double[][] {tx, ty};
    }

    private static Path save(Path target, XYChart chart) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.write(target, png);
        return target;
    }
}
