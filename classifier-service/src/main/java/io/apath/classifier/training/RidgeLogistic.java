package io.apath.classifier.training;

import java.util.List;

/**
 * Ridge logistic regression by Newton's method (IRLS), for the small dense problems of training: the calibration
 * layer (a few dozen inputs) and the second opinion's stacked heads (a few hundred). The last input is the bias, which
 * is not penalised. Deterministic: the same rows in the same order give the same weights.
 */
final class RidgeLogistic {

    private RidgeLogistic() {}

    /**
     * Minimises {@code sum of log losses + ridge / 2 * |beta without bias|^2} from {@code start}. Without both
     * classes there is nothing to learn and {@code start} is returned.
     */
    static double[] fit(List<double[]> inputs, List<Boolean> targets, double ridge, double[] start) {
        int d = start.length;
        double[] beta = start.clone();
        long positives = targets.stream().filter(t -> t).count();
        if (positives == 0 || positives == targets.size()) {
            return beta;
        }
        for (int iteration = 0; iteration < 30; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int j = 0; j < d - 1; j++) {
                gradient[j] = ridge * beta[j];
                hessian[j][j] = ridge;
            }
            hessian[d - 1][d - 1] = 1e-6;
            for (int k = 0; k < inputs.size(); k++) {
                double[] z = inputs.get(k);
                double q = 1 / (1 + Math.exp(-dot(beta, z)));
                double r = q - (targets.get(k) ? 1 : 0);
                double v = Math.max(q * (1 - q), 1e-9);
                for (int a = 0; a < d; a++) {
                    if (z[a] == 0) {
                        continue;
                    }
                    gradient[a] += r * z[a];
                    for (int b = 0; b < d; b++) {
                        hessian[a][b] += v * z[a] * z[b];
                    }
                }
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j < d; j++) {
                beta[j] -= step[j];
                change += Math.abs(step[j]);
            }
            if (change < 1e-6) {
                break;
            }
        }
        return beta;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(matrix[i], n + 1);
            m[i][n] = vector[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            if (Math.abs(m[col][col]) < 1e-12) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }
}
